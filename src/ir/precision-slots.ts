/**
 * Which precision variables each layer kind has, and the defaults hls4ml gives those that do not follow the
 * model default.
 * @see hls4ml docs/ir/attributes.rst; TypeAttributes in hls4ml/model/layers.py and backends/fpga/fpga_backend.py
 */
import { fixed, type FixedType } from '../fixed/precision.js';
import type { ActivationFn } from './layer.js';
import { CONV_KINDS, GLOBAL_POOL_KINDS, POOL_KINDS, RNN_KINDS, type LayerKind } from './layer-kinds.js';

/** Activation functions evaluated through a lookup table (they get a `table` precision). */
export const TABLE_ACTIVATIONS: ReadonlySet<ActivationFn> = new Set<ActivationFn>([
  'sigmoid',
  'tanh',
  'softplus',
  'softsign',
  'elu',
  'selu',
  'swish',
  'gelu',
  'exponential',
]);

/** hls4ml's default activation table type `ap_fixed<18,8>`. */
export const DEFAULT_TABLE_TYPE: FixedType = fixed(18, 8);
/** hls4ml's default softmax table/accumulator type `ap_fixed<18,8,AP_RND,AP_SAT>`. */
export const DEFAULT_SOFTMAX_TYPE: FixedType = fixed(18, 8, { rounding: 'RND', overflow: 'SAT' });

/** A precision variable of a layer, with its own default when hls4ml has one. */
export interface SlotDef {
  readonly name: string;
  readonly ownDefault?: FixedType;
}

/** The precision variables of a layer of `kind` (with activation `fn` for Activation layers). */
export function precisionSlots(kind: LayerKind, fn?: ActivationFn): readonly SlotDef[] {
  const slots: SlotDef[] = [{ name: 'result' }];
  if (kind === 'Dense' || ((CONV_KINDS.has(kind) && !kind.startsWith('Separable')))) {
    slots.push({ name: 'weight' }, { name: 'bias' }, { name: 'accum' });
  } else if (kind === 'SeparableConv1D' || kind === 'SeparableConv2D') {
    slots.push({ name: 'depthwise' }, { name: 'pointwise' }, { name: 'bias' }, { name: 'accum' });
  } else if (POOL_KINDS.has(kind) || GLOBAL_POOL_KINDS.has(kind)) {
    slots.push({ name: 'accum' });
  } else if (kind === 'BatchNormalization') {
    slots.push({ name: 'scale' }, { name: 'bias' });
  } else if (kind === 'Softmax' || (kind === 'Activation' && fn === 'softmax')) {
    slots.push(
      { name: 'exp_table', ownDefault: DEFAULT_SOFTMAX_TYPE },
      { name: 'inv_table', ownDefault: DEFAULT_SOFTMAX_TYPE },
      { name: 'inv_inp', ownDefault: DEFAULT_SOFTMAX_TYPE },
      { name: 'accum', ownDefault: DEFAULT_SOFTMAX_TYPE },
    );
  } else if (kind === 'Activation' && fn && TABLE_ACTIVATIONS.has(fn)) {
    slots.push({ name: 'table', ownDefault: DEFAULT_TABLE_TYPE });
  } else if (RNN_KINDS.has(kind)) {
    slots.push(
      { name: 'weight' },
      { name: 'recurrent_weight' },
      { name: 'bias' },
      { name: 'recurrent_bias' },
      { name: 'accum' },
      { name: 'table', ownDefault: DEFAULT_TABLE_TYPE },
    );
  }
  return slots;
}
