/**
 * Signature fields from a layer's real kernel values: zero, ±2^k and signed-digit counts of the values quantised to
 * the layer's weight type. Shared by both record sources (hls4ml project folders and synthesis CSVs with a weights
 * index). Pure.
 */
import type { FixedType } from '../../fixed/precision.js';
import type { LayerSignature } from '../signature.js';
import { weightStatsOfValues, type KernelValues } from '../weight-stats.js';

/**
 * The weight-count fields of a signature from kernels (values and row length), when their total length is the layer's weight count;
 * otherwise (another layout, a partial file) nothing, and the record keeps its zero count or the Gaussian guess.
 */
export function knownWeightFields(kernels: readonly KernelValues[], nWeights: number | undefined, weight: FixedType): Partial<LayerSignature> {
  if (!nWeights || kernels.length === 0) return {};
  if (kernels.reduce((n, k) => n + k.data.length, 0) !== nWeights) return {};
  const s = weightStatsOfValues(kernels, weight);
  return { zeroWeights: s.zeros, pow2Weights: s.pow2, weightDigitCounts: s.digitCounts, weightDistinctDigitCounts: s.distinctDigitCounts, weightsKnown: true };
}
