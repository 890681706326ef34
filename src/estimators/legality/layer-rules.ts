/**
 * Legality of a layer's knobs, with the reason for every illegal combination (hls4ml's own behaviour is to
 * snap or silently fall back; hlsdse refuses, so a design point means exactly what it says).
 * @see /work/shared/docs/hls4ml.md §1.4 (strategies per layer), §1.5 (reuse factor, ParallelizationFactor),
 *   §2.1 and §8 item 4/5 (Vivado HLS's 4096 unroll/partition limit, "XFORM 203-504 Stop unrolling loop")
 */
import type { IoType } from '../../ir/graph.js';
import type { LayerKnobs } from '../../ir/design-point.js';
import type { Layer, Strategy } from '../../ir/layer.js';
import { CONV_KINDS, RNN_KINDS, WEIGHTED_KINDS } from '../../ir/layer-kinds.js';
import { divisors, isValidReuseFactor } from './reuse-factor.js';

/** Vivado HLS refuses to fully unroll loops (or partition arrays) beyond this many elements. */
export const VIVADO_UNROLL_LIMIT = 4096;

/** Why a knob assignment is illegal, or a non-fatal caution about it. */
export interface Violation {
  readonly layer: string;
  readonly code: 'strategy' | 'reuse-factor' | 'parallelization-factor' | 'unroll-limit' | 'io-type' | 'unsupported';
  readonly message: string;
}

/** Strategies hls4ml implements for a layer kind (others are silently replaced by hls4ml; hlsdse rejects them). */
export function supportedStrategies(layer: Layer, ioType: IoType): readonly Strategy[] {
  const k = layer.kind;
  if (k === 'Dense') return ['latency', 'resource', 'resource_unrolled', 'distributed_arithmetic'];
  if (k === 'Conv1D' || k === 'Conv2D') {
    return ioType === 'io_stream' ? ['latency', 'resource', 'resource_unrolled', 'distributed_arithmetic'] : ['latency', 'resource', 'distributed_arithmetic'];
  }
  if (CONV_KINDS.has(k)) return ['latency', 'resource'];
  if (RNN_KINDS.has(k)) return ['latency', 'resource', 'resource_unrolled'];
  return ['latency'];
}

/** Checks one layer's knobs; returns every violation (empty when legal). `backend` decides the unroll limit. */
export function checkLayerKnobs(layer: Layer, knobs: LayerKnobs, ioType: IoType, backend: string): Violation[] {
  const out: Violation[] = [];
  const v = (code: Violation['code'], message: string) => out.push({ layer: layer.name, code, message });
  if (!WEIGHTED_KINDS.has(layer.kind)) {
    if (!Number.isInteger(knobs.reuseFactor) || knobs.reuseFactor < 1) v('reuse-factor', `reuse factor must be a positive integer, got ${knobs.reuseFactor}`);
    return out;
  }
  const { nIn, nOut } = layer.facts;
  const rf = knobs.reuseFactor;
  const s = knobs.strategy;
  const supported = supportedStrategies(layer, ioType);
  if (!supported.includes(s)) {
    v('strategy', `strategy ${s} is not implemented for ${layer.kind}${layer.kind.startsWith('Conv') ? ` with ${ioType}` : ''} (hls4ml supports ${supported.join(', ')})`);
  }
  if (!Number.isInteger(rf) || rf < 1 || rf > nIn * nOut) {
    v('reuse-factor', `reuse factor ${rf} is outside 1..${nIn * nOut} (n_in·n_out = ${nIn}·${nOut})`);
  } else if (s === 'distributed_arithmetic' && rf !== 1) {
    v('reuse-factor', `distributed_arithmetic needs reuse factor 1, got ${rf}`);
  } else if (s === 'resource' || s === 'resource_unrolled') {
    if (!isValidReuseFactor(nIn, nOut, rf)) v('reuse-factor', `reuse factor ${rf} is not valid for n_in=${nIn}, n_out=${nOut} (hls4ml would snap it)`);
    else if (s === 'resource_unrolled' && (rf === 1 || rf === nIn * nOut)) {
      v('reuse-factor', `resource_unrolled needs 1 < reuse factor < ${nIn * nOut}, got ${rf} (hls4ml falls back to Resource)`);
    }
  }
  const pixels = layer.window ? layer.window.outHeight * layer.window.outWidth : 1;
  const pf = knobs.parallelizationFactor;
  if (pf !== 1 && (!layer.window || pixels % pf !== 0)) {
    v('parallelization-factor', `ParallelizationFactor ${pf} must divide the ${pixels} output pixels (valid: ${divisors(pixels).join(', ')})`);
  }
  if (backend.toLowerCase() === 'vivado' && s === 'latency') {
    const unrolled = nIn * nOut * (ioType === 'io_parallel' ? pf : 1);
    if (unrolled > VIVADO_UNROLL_LIMIT) {
      v('unroll-limit', `Latency unrolls ${unrolled} multiplications, past Vivado HLS's limit of ${VIVADO_UNROLL_LIMIT} ("Stop unrolling loop"); use Resource or io_stream`);
    }
  }
  return out;
}
