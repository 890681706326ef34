/**
 * Parses hls4ml's `firmware/parameters.h`: every `struct <name> : nnet::<base> { … };` becomes a
 * {@link ParametersConfig} with its sizes, reuse factor, strategy, zeros, conv geometry and type names.
 * @see /work/shared/docs/hls4ml.md §5.2
 */
import { fail } from '../../util/errors.js';
import { configIdOf } from './cells.js';
import { definedOnly } from './defined.js';
import type { ConvGeometry, ParametersConfig } from './types.js';

/** A struct as found in the text, before its fields are interpreted. */
interface RawStruct {
  readonly name: string;
  readonly base: string;
  readonly body: string;
  readonly layerName?: string;
}

const STRUCT_HEAD = /struct\s+(\w+)\s*:\s*(?:public\s+)?(?:nnet::)?(\w+)\s*\{/g;

/** Finds the structs and the `// <layer>` comment that precedes each group of them. */
function findStructs(text: string, file: string): RawStruct[] {
  const out: RawStruct[] = [];
  let cursor = 0;
  let layerName: string | undefined;
  for (const m of text.matchAll(STRUCT_HEAD)) {
    const start = m.index ?? 0;
    for (const c of text.slice(cursor, start).matchAll(/^\s*\/\/\s*(.+?)\s*$/gm)) {
      if (!c[1].startsWith('hls-fpga-machine-learning')) layerName = c[1];
    }
    const bodyStart = start + m[0].length;
    const end = text.indexOf('};', bodyStart);
    if (end < 0) fail('corrupt-file', file, `struct ${m[1]} is not closed with "};" (truncated file?)`);
    out.push({ name: m[1], base: m[2], body: text.slice(bodyStart, end), ...(layerName ? { layerName } : {}) });
    cursor = end + 2;
  }
  return out;
}

/** `static const <type> <name> = <value>;` and `typedef <type> <name>;` statements of a struct body. */
function statements(body: string): { consts: Record<string, string>; typedefs: Record<string, string> } {
  const consts: Record<string, string> = {};
  const typedefs: Record<string, string> = {};
  for (const raw of body.split(';')) {
    const s = raw.replace(/\s+/g, ' ').trim();
    const c = /^static const (?:.+?) (\w+) = (.+)$/.exec(s);
    if (c) consts[c[1]] = c[2].trim();
    const t = /^typedef (.+) (\w+)$/.exec(s);
    if (t) typedefs[t[2]] = t[1].trim();
  }
  return { consts, typedefs };
}

/** An integer field, following one level of `a = b` references to other fields of the struct. */
function intField(consts: Readonly<Record<string, string>>, name: string): number | undefined {
  let v = consts[name];
  if (v !== undefined && /^[A-Za-z_]\w*$/.test(v)) v = consts[v];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
}

/** `nnet::latency` → `latency`; `nnet::io_stream` → `io_stream`. */
function enumField(consts: Readonly<Record<string, string>>, name: string): string | undefined {
  const v = consts[name];
  return v === undefined ? undefined : v.replace(/^nnet::/, '');
}

const GEOMETRY: readonly (readonly [keyof ConvGeometry, string])[] = [
  ['inHeight', 'in_height'], ['inWidth', 'in_width'], ['nChan', 'n_chan'], ['filtHeight', 'filt_height'],
  ['filtWidth', 'filt_width'], ['nFilt', 'n_filt'], ['strideHeight', 'stride_height'], ['strideWidth', 'stride_width'],
  ['outHeight', 'out_height'], ['outWidth', 'out_width'], ['padTop', 'pad_top'], ['padBottom', 'pad_bottom'],
  ['padLeft', 'pad_left'], ['padRight', 'pad_right'],
];

/** The conv/pool geometry fields a struct defines, or undefined when it defines none. */
function geometryOf(consts: Readonly<Record<string, string>>): ConvGeometry | undefined {
  const g: Partial<Record<keyof ConvGeometry, number>> = {};
  for (const [key, field] of GEOMETRY) {
    const v = intField(consts, field);
    if (v !== undefined) g[key] = v;
  }
  return Object.keys(g).length > 0 ? g : undefined;
}

/** Turns one raw struct into a typed record (fields the struct lacks stay undefined). */
function toConfig(s: RawStruct): ParametersConfig {
  const { consts, typedefs } = statements(s.body);
  const optional = definedOnly({
    configId: configIdOf(s.name),
    layerName: s.layerName,
    nIn: intField(consts, 'n_in'),
    nOut: intField(consts, 'n_out'),
    reuseFactor: intField(consts, 'reuse_factor'),
    strategy: enumField(consts, 'strategy'),
    ioType: enumField(consts, 'io_type'),
    nZeros: intField(consts, 'n_zeros'),
    nNonzeros: intField(consts, 'n_nonzeros'),
    tableSize: intField(consts, 'table_size'),
    geometry: geometryOf(consts),
    weightT: typedefs['weight_t'],
    biasT: typedefs['bias_t'],
    accumT: typedefs['accum_t'],
    tableT: typedefs['table_t'],
    multConfig: typedefs['mult_config'],
  });
  return { name: s.name, base: s.base, ...optional, fields: consts };
}

/** Parses the text of a `parameters.h`; `file` is only used in error messages. */
export function parseParametersH(text: string, file: string): ParametersConfig[] {
  const structs = findStructs(text, file);
  if (structs.length === 0) fail('corrupt-file', file, 'no "struct … : nnet::…_config" found: not an hls4ml parameters.h');
  return structs.map(toConfig);
}
