/**
 * What a loader hands to {@link buildGraph}: a layer as the model file describes it, before shapes, facts and
 * precisions are resolved. Loaders translate file formats into these; they never build {@link Layer}s directly.
 */
import type { Precision } from '../fixed/precision.js';
import type { ActivationSpec, HgqInfo } from './layer.js';
import type { LayerKind } from './layer-kinds.js';
import type { Shape, Tensor } from './tensor.js';

/** Attribute values a loader may pass. */
export type SpecAttr = number | string | boolean | readonly number[];

/**
 * A layer as read from a file. Attributes by kind (all lengths in elements, 1D layers give one-element arrays):
 * - Input: `shape` (no batch dimension, channels-last)
 * - Dense: `units`
 * - Conv*: `kernel`, `strides`, `dilation`, `padding` ('same' | 'valid') or `pads` [top,bottom,left,right],
 *   `filters` (not for depthwise), `depthMultiplier` (depthwise/separable)
 * - *Pooling*: `pool`, `strides`, `padding`
 * - ZeroPadding*: `pads` [top,bottom,left,right] (1D: [0,0,left,right])
 * - UpSampling*: `size`
 * - Reshape: `targetShape` (may contain one −1); Transpose: `perm` over the non-batch axes
 * - Concatenate: `axis` (negative counts from the end, batch axis excluded)
 * - SimpleRNN/LSTM/GRU: `units`, `returnSequences`, `returnState`, `resetAfter`
 * - BatchNormalization: `epsilon`
 */
export interface LayerSpec {
  readonly name: string;
  readonly kind: LayerKind;
  readonly sourceClass: string;
  readonly inputs: readonly string[];
  readonly params?: Readonly<Record<string, Tensor>>;
  readonly activation?: ActivationSpec;
  readonly recurrentActivation?: ActivationSpec;
  readonly attrs?: Readonly<Record<string, SpecAttr>>;
  /** Precisions fixed by the file (QKeras/HGQ/QONNX quantizers), by hls4ml variable name. */
  readonly quantizers?: Readonly<Record<string, Precision>>;
  /** Layer attributes the file sets for hls4ml (HGQ proxy `overrides`, e.g. `table_size`). */
  readonly configOverrides?: Readonly<Record<string, unknown>>;
  readonly hgq?: HgqInfo;
  /** Parameter count as the file's framework counts it (e.g. BN gamma/beta/mean/var); default: sum of params. */
  readonly fileParamCount?: number;
}

/** A model as a loader returns it. */
export interface LoadedModel {
  readonly name: string;
  readonly specs: readonly LayerSpec[];
  /** Output layer names; default: layers nobody consumes, in order. */
  readonly outputs?: readonly string[];
  readonly warnings?: readonly string[];
}

/** Shape of the first input of a spec's producer, used by loaders that need it before building. */
export type ShapeLookup = (layerName: string) => Shape | undefined;
