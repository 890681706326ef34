/**
 * Fixed-point precision types as hls4ml and Xilinx `ap_fixed` know them, and the strings users write for them.
 *
 * @see hls4ml `FPGABackend.convert_precision_string` (hls4ml/backends/fpga/fpga_backend.py) for the accepted forms:
 *   `ap_fixed<W,I[,Q[,O[,N]]]>`, `ap_ufixed`, `ap_int<W>`, `ap_uint<W>`, the same without `ap_`, and `auto`.
 */

/** Quantisation (rounding) modes of `ap_fixed`, without the `AP_` prefix as hls4ml stores them. */
export const ROUNDING_MODES = ['TRN', 'TRN_ZERO', 'RND', 'RND_ZERO', 'RND_MIN_INF', 'RND_INF', 'RND_CONV'] as const;
/** A quantisation (rounding) mode of `ap_fixed`. */
export type RoundingMode = (typeof ROUNDING_MODES)[number];

/** Overflow modes of `ap_fixed`, without the `AP_` prefix. */
export const OVERFLOW_MODES = ['WRAP', 'WRAP_SM', 'SAT', 'SAT_ZERO', 'SAT_SYM'] as const;
/** An overflow mode of `ap_fixed`. */
export type OverflowMode = (typeof OVERFLOW_MODES)[number];

/** A fixed-point type `ap_fixed<width, integer, rounding, overflow, saturationBits>` (unsigned: `ap_ufixed`). */
export interface FixedType {
  readonly kind: 'fixed';
  /** Total number of bits W (≥ 1). */
  readonly width: number;
  /** Integer bits I, sign bit included for signed types; may be negative or exceed W. */
  readonly integer: number;
  readonly signed: boolean;
  readonly rounding: RoundingMode;
  readonly overflow: OverflowMode;
  /** N of `ap_fixed<W,I,Q,O,N>`: saturation bits for AP_WRAP_SM / AP_WRAP; 0 almost always. */
  readonly saturationBits: number;
  /** True when written as an integer type (`ap_int<W>` / `ap_uint<W>`), so it prints back the same way. */
  readonly isInteger?: boolean;
  /** True for QKeras `binary` quantisers (hls4ml's XnorPrecisionType): one bit encoding −1/+1. */
  readonly binary?: boolean;
}

/** `auto`: the width is inferred from the layer's inputs as hls4ml's `infer_precision_types` pass does. */
export interface AutoType {
  readonly kind: 'auto';
}

/** A precision slot's value: a concrete fixed-point type or `auto`. */
export type Precision = FixedType | AutoType;

/** The `auto` precision value. */
export const AUTO: AutoType = Object.freeze({ kind: 'auto' });

/** Options for {@link fixed}; anything left out takes `ap_fixed`'s defaults (signed, TRN, WRAP, N=0). */
export interface FixedOptions {
  signed?: boolean;
  rounding?: RoundingMode;
  overflow?: OverflowMode;
  saturationBits?: number;
  isInteger?: boolean;
  binary?: boolean;
}

/** Builds a {@link FixedType}; throws a `RangeError` on a width below 1 or non-integer bits. */
export function fixed(width: number, integer: number, options: FixedOptions = {}): FixedType {
  if (!Number.isInteger(width) || width < 1) throw new RangeError(`width must be an integer ≥ 1, got ${width}`);
  if (!Number.isInteger(integer)) throw new RangeError(`integer bits must be an integer, got ${integer}`);
  const t: FixedType = {
    kind: 'fixed',
    width,
    integer,
    signed: options.signed ?? true,
    rounding: options.rounding ?? 'TRN',
    overflow: options.overflow ?? 'WRAP',
    saturationBits: options.saturationBits ?? 0,
    ...(options.isInteger ? { isInteger: true } : {}),
    ...(options.binary ? { binary: true } : {}),
  };
  return Object.freeze(t);
}

/** Error thrown by {@link parsePrecision}; the message says what in the string is wrong. */
export class PrecisionParseError extends Error {
  constructor(readonly text: string, reason: string) {
    super(`cannot parse precision '${text}': ${reason}`);
    this.name = 'PrecisionParseError';
  }
}

const TYPE_RE = /^\s*(?:ap_|ac_)?(fixed|ufixed|int|uint)\s*<([^<>]*)>\s*$/i;

