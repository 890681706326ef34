/** Content hashes that do not depend on key order or object identity. */
import { createHash } from 'node:crypto';

/** JSON with object keys sorted, so equal values serialise equally. Typed arrays become plain arrays. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>);
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(v as object).sort()) sorted[k] = (v as Record<string, unknown>)[k];
      return sorted;
    }
    return v;
  });
}

/** Incremental SHA-256 over strings and raw typed-array bytes; `digest()` gives lowercase hex. */
export class StableHasher {
  private readonly h = createHash('sha256');
  /** Adds a value through {@link canonicalJson}. */
  json(value: unknown): this {
    this.h.update(canonicalJson(value));
    this.h.update('\0');
    return this;
  }
  /** Adds the bytes of a typed array. */
  bytes(view: ArrayBufferView): this {
    this.h.update(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
    this.h.update('\0');
    return this;
  }
  /** The hex digest. */
  digest(): string {
    return this.h.digest('hex');
  }
}

/** SHA-256 hex of a value's canonical JSON. */
export function stableHash(value: unknown): string {
  return new StableHasher().json(value).digest();
}
