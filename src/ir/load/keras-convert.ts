/**
 * A parsed Keras topology plus its weights → a {@link LoadedModel}: input layers, re-wiring around dropped
 * layers, per-layer translation, and HGQ quantizer fusion (uniform masks fold into the producer's `result_t`,
 * heterogeneous ones stay as `Quantizer` layers, as hls4ml does).
 */
import type { Precision } from '../../fixed/precision.js';
import { fail } from '../../util/errors.js';
import type { KerasTopology } from '../formats/keras-config.js';
import { batchShapeOf } from '../formats/keras-config.js';
import type { LayerSpec, LoadedModel } from '../layer-spec.js';
import { collectHgqOverrides, maskInfo, minimalWeightBits, quantizerMask } from './keras-hgq.js';
import { convertKerasLayer, DROPPED_CLASSES, UnsupportedKerasLayer } from './keras-layer.js';
import type { KerasWeights } from './keras-params.js';

/** Looks up a layer's weights by Keras variable name (empty map when it has none). */
export type KerasWeightSource = (layerName: string, className: string, config: Readonly<Record<string, unknown>>) => KerasWeights;

/** Classes of HGQ's own (non-proxy) layers: users must export a proxy model first. */
const HGQ_NATIVE = /^H(Dense|Conv1D|Conv2D|Quantize|Activation|Add|BatchNormDense|Softmax)/;

/** Converts a Keras topology to IR specs; `file` names the model file in errors. */
export function convertKerasTopology(topo: KerasTopology, weightsOf: KerasWeightSource, file: string): LoadedModel {
  const alias = new Map<string, string>();
  const resolve = (n: string): string => alias.get(n) ?? n;
  const specs: LayerSpec[] = [];
  const warnings: string[] = [];
  const overrides = collectHgqOverrides(topo.layers.filter((l) => l.layer.class_name === 'FixedPointQuantizer').map((l) => l.layer.config));
  const hasHgq = overrides.size > 0;
  for (const ref of topo.layers) {
    const { layer, name } = ref;
    const cls = layer.class_name;
    const cfg = layer.config ?? {};
    const inputs = ref.inbound.map(resolve);
    try {
      if (cls === 'InputLayer') {
        const shape = batchShapeOf(cfg);
        if (!shape || shape.some((d) => !Number.isInteger(d) || d < 1)) {
          fail('unsupported-layer', file, `input '${name}' has shape ${JSON.stringify(cfg.batch_input_shape ?? cfg.batch_shape)}; every dimension but the batch must be fixed`);
        }
        specs.push({ name, kind: 'Input', sourceClass: cls, inputs: [], attrs: { shape } });
        continue;
      }
      if (DROPPED_CLASSES.has(cls)) {
        alias.set(name, inputs[0]);
        continue;
      }
      if (cls === 'FixedPointQuantizer') {
        const mask = quantizerMask(weightsOf(name, cls, cfg), String(cfg.RND ?? 'TRN'), String(cfg.SAT ?? 'WRAP'));
        if (mask.uniform) {
          alias.set(name, inputs[0]);
          continue;
        }
        specs.push({ name, kind: 'Quantizer', sourceClass: cls, inputs, quantizers: { result: mask.envelope }, hgq: maskInfo(mask) });
        continue;
      }
      if (HGQ_NATIVE.test(cls)) {
        fail('unsupported-layer', file, `layer '${name}' (${cls}) is an HGQ training layer; export the model with HGQ's to_proxy_model first`);
      }
      const result = convertKerasLayer(cls, name, cfg, inputs, weightsOf(name, cls, cfg));
      warnings.push(...result.warnings);
      specs.push(...result.specs);
      const last = result.specs[result.specs.length - 1];
      if (last.name !== name) alias.set(name, last.name);
    } catch (e) {
      if (e instanceof UnsupportedKerasLayer) fail('unsupported-layer', file, e.message);
      if (e instanceof Error && e.name !== 'HlsdseError') fail('corrupt-file', file, `layer '${name}' (${cls}): ${e.message}`);
      throw e;
    }
  }
  const withHgq = hasHgq ? applyHgq(specs, overrides) : specs;
  const outputs = topo.outputs?.map(resolve);
  return { name: topo.name, specs: withHgq, ...(outputs ? { outputs } : {}), warnings };
}

function embeddedTypes(q: Readonly<Record<string, Precision>>): Record<string, Precision> {
  return Object.fromEntries(Object.entries(q).map(([k, v]) => [`${k}_t`, v]));
}

function applyHgq(specs: readonly LayerSpec[], overrides: ReturnType<typeof collectHgqOverrides>): LayerSpec[] {
  return specs.map((s) => {
    const o = overrides.get(s.name);
    const weight = s.params?.weight;
    const hgq = weight && s.kind !== 'Quantizer' ? { ...s.hgq, weightBits: minimalWeightBits(weight.data) } : s.hgq;
    if (!o && !hgq) return s;
    return {
      ...s,
      // Embedded precisions travel as `<var>_t` overrides so that an explicit user setting still wins.
      configOverrides: { ...(o?.config ?? {}), ...embeddedTypes(o?.quantizers ?? {}), ...s.configOverrides },
      ...(hgq ? { hgq } : {}),
    };
  });
}
