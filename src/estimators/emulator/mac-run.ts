/**
 * Runs a {@link MacPlan} over a batch: on contiguous input vectors (Dense) or on windows gathered from each sample
 * (convolutions, im2col with zeros for padding), then casts to `res_t`, recording accum and result overflows.
 */
import { fractionalBits, type FixedType } from '../../fixed/precision.js';
import { castDoubles, castMantissas, allMantissas } from './cast-values.js';
import type { LayerEnv } from './layer-env.js';
import { castsPerVector, macFast, macMode, macSlow, type MacPlan } from './mac.js';
import type { Values } from './values.js';

/** One MAC step of a layer. */
export interface MacJob {
  readonly env: LayerEnv;
  readonly plan: MacPlan;
  readonly input: Values;
  /** Output vectors per sample (rows of a multi-dimensional Dense, output pixels of a conv). */
  readonly vectors: number;
  /**
   * For vector v and window element e, the input index within the sample at `gather[v·nIn + e]` (−1 = padding, 0).
   * Absent: vector v reads input elements v·nIn … v·nIn + nIn − 1.
   */
  readonly gather?: Int32Array;
  readonly result: FixedType;
  /** Variable names the overflows are recorded under (`accum`, `result` unless a split layer renames them). */
  readonly accumVariable?: string;
  readonly resultVariable?: string;
}

/** Runs the job; returns the layer (or sub-layer) output, `vectors · nOut` values per sample. */
export function runMac(job: MacJob): Values {
  const { env, plan, input, vectors, gather, result } = job;
  const { nIn, nOut } = plan;
  const count = input.count;
  const outSize = vectors * nOut;
  const mode = macMode(plan, input.type);
  const layer = env.layer.name;
  const accumVar = job.accumVariable ?? 'accum';
  let ovf = plan.biasAccOverflows * count * vectors;
  const sink = { tally: env.tally, layer, variable: job.resultVariable ?? 'result' };
  let out: Values;
  if (mode.fast) {
    const acc = new Float64Array(count * outSize);
    const x = input.data;
    const buf = gather ? new Float64Array(nIn) : x;
    for (let s = 0; s < count; s++) {
      const base = s * input.size;
      for (let v = 0; v < vectors; v++) {
        let off = base + v * nIn;
        if (gather) {
          const g = v * nIn;
          for (let e = 0; e < nIn; e++) {
            const src = gather[g + e];
            buf[e] = src < 0 ? 0 : x[base + src];
          }
          off = 0;
        }
        ovf += macFast(plan, mode, buf, off, acc, s * outSize + v * nOut);
      }
    }
    env.tally.add(layer, accumVar, ovf, count * vectors * castsPerVector(plan));
    out = castDoubles(acc, count, outSize, result, sink);
  } else {
    const x = allMantissas(input);
    const fx = fractionalBits(input.type);
    const acc: bigint[] = new Array(count * outSize);
    const buf: bigint[] = gather ? new Array(nIn) : x;
    for (let s = 0; s < count; s++) {
      const base = s * input.size;
      for (let v = 0; v < vectors; v++) {
        let off = base + v * nIn;
        if (gather) {
          const g = v * nIn;
          for (let e = 0; e < nIn; e++) {
            const src = gather[g + e];
            buf[e] = src < 0 ? 0n : x[base + src];
          }
          off = 0;
        }
        ovf += macSlow(plan, buf, off, fx, acc, s * outSize + v * nOut);
      }
    }
    env.tally.add(layer, accumVar, ovf, count * vectors * castsPerVector(plan));
    out = castMantissas(acc, fractionalBits(plan.accum), count, outSize, result, sink);
  }
  return out;
}
