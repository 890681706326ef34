/**
 * Resolves one layer's precisions and knobs from an hls4ml `HLSConfig`, with hls4ml's precedence:
 * LayerName → LayerType → Model. A QKeras/QONNX weight or bias quantizer always fixes that variable (hls4ml's
 * `add_weights_variable` takes the quantizer's type over any config); other quantizer types and HGQ proxy
 * overrides sit above the config's defaults but yield to an explicit per-variable LayerName entry (hls4ml's
 * HGQ rule: embedded settings apply "unless the user set the key").
 * @see hls4ml/model/graph.py `HLSConfig.get_precision`, `get_reuse_factor`, `get_strategy`
 */
import type { Precision } from '../fixed/precision.js';
import type { HlsConfigBlock, HlsConfigSpec } from './formats/hls4ml-config.js';
import type { ActivationFn, LayerConfig, PrecisionSlot, Strategy } from './layer.js';
import { hlsClassOf, type LayerKind } from './layer-kinds.js';
import { precisionSlots } from './precision-slots.js';

/** What {@link resolveLayerSettings} needs to know about a layer. */
export interface LayerIdentity {
  readonly name: string;
  readonly kind: LayerKind;
  readonly sourceClass: string;
  readonly activationFn?: ActivationFn;
  readonly quantizers: Readonly<Record<string, Precision>>;
  readonly overrides: Readonly<Record<string, unknown>>;
  /** The producer's resolved result, for layers hls4ml computes in place (Flatten, Reshape). */
  readonly upstreamResult?: PrecisionSlot;
}

/** The precisions and knobs of a layer after the config is applied. */
export interface LayerSettings {
  readonly precisions: Record<string, PrecisionSlot>;
  readonly config: LayerConfig;
}

/** Variables holding stored parameters: a file quantizer on them is final, as in hls4ml. */
const WEIGHT_VARIABLES: ReadonlySet<string> = new Set(['weight', 'bias', 'depthwise', 'pointwise', 'recurrent_weight', 'recurrent_bias']);

/** An empty config block. */
export const EMPTY_BLOCK: HlsConfigBlock = Object.freeze({ precisionVars: {}, extra: {} });

/** An empty `HLSConfig` (every layer gets hls4ml's defaults). */
export const EMPTY_HLS_CONFIG: HlsConfigSpec = Object.freeze({ model: EMPTY_BLOCK, layerType: {}, layerName: {} });

/** Looks a block up case-insensitively (hls4ml lower-cases layer names and class names when it matches). */
function lookup(map: Readonly<Record<string, HlsConfigBlock>>, key: string): HlsConfigBlock | undefined {
  if (map[key]) return map[key];
  const k = key.toLowerCase();
  for (const [name, block] of Object.entries(map)) if (name.toLowerCase() === k) return block;
  return undefined;
}

/** The LayerType blocks that apply to a layer: its hls4ml class, then its source class (e.g. `QDense`). */
function typeBlocks(spec: HlsConfigSpec, id: LayerIdentity): HlsConfigBlock[] {
  const out: HlsConfigBlock[] = [];
  for (const key of [hlsClassOf(id.kind), id.sourceClass]) {
    const b = lookup(spec.layerType, key);
    if (b && !out.includes(b)) out.push(b);
  }
  return out;
}

/** Resolves a layer's precisions and config. `modelDefault` is `Model.Precision` (or hls4ml's `ap_fixed<16,6>`). */
export function resolveLayerSettings(spec: HlsConfigSpec, id: LayerIdentity, modelDefault: Precision): LayerSettings {
  const byName = lookup(spec.layerName, id.name);
  const byType = typeBlocks(spec, id);
  const chain: [HlsConfigBlock, 'LayerName' | 'LayerType' | 'Model'][] = [
    ...(byName ? [[byName, 'LayerName'] as [HlsConfigBlock, 'LayerName']] : []),
    ...byType.map((b) => [b, 'LayerType'] as [HlsConfigBlock, 'LayerType']),
    [spec.model, 'Model'],
  ];
  const precisions: Record<string, PrecisionSlot> = {};
  for (const slot of precisionSlots(id.kind, id.activationFn)) {
    precisions[slot.name] = resolveSlot(slot.name, slot.ownDefault, chain, id.quantizers, id.overrides, modelDefault);
  }
  // Flatten and Reshape are in place in hls4ml: their output keeps the input's type unless set explicitly.
  if ((id.kind === 'Flatten' || id.kind === 'Reshape') && precisions.result.source === 'Model' && id.upstreamResult) {
    precisions.result = { precision: id.upstreamResult.precision, source: 'inferred' };
  }
  const pick = <K extends keyof HlsConfigBlock>(key: K): HlsConfigBlock[K] | undefined => {
    for (const [b] of chain) if (b[key] !== undefined) return b[key];
    return undefined;
  };
  const ov = id.overrides;
  const ovNum = (k: string): number | undefined => (typeof ov[k] === 'number' ? (ov[k] as number) : undefined);
  const extra: Record<string, unknown> = {};
  for (const [b] of [...chain].reverse()) Object.assign(extra, b.extra);
  const strategy: Strategy = pick('strategy') ?? 'latency';
  const config: LayerConfig = {
    strategy,
    reuseFactor: pick('reuseFactor') ?? 1,
    // hls4ml reads ParallelizationFactor only from the LayerName block when one exists (get_layer_config_value).
    parallelizationFactor: (byName ? byName.parallelizationFactor : pick('parallelizationFactor')) ?? ovNum('parallelization_factor') ?? 1,
    convImplementation: pick('convImplementation') ?? 'LineBuffer',
    tableSize: byName?.tableSize ?? ovNum('table_size') ?? pick('tableSize') ?? 1024,
    ...(pick('implementation') !== undefined ? { implementation: pick('implementation') } : {}),
    extra,
  };
  return { precisions, config };
}

function resolveSlot(
  name: string,
  ownDefault: Precision | undefined,
  chain: readonly [HlsConfigBlock, 'LayerName' | 'LayerType' | 'Model'][],
  quantizers: Readonly<Record<string, Precision>>,
  overrides: Readonly<Record<string, unknown>>,
  modelDefault: Precision,
): PrecisionSlot {
  if (WEIGHT_VARIABLES.has(name) && quantizers[name]) return { precision: quantizers[name], source: 'quantizer' };
  const [first] = chain;
  if (first && first[1] === 'LayerName' && first[0].precisionVars[name]) {
    return { precision: first[0].precisionVars[name], source: 'LayerName' };
  }
  if (quantizers[name]) return { precision: quantizers[name], source: 'quantizer' };
  const embedded = overrides[`${name}_t`] as Precision | undefined;
  if (embedded && typeof embedded === 'object' && 'kind' in embedded) return { precision: embedded, source: 'quantizer' };
  for (const [block, source] of chain) {
    if (block.precisionVars[name]) return { precision: block.precisionVars[name], source };
  }
  if (ownDefault) return { precision: ownDefault, source: 'default' };
  for (const [block, source] of chain) {
    if (block.precisionDefault && source !== 'Model') return { precision: block.precisionDefault, source };
  }
  return { precision: modelDefault, source: 'Model' };
}
