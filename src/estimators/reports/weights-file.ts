/**
 * Parses the weight files hls4ml writes into `firmware/weights/`: `<var>.h` holds a C++ array initialiser
 * (`weight2_t w2[63] = {v, v, …};`, with a declaration-only copy under `#ifndef __SYNTHESIS__` when text weights are
 * also written) and `<var>.txt` the same entries comma-separated. The variable name is a prefix and the layer index:
 * `w<N>` kernels (Dense, Conv, DepthwiseConv), `d<N>` / `p<N>` the depthwise / pointwise kernels of separable convs,
 * `wr<N>` recurrent kernels; biases (`b`, `br`, `z`), batch-norm scales (`s`) and others are not kernels.
 * Exponent (power-of-two) weights are written as `{sign, exponent}` pairs (sign 1 = positive, 0 = negative);
 * compressed weights as `{row, col, value}` triples, which carry only the non-zero entries and are refused here.
 * Pure; errors name the file.
 * @see fastmachinelearning/hls4ml `hls4ml/writer/vivado_writer.py` (`print_array_to_cpp`), `hls4ml/model/layers.py`
 *      (the `var_name` of each weight), `hls4ml/model/types.py` (`WeightVariable` entry formats)
 */
import { fail } from '../../util/errors.js';

/** The kernel tensor a weight-file prefix holds, named as the IR's kernel params are. */
export type KernelParam = 'weight' | 'depthwise' | 'pointwise' | 'recurrent_weight';

const KERNEL_PREFIXES: Readonly<Record<string, KernelParam>> = { w: 'weight', d: 'depthwise', p: 'pointwise', wr: 'recurrent_weight' };

/** A kernel weight file's place: the kernel it holds and the layer index (`config<N>`) it belongs to. */
export interface KernelFileName {
  readonly param: KernelParam;
  readonly configId: number;
  readonly ext: 'h' | 'txt';
}

/** `w2.h` → weight of layer 2; `p7.txt` → pointwise kernel of layer 7; undefined for biases and other files. */
export function kernelFileOf(fileName: string): KernelFileName | undefined {
  const m = /^([a-z]+)(\d+)\.(h|txt)$/.exec(fileName);
  const param = m ? KERNEL_PREFIXES[m[1]] : undefined;
  return m && param ? { param, configId: Number(m[2]), ext: m[3] as 'h' | 'txt' } : undefined;
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Splits an initialiser body at the commas outside braces; a trailing comma (legal C++) is dropped. */
function entries(body: string, file: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '{') depth++;
    else if (c === '}') {
      if (--depth < 0) fail('corrupt-file', file, `unbalanced "}" at entry ${out.length + 1}`);
    } else if (c === ',' && depth === 0) {
      out.push(body.slice(start, i).trim());
      start = i + 1;
    }
  }
  if (depth !== 0) fail('corrupt-file', file, `unbalanced "{" at entry ${out.length + 1} (truncated file?)`);
  const last = body.slice(start).trim();
  if (last !== '' || out.length === 0) out.push(last);
  return out;
}

/** One entry's value: a number, or a `{sign, exponent}` pair of exponent weights. */
function valueOf(entry: string, index: number, file: string): number {
  if (NUMBER.test(entry)) return Number(entry);
  const at = `entry ${index + 1}`;
  if (entry === '') fail('corrupt-file', file, `${at} is empty (two commas in a row?)`);
  if (entry.startsWith('{') && entry.endsWith('}')) {
    const parts = entry.slice(1, -1).split(',').map((s) => s.trim());
    if (parts.length === 3) fail('unsupported-format', file, 'compressed weights ({row, col, value} entries) are not read');
    if (parts.length === 2 && parts.every((s) => NUMBER.test(s))) {
      const [sign, exponent] = parts.map(Number);
      if ((sign === 0 || sign === 1) && Number.isInteger(exponent)) return (sign === 1 ? 1 : -1) * 2 ** exponent;
    }
    fail('corrupt-file', file, `${at} "${entry}" is not a {sign, exponent} pair`);
  }
  fail('corrupt-file', file, `${at} "${entry.length > 24 ? `${entry.slice(0, 24)}…` : entry}" is not a number`);
}

/** The values of comma-separated entries. */
function valuesOf(body: string, file: string): number[] {
  const list = entries(body, file);
  if (list.length === 1 && list[0] === '') fail('corrupt-file', file, 'no values');
  return list.map((e, i) => valueOf(e, i, file));
}

/** Drops `//` and `/* … *\/` comments (hls4ml's header starts with `//Numpy array shape …` lines). */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, '');
}

/**
 * Values of a weights header: the (one) array with an initialiser, `<type> <name>[<size>] = { … };`. The declared
 * size, when given, must match the number of entries.
 */
export function parseWeightsH(text: string, file: string): number[] {
  const src = withoutComments(text);
  const head = /\b([A-Za-z_]\w*)\s*\[\s*(\d*)\s*\]\s*=\s*\{/.exec(src);
  if (!head) fail('corrupt-file', file, 'no array initialiser "<name>[<size>] = {…};" (not an hls4ml weights header, or truncated)');
  const open = head.index + head[0].length;
  let depth = 1;
  let close = open;
  while (close < src.length && depth > 0) {
    const c = src[close++];
    if (c === '{') depth++;
    else if (c === '}') depth--;
  }
  if (depth > 0 || !/^\s*;/.test(src.slice(close))) {
    fail('corrupt-file', file, `the initialiser of ${head[1]} is not closed with "};" (truncated file?)`);
  }
  const values = valuesOf(src.slice(open, close - 1), file);
  const declared = head[2] === '' ? undefined : Number(head[2]);
  if (declared !== undefined && declared !== values.length) {
    fail('corrupt-file', file, `${head[1]}[${declared}] has ${values.length} values in its initialiser (truncated file?)`);
  }
  return values;
}

/** Values of a text weights file: the entries separated by commas (line breaks allowed). */
export function parseWeightsTxt(text: string, file: string): number[] {
  return valuesOf(text.trim(), file);
}

/** Values of a weights file, read as a header (`.h`) or as text (any other name). */
export function parseWeightsFile(text: string, file: string): number[] {
  return file.endsWith('.h') ? parseWeightsH(text, file) : parseWeightsTxt(text, file);
}
