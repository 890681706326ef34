/**
 * Warnings a user needs about a design point: weights too large for the part's on-chip memory and totals beyond
 * what the part has; and the rule for accumulators narrower than their products can grow (used per layer).
 * @see /work/shared/docs/hls4ml.md §8 items 4, 8 (unroll limit, accumulator overflow: issues #1013, #324), §1.6 (BramFactor)
 */
import type { Device } from './device-data.js';
import type { LayerSignature } from './signature.js';
import { RESOURCE_TARGETS, type ResourceEstimate, type ResourceTarget } from './types.js';

const WEIGHTED = new Set(['dense', 'conv1d', 'conv2d', 'pointwise', 'depthwise', 'separable', 'rnn']);

const LABEL: Readonly<Record<ResourceTarget, string>> = { lut: 'LUT', ff: 'FF', dsp: 'DSP', bram18: 'BRAM_18K', uram: 'URAM' };

/** Integer bits a sum of `n` products of the input and weight types can need (hls4ml's `auto` accumulator rule). */
export function neededAccumInteger(sig: LayerSignature): number {
  return sig.inputInteger + sig.weightInteger + Math.ceil(Math.log2(Math.max(1, sig.nIn)));
}

/** Design-level warnings (per-layer ones, such as narrow accumulators, come with the layer estimates). */
export function designWarnings(sigs: readonly LayerSignature[], total: ResourceEstimate, device: Device): string[] {
  const out: string[] = [];
  let weightBits = 0;
  for (const s of sigs) if (WEIGHTED.has(s.family) && s.strategy !== 'distributed_arithmetic') weightBits += s.nWeights * s.weightWidth;
  const onChip = device.bram18 * 18 * 1024 + device.uram * 288 * 1024;
  if (weightBits > onChip) {
    out.push(`weights take ${Math.round(weightBits / 8192)} KiB, more than the ${device.name}'s ${Math.round(onChip / 8192)} KiB of block RAM/UltraRAM: keep weights off-chip (BramFactor) or shrink them`);
  }
  for (const t of RESOURCE_TARGETS) {
    const avail = device[t];
    const used = total[t].mean;
    if (used > avail && Number.isFinite(used)) {
      out.push(`${LABEL[t]} estimate ${Math.round(used).toLocaleString('en-US')} exceeds the ${device.name}'s ${avail.toLocaleString('en-US')} (${(used / Math.max(avail, 1)).toFixed(1)}×)`);
    }
  }
  return out;
}
