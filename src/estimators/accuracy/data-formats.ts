/**
 * Sample data for the accuracy estimators, parsed from bytes or text (no I/O here): NumPy `.npy` arrays (see
 * `npy.ts`), `.csv` tables and `.json` arrays. Every problem is a one-line {@link HlsdseError} naming the file
 * and, for a bad value, where it sits (`line 4, column 5: "abc" is not a number`).
 */
import { extname } from 'node:path';
import type { Graph } from '../../ir/graph.js';
import { sizeOf } from '../../ir/tensor.js';
import { fail } from '../../util/errors.js';
import type { Batch } from '../emulator/types.js';
import { parseNpy, type NpyArray } from './npy.js';

export { encodeNpy, NPY_DTYPES, parseNpy, type NpyArray, type NpyDtype } from './npy.js';

/** Samples (and labels, when the file has them) read from a data file. */
export interface Dataset {
  readonly samples: Batch;
  /** Class indices (one integer per sample) or label rows (one-hot or targets). */
  readonly labels?: Int32Array | Batch;
}

/** Options for reading a data file against a model input. */
export interface DataOptions {
  /** Values per sample the model takes (all inputs concatenated, in graph input order). */
  readonly inputSize: number;
  /** CSV: the header name of a label column, taken out of the samples. */
  readonly labelColumn?: string;
}

/** A numeric table: `rows` × `cols` values, row-major. */
interface Table {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

const CSV_EXTENSIONS = ['.csv', '.txt', '.tsv'];

/** A batch from its parts, checking the data length. */
export function makeBatch(count: number, size: number, data: Float64Array): Batch {
  if (data.length !== count * size) throw new RangeError(`a batch of ${count}×${size} needs ${count * size} values, got ${data.length}`);
  return { count, size, data };
}

function checkFinite(file: string, t: Table): void {
  for (let i = 0; i < t.data.length; i++) {
    if (!Number.isFinite(t.data[i])) fail('corrupt-file', file, `row ${Math.floor(i / t.cols) + 1}, column ${(i % t.cols) + 1}: ${t.data[i]} is not a finite number`);
  }
}

function unquote(cell: string): string {
  return cell.trim().replace(/^"(.*)"$/, '$1').trim();
}

const NON_FINITE = /^[+-]?(nan|inf|infinity)$/i;

function numberCell(file: string, where: string, raw: string): number {
  const s = unquote(raw);
  if (NON_FINITE.test(s)) fail('corrupt-file', file, `${where}: "${s}" is not a finite number`);
  const v = s === '' ? Number.NaN : Number(s);
  if (!Number.isFinite(v)) fail('corrupt-file', file, `${where}: "${s}" is not a number`);
  return v;
}

/**
 * Parses a numeric CSV: `,`, `;`, tab or whitespace separated (numpy.savetxt's default), an optional header
 * (a first row with a non-numeric cell), `#` comment lines skipped. Errors name the line and column.
 */
export function parseCsv(text: string, file: string, options: { readonly labelColumn?: string } = {}): Table & { labels?: Float64Array } {
  const lines = text
    .split(/\r?\n/)
    .map((l, i) => ({ line: i + 1, text: l }))
    .filter((l) => l.text.trim() !== '' && !l.text.trimStart().startsWith('#'));
  if (lines.length === 0) fail('corrupt-file', file, 'no rows');
  const first = lines[0].text;
  const sep = [',', ';', '\t'].find((s) => first.includes(s));
  const split = (l: string) => (sep ? l.split(sep) : l.trim().split(/\s+/));
  const head = split(first);
  const hasHeader = head.some((c) => {
    const s = unquote(c);
    return s !== '' && !Number.isFinite(Number(s)) && !NON_FINITE.test(s);
  });
  let labelCol = -1;
  if (options.labelColumn !== undefined) {
    if (!hasHeader) fail('bad-config', file, `no header row, so there is no label column '${options.labelColumn}'`);
    labelCol = head.map(unquote).indexOf(options.labelColumn);
    if (labelCol < 0) fail('bad-config', file, `no column named '${options.labelColumn}' (columns: ${head.map(unquote).join(', ')})`);
  }
  const body = hasHeader ? lines.slice(1) : lines;
  if (body.length === 0) fail('corrupt-file', file, 'no data rows after the header');
  const width = head.length;
  const cols = width - (labelCol >= 0 ? 1 : 0);
  const data = new Float64Array(body.length * cols);
  const labels = labelCol >= 0 ? new Float64Array(body.length) : undefined;
  body.forEach((l, r) => {
    const cells = split(l.text);
    if (cells.length !== width) fail('corrupt-file', file, `line ${l.line} has ${cells.length} columns, the ${hasHeader ? 'header' : 'first row'} has ${width}`);
    let k = r * cols;
    for (let c = 0; c < width; c++) {
      const v = numberCell(file, `line ${l.line}, column ${c + 1}`, cells[c]);
      if (c === labelCol) (labels as Float64Array)[r] = v;
      else data[k++] = v;
    }
  });
  return { rows: body.length, cols, data, ...(labels ? { labels } : {}) };
}

/** Flattens one JSON sample (a number or nested arrays) in C order, checking every value. */
function flattenJson(file: string, key: string, row: number, value: unknown, out: number[]): void {
  if (Array.isArray(value)) {
    for (const v of value) flattenJson(file, key, row, v, out);
    return;
  }
  if (typeof value !== 'number') fail('corrupt-file', file, `${key} row ${row}, column ${out.length + 1}: ${JSON.stringify(value)} is not a number`);
  out.push(value);
}

function jsonRows(file: string, key: string, raw: unknown): Table {
  if (!Array.isArray(raw) || raw.length === 0) fail('corrupt-file', file, `${key}: expected a non-empty array of samples`);
  const flat: number[][] = raw.map((s, i) => {
    const out: number[] = [];
    flattenJson(file, key, i + 1, s, out);
    return out;
  });
  const cols = flat[0].length;
  const bad = flat.findIndex((r) => r.length !== cols);
  if (bad >= 0) fail('corrupt-file', file, `${key} row ${bad + 1} has ${flat[bad].length} values, row 1 has ${cols}`);
  const data = new Float64Array(flat.length * cols);
  flat.forEach((r, i) => data.set(r, i * cols));
  return { rows: flat.length, cols, data };
}

/** Parses a JSON data file: an array of samples (each a number array, nested for N-D inputs), or `{"x": [...], "y": [...]}`. */
export function parseJsonData(text: string, file: string): { x: Table; y?: Table } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    fail('corrupt-file', file, `not valid JSON: ${(e as Error).message}`);
  }
  if (Array.isArray(raw)) return { x: jsonRows(file, 'sample', raw) };
  if (raw && typeof raw === 'object' && 'x' in raw) {
    const o = raw as { x: unknown; y?: unknown };
    return { x: jsonRows(file, 'x', o.x), ...(o.y !== undefined && o.y !== null ? { y: jsonRows(file, 'y', o.y) } : {}) };
  }
  fail('corrupt-file', file, 'expected an array of samples or an object {"x": [...], "y": [...]}');
}

