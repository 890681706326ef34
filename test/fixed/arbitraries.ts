/** fast-check generators for fixed-point types and for values that land on ties, grid points and range edges. */
import fc from 'fast-check';
import {
  fixed,
  OVERFLOW_MODES,
  ROUNDING_MODES,
  type FixedType,
  type OverflowMode,
  type RoundingMode,
} from '../../src/fixed/precision.js';

/** Every (rounding, overflow) pair, for per-mode property runs. */
export const MODE_PAIRS: ReadonlyArray<readonly [RoundingMode, OverflowMode]> = ROUNDING_MODES.flatMap((q) =>
  OVERFLOW_MODES.map((o) => [q, o] as const),
);

/** Options for {@link arbType}. */
export interface TypeOptions {
  minWidth?: number;
  maxWidth: number;
  rounding?: RoundingMode;
  overflow?: OverflowMode;
  /** Range of W − I offsets beyond [0, W]: I is drawn from [−spread, W + spread]. */
  spread?: number;
}

/** A castable fixed type: WRAP_SM forces signed, and WRAP/WRAP_SM get N = 0 half the time, else 1…W. */
export function arbType(o: TypeOptions): fc.Arbitrary<FixedType> {
  const spread = o.spread ?? 8;
  return fc.integer({ min: o.minWidth ?? 1, max: o.maxWidth }).chain((width) =>
    fc
      .record({
        integer: fc.integer({ min: -spread, max: width + spread }),
        signed: fc.boolean(),
        rounding: o.rounding !== undefined ? fc.constant(o.rounding) : fc.constantFrom(...ROUNDING_MODES),
        overflow: o.overflow !== undefined ? fc.constant(o.overflow) : fc.constantFrom(...OVERFLOW_MODES),
        n: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: width })),
      })
      .map((r) => {
        const wraps = r.overflow === 'WRAP' || r.overflow === 'WRAP_SM';
        return fixed(width, r.integer, {
          signed: r.signed || r.overflow === 'WRAP_SM',
          rounding: r.rounding,
          overflow: r.overflow,
          saturationBits: wraps ? r.n : 0,
        });
      }),
  );
}

/** A source value `mantissa · 2^-frac` near t's grid: frac a few bits either side of t's, so ties and carries occur. */
export function arbDyadicFor(t: FixedType, maxBits: number): fc.Arbitrary<{ mantissa: bigint; frac: number }> {
  const f = t.width - t.integer;
  const lim = 1n << BigInt(maxBits);
  return fc.record({
    mantissa: fc.oneof(
      fc.bigInt({ min: -lim, max: lim }),
      fc.bigInt({ min: -64n, max: 64n }),
      // just around the type's range edges, scaled below
      fc.bigInt({ min: -4n, max: 4n }).map((d) => (1n << BigInt(Math.max(0, t.width - 1))) + d),
      fc.bigInt({ min: -4n, max: 4n }).map((d) => -(1n << BigInt(Math.max(0, t.width - 1))) + d),
    ),
    frac: fc.integer({ min: f - 6, max: f + 12 }),
  });
}

/** A double near t's grid (ties, edges, carries) or anywhere, including subnormals, huge values and ±Infinity. */
export function arbDoubleFor(t: FixedType): fc.Arbitrary<number> {
  const f = t.width - t.integer;
  const edge = 2 ** (t.width - 1);
  const onGrid = (k: number) => fc.integer({ min: -(2 ** 30), max: 2 ** 30 }).map((m) => m * 2 ** -(f + k));
  const wideLim = 1n << BigInt(t.width + 6);
  // a few bits past the range, on or just off the grid: overflow with arbitrary low bits
  const beyond = fc
    .tuple(fc.bigInt({ min: -wideLim, max: wideLim }), fc.integer({ min: 0, max: 2 }))
    .map(([m, k]) => Number(m) * 2 ** -(f + k));
  return fc.oneof(
    beyond,
    beyond,
    onGrid(0),
    onGrid(1), // exact ties
    onGrid(2),
    fc.integer({ min: 1, max: 9 }).chain((k) => onGrid(k)),
    fc.integer({ min: -3, max: 3 }).map((d) => (edge + d) * 2 ** -f),
    fc.integer({ min: -3, max: 3 }).map((d) => (-edge + d) * 2 ** -f),
    fc.integer({ min: -6, max: 6 }).map((d) => (edge + d / 4) * 2 ** -f),
    fc.double({ noNaN: true }),
    fc.double({ noNaN: true, min: -1e-300, max: 1e-300 }),
    fc.float({ noNaN: true }).map((x) => x),
  );
}
