/** The fixed-point core: `ap_fixed` types, exact BigInt casts and arithmetic, and the fast double cast path. */
export * from './precision.js';
export * from './dyadic.js';
export * from './quantize.js';
export * from './fixed-value.js';
export * from './fixed-ops.js';
export * from './fast-cast.js';
