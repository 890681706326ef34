/**
 * Merges the linear activations that stand for QONNX `Quant` nodes on activations into the layer they quantise,
 * as hls4ml's `MergeLinearActivation` does: the producer takes the quantiser as its `result` precision. Only
 * "safe" producers (whose output type can change without changing the computation) are merged, and only when
 * the quantiser is their sole reader and they have no result precision yet; the rest stay as linear activations.
 * @see hls4ml `model/optimizer/passes/linear.py`
 */
import type { LayerKind } from '../layer-kinds.js';
import type { LayerSpec } from '../layer-spec.js';

/** hls4ml's safe parents (Dense, Conv, BatchNormalization, Activation and subclasses) plus the Input layer. */
const SAFE_PARENTS: ReadonlySet<LayerKind> = new Set<LayerKind>([
  'Input',
  'Dense',
  'Conv1D',
  'Conv2D',
  'DepthwiseConv1D',
  'DepthwiseConv2D',
  'BatchNormalization',
  'Activation',
  'Softmax',
]);

function readersOf(name: string, specs: readonly LayerSpec[], outputs: readonly string[]): number {
  let n = outputs.filter((o) => o === name).length;
  for (const s of specs) n += s.inputs.filter((i) => i === name).length;
  return n;
}

/** Returns the specs and outputs with every mergeable quantiser activation (named in `candidates`) folded away. */
export function mergeQuantActivations(
  specs: readonly LayerSpec[],
  outputs: readonly string[],
  candidates: Iterable<string>,
): { specs: LayerSpec[]; outputs: string[] } {
  let list = [...specs];
  let outs = [...outputs];
  for (const name of candidates) {
    const act = list.find((s) => s.name === name);
    const result = act?.quantizers?.result;
    const parentName = act?.inputs[0];
    const parent = list.find((s) => s.name === parentName);
    if (!act || !result || !parent || !parentName || !SAFE_PARENTS.has(parent.kind) || parent.quantizers?.result) continue;
    if (readersOf(parentName, list, outs) !== 1) continue;
    list = list
      .filter((s) => s !== act)
      .map((s) => {
        if (s === parent) return { ...s, quantizers: { ...s.quantizers, result } };
        if (s.inputs.includes(name)) return { ...s, inputs: s.inputs.map((i) => (i === name ? parentName : i)) };
        return s;
      });
    outs = outs.map((o) => (o === name ? parentName : o));
  }
  return { specs: list, outputs: outs };
}