function parseMode<T extends string>(raw: string, modes: readonly T[], what: string, text: string): T {
  const name = raw.trim().toUpperCase().replace(/^AP_/, '') as T;
  if (!modes.includes(name)) {
    throw new PrecisionParseError(text, `unknown ${what} mode '${raw.trim()}' (expected one of ${modes.join(', ')})`);
  }
  return name;
}

function parseBits(raw: string | undefined, what: string, text: string): number {
  const s = (raw ?? '').trim();
  if (!/^-?\d+$/.test(s)) throw new PrecisionParseError(text, `${what} must be an integer, got '${s}'`);
  return Number(s);
}

/**
 * Parses a precision string: `ap_fixed<16,6>`, `ap_fixed<8,3,AP_RND,AP_SAT>`, `ap_ufixed<8,0>`, `ap_int<8>`,
 * `fixed<16,6,RND_CONV,SAT>`, `uint<4>`, `auto`. Throws {@link PrecisionParseError} on anything else, including a
 * width of 0 (`ap_fixed<0,0>` does not exist in Vivado HLS).
 */
export function parsePrecision(text: string): Precision {
  if (typeof text !== 'string') throw new PrecisionParseError(String(text), 'expected a string');
  if (text.trim().toLowerCase() === 'auto') return AUTO;
  const m = TYPE_RE.exec(text);
  if (!m) {
    throw new PrecisionParseError(text, "expected ap_fixed<W,I>, ap_ufixed<W,I>, ap_int<W>, ap_uint<W> or 'auto'");
  }
  const base = m[1].toLowerCase();
  const args = m[2].split(',').map((s) => s.trim());
  const isInt = base === 'int' || base === 'uint';
  const signed = base === 'fixed' || base === 'int';
  if (isInt && args.length !== 1) throw new PrecisionParseError(text, `${m[1]} takes exactly one argument (the width)`);
  if (!isInt && (args.length < 2 || args.length > 5)) {
    throw new PrecisionParseError(text, `${m[1]} takes 2 to 5 arguments <W,I[,Q[,O[,N]]]>`);
  }
  const width = parseBits(args[0], 'width', text);
  if (width < 1) throw new PrecisionParseError(text, `width must be at least 1, got ${width}`);
  if (width > 65536) throw new PrecisionParseError(text, `width ${width} exceeds the ap_fixed limit of 65536`);
  if (isInt) return fixed(width, width, { signed, isInteger: true });
  const integer = parseBits(args[1], 'integer bits', text);
  const rounding = args[2] !== undefined ? parseMode(args[2], ROUNDING_MODES, 'rounding', text) : 'TRN';
  const overflow = args[3] !== undefined ? parseMode(args[3], OVERFLOW_MODES, 'overflow', text) : 'WRAP';
  const saturationBits = args[4] !== undefined ? parseBits(args[4], 'saturation bits', text) : 0;
  if (saturationBits < 0) throw new PrecisionParseError(text, `saturation bits must be ≥ 0, got ${saturationBits}`);
  return fixed(width, integer, { signed, rounding, overflow, saturationBits });
}

/**
 * Prints a precision the way hls4ml writes it in `defines.h`: trailing default modes are dropped
 * (`ap_fixed<16,6,AP_TRN,AP_WRAP,0>` → `ap_fixed<16,6>`), integer types print as `ap_int<W>`.
 */
export function formatPrecision(p: Precision): string {
  if (p.kind === 'auto') return 'auto';
  if (p.isInteger && p.integer === p.width && p.rounding === 'TRN' && p.overflow === 'WRAP' && p.saturationBits === 0) {
    return `${p.signed ? 'ap_int' : 'ap_uint'}<${p.width}>`;
  }
  const args: string[] = [String(p.width), String(p.integer)];
  const tail: string[] = [`AP_${p.rounding}`, `AP_${p.overflow}`, String(p.saturationBits)];
  let keep = 3;
  if (p.saturationBits === 0) {
    keep = 2;
    if (p.overflow === 'WRAP') {
      keep = 1;
      if (p.rounding === 'TRN') keep = 0;
    }
  }
  args.push(...tail.slice(0, keep));
  return `${p.signed ? 'ap_fixed' : 'ap_ufixed'}<${args.join(',')}>`;
}

/** Fractional bits W − I of a fixed type (negative when I > W). */
export function fractionalBits(t: FixedType): number {
  return t.width - t.integer;
}

/** True when two precisions denote the same type (binary/integer spelling flags included). */
export function samePrecision(a: Precision, b: Precision): boolean {
  return formatPrecision(a) === formatPrecision(b) && (a.kind === 'auto' || a.binary === (b as FixedType).binary);
}
