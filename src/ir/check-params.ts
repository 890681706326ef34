/** Checks that a layer's weight tensors have the shapes its architecture implies (catches JSON/H5 mismatches). */
import type { WindowGeometry } from './layer.js';
import type { LayerKind } from './layer-kinds.js';
import type { Shape, Tensor } from './tensor.js';

/** The expected shape of each parameter of a layer, where it can be derived. */
export function expectedParamShapes(kind: LayerKind, inputShape: Shape | undefined, outputShape: Shape, w: WindowGeometry | undefined, depthMultiplier: number): Record<string, Shape> {
  const last = (s: Shape | undefined) => (s ? s[s.length - 1] : 0);
  if (kind === 'Dense') return { weight: [last(inputShape), last(outputShape)], bias: [last(outputShape)] };
  if (!w) return {};
  const k = kind.endsWith('1D') ? [w.filtWidth] : [w.filtHeight, w.filtWidth];
  if (kind === 'Conv1D' || kind === 'Conv2D') return { weight: [...k, w.nChan, w.nFilt], bias: [w.nFilt] };
  if (kind === 'DepthwiseConv1D' || kind === 'DepthwiseConv2D') return { weight: [...k, w.nChan, depthMultiplier], bias: [w.nFilt] };
  if (kind === 'SeparableConv1D' || kind === 'SeparableConv2D') {
    return { depthwise: [...k, w.nChan, depthMultiplier], pointwise: [...k.map(() => 1), w.nChan * depthMultiplier, w.nFilt], bias: [w.nFilt] };
  }
  return {};
}

/** Returns a one-line description of the first mismatching parameter, or undefined when all fit. */
export function paramMismatch(params: Readonly<Record<string, Tensor>>, expected: Record<string, Shape>): string | undefined {
  for (const [name, shape] of Object.entries(expected)) {
    const t = params[name];
    if (!t) continue;
    const same = t.shape.length === shape.length && t.shape.every((d, i) => d === shape[i]);
    if (!same) return `${name} has shape [${t.shape.join(',')}] but the layer needs [${shape.join(',')}]`;
  }
  return undefined;
}