/** Labels as class indices when they are one integer per sample, else as rows. */
function labelsOf(file: string, t: Table, count: number): Int32Array | Batch {
  if (t.rows !== count) fail('bad-config', file, `${t.rows} labels for ${count} samples`);
  checkFinite(file, t);
  if (t.cols === 1 && t.data.every((v) => Number.isInteger(v))) return Int32Array.from(t.data);
  return makeBatch(t.rows, t.cols, t.data);
}

/** Samples of `inputSize` values from a decoded table, with the size and finiteness checked. */
function samplesOf(file: string, t: Table, inputSize: number): Batch {
  if (t.cols !== inputSize) fail('bad-config', file, `each sample has ${t.cols} value${t.cols === 1 ? '' : 's'}, the model input needs ${inputSize}`);
  checkFinite(file, t);
  return makeBatch(t.rows, t.cols, t.data);
}

/** An `.npy` array seen as a table of samples (first axis); a 1-D array of exactly `inputSize` values is one sample. */
function npyTable(file: string, a: NpyArray, inputSize: number | undefined): Table {
  if (a.shape.length === 0) fail('bad-config', file, '.npy holds a scalar, expected samples');
  if (a.shape.length === 1) {
    if (inputSize !== undefined && inputSize !== 1 && a.shape[0] === inputSize) return { rows: 1, cols: inputSize, data: a.data };
    return { rows: a.shape[0], cols: 1, data: a.data };
  }
  const cols = a.shape.slice(1).reduce((x, y) => x * y, 1);
  if (inputSize !== undefined && cols !== inputSize) {
    fail('bad-config', file, `shape (${a.shape.join(', ')}) gives samples of ${cols} values, the model input needs ${inputSize}`);
  }
  return { rows: a.shape[0], cols, data: a.data };
}

