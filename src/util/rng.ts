/**
 * A small seeded pseudo-random generator (xoshiro128**, seeded through splitmix32) and derived seeds.
 * Every random stream in hlsdse comes from here with an explicit seed; nothing reads a global RNG.
 * @see Blackman & Vigna, "Scrambled linear pseudorandom number generators" (xoshiro128**, 2018)
 */

/** A seeded stream of pseudo-random numbers. */
export interface Rng {
  /** The next 32-bit unsigned integer. */
  nextUint32(): number;
  /** A float uniform in [0, 1) with 32 bits of randomness. */
  next(): number;
  /** A float uniform in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** An integer uniform in [0, n) (n ≥ 1). */
  int(n: number): number;
  /** A standard normal variate (Box–Muller; the second value of each pair is kept for the next call). */
  normal(): number;
}

/** splitmix32: expands one 32-bit seed into a well-mixed sequence (used to fill the xoshiro state). */
function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** 32-bit FNV-1a over the UTF-16 code units of a string. */
function fnv1a(text: string, h = 0x811c9dc5): number {
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Normalises a seed (any finite number or a string) to an unsigned 32-bit integer. */
export function seedOf(seed: number | string): number {
  if (typeof seed === 'string') return fnv1a(seed);
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  const lo = Math.trunc(seed) >>> 0;
  const hi = Math.trunc(seed / 2 ** 32) >>> 0;
  return hi === 0 ? lo : (lo ^ Math.imul(hi, 0x9e3779b1)) >>> 0;
}

/**
 * A seed derived from a parent seed and a label (`forkSeed(7, 'synthetic/input_1')`): streams forked with
 * different labels are independent, and adding a new label never shifts the existing ones.
 */
export function forkSeed(seed: number | string, label: string): number {
  const mix = splitmix32(fnv1a(label, seedOf(seed) ^ 0x811c9dc5));
  mix();
  return mix();
}

/** Creates a xoshiro128** generator from a seed. */
export function createRng(seed: number | string): Rng {
  const init = splitmix32(seedOf(seed));
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  if ((a | b | c | d) === 0) a = 1; // the all-zero state is a fixed point
  let spare: number | undefined;
  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
    const t = (b << 9) >>> 0;
    c = (c ^ a) >>> 0;
    d = (d ^ b) >>> 0;
    b = (b ^ c) >>> 0;
    a = (a ^ d) >>> 0;
    c = (c ^ t) >>> 0;
    d = rotl(d, 11);
    return result;
  };
  const next = (): number => nextUint32() / 4294967296;
  return {
    nextUint32,
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    int: (n) => {
      if (!Number.isInteger(n) || n < 1) throw new RangeError(`int(n) needs an integer n ≥ 1, got ${n}`);
      return Math.floor(next() * n);
    },
    normal: () => {
      if (spare !== undefined) {
        const s = spare;
        spare = undefined;
        return s;
      }
      let u = 0;
      while (u === 0) u = next();
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
