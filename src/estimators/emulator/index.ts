/** The bit-accurate emulator of hls4ml firmware: entry point and contract. */
export { emulateGraph } from './emulate-graph.js';
export type { Batch, EmulationOptions, EmulationResult, OverflowCount } from './types.js';
export { hasAutoPrecision, resolveAutoPrecisions } from '../precision/infer-auto.js';