/** Reads a data file (`.npy`, `.csv`/`.txt`/`.tsv`, `.json`, chosen by extension) as samples for a model input. */
export function readDataset(bytes: Uint8Array, file: string, options: DataOptions): Dataset {
  const ext = extname(file).toLowerCase();
  const text = () => new TextDecoder('utf-8').decode(bytes);
  if (options.labelColumn !== undefined && !CSV_EXTENSIONS.includes(ext)) fail('bad-flag', file, 'a label column can only be named for a CSV file');
  let ds: Dataset;
  if (ext === '.npy') {
    ds = { samples: samplesOf(file, npyTable(file, parseNpy(bytes, file), options.inputSize), options.inputSize) };
  } else if (CSV_EXTENSIONS.includes(ext)) {
    const t = parseCsv(text(), file, options.labelColumn !== undefined ? { labelColumn: options.labelColumn } : {});
    const samples = samplesOf(file, t, options.inputSize);
    ds = { samples, ...(t.labels ? { labels: labelsOf(file, { rows: t.rows, cols: 1, data: t.labels }, t.rows) } : {}) };
  } else if (ext === '.json') {
    const j = parseJsonData(text(), file);
    const samples = samplesOf(file, j.x, options.inputSize);
    ds = { samples, ...(j.y ? { labels: labelsOf(file, j.y, j.x.rows) } : {}) };
  } else {
    fail('unsupported-format', file, `unknown data file type '${ext}' (expected .npy, .csv or .json)`);
  }
  if (ds.samples.count === 0) fail('bad-config', file, 'holds no samples');
  return ds;
}

/** Reads a labels file (`.npy`, `.csv`, `.json`): class indices (one integer per sample) or one row per sample. */
export function readLabels(bytes: Uint8Array, file: string, count: number): Int32Array | Batch {
  const ext = extname(file).toLowerCase();
  if (ext === '.npy') return labelsOf(file, npyTable(file, parseNpy(bytes, file), undefined), count);
  const text = new TextDecoder('utf-8').decode(bytes);
  if (ext === '.json') {
    const j = parseJsonData(text, file);
    return labelsOf(file, j.y ?? j.x, count);
  }
  if (CSV_EXTENSIONS.includes(ext)) return labelsOf(file, parseCsv(text, file), count);
  fail('unsupported-format', file, `unknown labels file type '${ext}' (expected .npy, .csv or .json)`);
}

/** Splits rows holding several inputs side by side (graph input order) into one batch per input. */
export function splitBatch(batch: Batch, parts: readonly { readonly name: string; readonly size: number }[]): Record<string, Batch> {
  const total = parts.reduce((a, p) => a + p.size, 0);
  if (total !== batch.size) throw new RangeError(`rows of ${batch.size} values cannot be split into ${total}`);
  if (parts.length === 1) return { [parts[0].name]: batch };
  const out: Record<string, Batch> = {};
  let offset = 0;
  for (const p of parts) {
    const data = new Float64Array(batch.count * p.size);
    for (let r = 0; r < batch.count; r++) data.set(batch.data.subarray(r * batch.size + offset, r * batch.size + offset + p.size), r * p.size);
    out[p.name] = makeBatch(batch.count, p.size, data);
    offset += p.size;
  }
  return out;
}

/** The inputs of a graph in graph order with their sizes (a data row holds them side by side). */
export function graphInputParts(graph: Graph): { name: string; size: number }[] {
  return graph.inputs.map((name) => {
    const l = graph.layers.find((x) => x.name === name);
    if (!l) throw new RangeError(`graph input '${name}' is not a layer`);
    return { name, size: sizeOf(l.outputShape) };
  });
}

/** Samples for a graph read from a data file: batches by input name, labels if the file has them. */
export interface GraphData {
  readonly inputs: Record<string, Batch>;
  readonly count: number;
  readonly labels?: Int32Array | Batch;
}

/** Reads a data file for a graph (several inputs: their values side by side in each row, in graph input order). */
export function readGraphData(graph: Graph, bytes: Uint8Array, file: string, options: { readonly labelColumn?: string } = {}): GraphData {
  const parts = graphInputParts(graph);
  const inputSize = parts.reduce((a, p) => a + p.size, 0);
  const ds = readDataset(bytes, file, { inputSize, ...options });
  return { inputs: splitBatch(ds.samples, parts), count: ds.samples.count, ...(ds.labels ? { labels: ds.labels } : {}) };
}
