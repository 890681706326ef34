/**
 * Keras weights in HDF5: the Keras 2 layout (`layer_names` / `weight_names` attributes, as in
 * `*_weights.h5` and the `model_weights` group of a full model) and the Keras 3 layout
 * (`layers/<name>/vars/<i>` in `model.weights.h5`).
 */
import { fail } from '../../util/errors.js';
import type { Tensor } from '../tensor.js';
import { h5Get, h5StringAttr, h5StringListAttr, h5Tensor, isGroup, type H5Group } from './h5-file.js';
import type { KerasWeightSource } from './keras-convert.js';
import { kerasVariableName, kerasVariableOrder } from './keras-params.js';

/** Reads Keras 2 weights from `group` (the file root or `model_weights`); `file` names the H5 in errors. */
export function keras2WeightSource(group: H5Group, file: string): { source: KerasWeightSource; layerNames: string[] } {
  const layerNames = h5StringListAttr(group, 'layer_names');
  if (!layerNames) fail('corrupt-file', file, "no 'layer_names' attribute: not a Keras weights file");
  const known = new Set(layerNames);
  const source: KerasWeightSource = (layerName) => {
    const out = new Map<string, Tensor>();
    if (!known.has(layerName)) return out;
    const g = h5Get(group, layerName);
    if (!isGroup(g)) fail('corrupt-file', file, `layer '${layerName}' is listed but its weights group is missing`);
    for (const wn of h5StringListAttr(g, 'weight_names') ?? []) {
      const ds = h5Get(g, wn);
      if (!ds || isGroup(ds)) fail('corrupt-file', file, `weight '${layerName}/${wn}' is listed but missing`);
      out.set(kerasVariableName(wn), h5Tensor(ds, file, `${layerName}/${wn}`));
    }
    return out;
  };
  return { source, layerNames };
}

/** Keras 3's automatic object names: the class in snake_case, `_1`, `_2`… for repeats, in creation order. */
function autoNames(layers: readonly { name: string; className: string }[]): Map<string, string> {
  const counts = new Map<string, number>();
  const out = new Map<string, string>();
  for (const l of layers) {
    const snake = l.className.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z])([A-Z][a-z])/g, '$1_$2').toLowerCase();
    const n = counts.get(snake) ?? 0;
    counts.set(snake, n + 1);
    out.set(l.name, n === 0 ? snake : `${snake}_${n}`);
  }
  return out;
}

/** Reads Keras 3 weights (`layers/<object>/vars/<i>`), matching groups by their stored name or Keras' auto names. */
export function keras3WeightSource(root: H5Group, file: string, layers: readonly { name: string; className: string }[]): KerasWeightSource {
  const layersGroup = h5Get(root, 'layers');
  if (!isGroup(layersGroup)) fail('corrupt-file', file, "no 'layers' group: not a Keras 3 weights file");
  const byName = new Map<string, H5Group>();
  for (const key of layersGroup.keys) {
    const vars = h5Get(layersGroup, `${key}/vars`);
    if (!isGroup(vars)) continue;
    const stored = h5StringAttr(vars, 'name');
    if (stored) byName.set(stored, vars);
  }
  const auto = autoNames(layers.filter((l) => l.className !== 'InputLayer'));
  return (layerName, className, config) => {
    const out = new Map<string, Tensor>();
    let vars = byName.get(layerName);
    if (!vars) {
      const g = h5Get(layersGroup, `${auto.get(layerName) ?? layerName}/vars`);
      if (isGroup(g)) vars = g;
    }
    if (!vars) return out;
    const order = className === 'FixedPointQuantizer' ? ['keep_negative', 'bits', 'integers'] : kerasVariableOrder(className, config);
    const present = vars.keys.filter((k) => /^\d+$/.test(k)).sort((a, b) => Number(a) - Number(b));
    if (order.length !== present.length && present.length > 0) {
      fail('model-mismatch', file, `layer '${layerName}' (${className}) has ${present.length} weight arrays, expected ${order.length}`);
    }
    present.forEach((k, i) => {
      const ds = h5Get(vars, k);
      if (ds && !isGroup(ds)) out.set(order[i], h5Tensor(ds, file, `${layerName}/vars/${k}`));
    });
    return out;
  };
}
