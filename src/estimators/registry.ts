/**
 * The layer-estimator registry: one line per estimator file. The first estimator that covers a signature
 * (family × strategy × io type) estimates it; an uncovered combination is an error naming the triple, never 0.
 */
import { fail } from '../util/errors.js';
import { activationEstimator } from './layers/activation.js';
import { batchnormEstimator } from './layers/batchnorm.js';
import { concatEstimator } from './layers/concat.js';
import { convEstimator } from './layers/conv.js';
import { denseEstimator } from './layers/dense.js';
import { depthwiseEstimator } from './layers/depthwise.js';
import { freeEstimator } from './layers/free.js';
import { globalPoolingEstimator } from './layers/global-pooling.js';
import { mergeEstimator } from './layers/merge.js';
import { poolingEstimator } from './layers/pooling.js';
import { quantizerEstimator } from './layers/quantizer.js';
import { rnnEstimator } from './layers/rnn.js';
import { separableEstimator } from './layers/separable.js';
import { softmaxEstimator } from './layers/softmax.js';
import { tableActivationEstimator } from './layers/table-activation.js';
import { transposeEstimator } from './layers/transpose.js';
import { upsamplingEstimator } from './layers/upsampling.js';
import { zeropadEstimator } from './layers/zeropad.js';
import type { LayerFamily, LayerSignature } from './signature.js';
import type { LayerEstimator } from './types.js';

/** Every layer estimator, in lookup order. */
export const estimatorRegistry: readonly LayerEstimator[] = [
  denseEstimator,
  convEstimator,
  depthwiseEstimator,
  separableEstimator,
  poolingEstimator,
  globalPoolingEstimator,
  activationEstimator,
  tableActivationEstimator,
  softmaxEstimator,
  batchnormEstimator,
  mergeEstimator,
  concatEstimator,
  freeEstimator,
  transposeEstimator,
  zeropadEstimator,
  upsamplingEstimator,
  rnnEstimator,
  quantizerEstimator,
];

const BY_FAMILY = new Map<LayerFamily, LayerEstimator[]>();
for (const e of estimatorRegistry) {
  for (const f of e.families) BY_FAMILY.set(f, [...(BY_FAMILY.get(f) ?? []), e]);
}

/** The estimator covering a signature, or undefined. */
export function findEstimator(sig: LayerSignature): LayerEstimator | undefined {
  const list = BY_FAMILY.get(sig.family);
  if (list) for (const e of list) if (e.covers(sig)) return e;
  return undefined;
}

/** The estimator covering a signature; an `unsupported-layer` error naming (kind, strategy, io type) otherwise. */
export function estimatorFor(sig: LayerSignature, layerName?: string): LayerEstimator {
  const e = findEstimator(sig);
  if (!e) {
    fail('unsupported-layer', undefined, `${layerName ? `layer '${layerName}': ` : ''}no estimator for (${sig.label}, ${sig.strategy}, ${sig.ioType})`);
  }
  return e;
}
