import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeNpy, NPY_DTYPES, parseNpy, readDataset, readGraphData, readLabels, splitBatch, type NpyDtype } from '../../../src/estimators/accuracy/data-formats.js';
import type { Batch } from '../../../src/estimators/emulator/types.js';
import { HlsdseError } from '../../../src/util/errors.js';
import { REPO_ROOT } from '../../helpers/shared.js';
import { graphOf } from './graphs.js';

const fixture = (name: string) => join(REPO_ROOT, 'test', 'fixtures', 'data', name);
const read = (name: string, inputSize = 16, labelColumn?: string) =>
  readDataset(readFileSync(fixture(name)), fixture(name), { inputSize, ...(labelColumn ? { labelColumn } : {}) });

/** The one-line error a bad file gives (the CLI prints `error: <file>: <message>`). */
function errorOf(f: () => unknown): HlsdseError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(HlsdseError);
    return e as HlsdseError;
  }
  throw new Error('expected an error');
}

describe('.npy files written byte for byte as numpy.save', () => {
  const x = read('x3.npy');

  it('reads float32 v1.0 samples', () => {
    expect(x.samples.count).toBe(20);
    expect(x.samples.size).toBe(16);
    expect(Array.from(x.samples.data.slice(0, 4))).toEqual([0.765625, -0.5625, 0.796875, -0.75]);
  });

  it('reads float64 with v2.0 and v3.0 headers to the same values', () => {
    for (const f of ['x3_f8_v2.npy', 'x3_f8_v3.npy']) {
      const a = parseNpy(readFileSync(fixture(f)), f);
      expect(a.version).toBe(f.includes('v2') ? 2 : 3);
      expect(a.dtype).toBe('f8');
      expect(Array.from(a.data)).toEqual(Array.from(x.samples.data));
    }
  });

  it('reads N-D samples (Conv1D input of shape 10×4) in C order', () => {
    const a = parseNpy(readFileSync(fixture('xconv1d.npy')), 'xconv1d.npy');
    expect(a.shape).toEqual([5, 10, 4]);
    expect(read('xconv1d.npy', 40).samples.count).toBe(5);
  });

  it('reads int64 and uint8 label files as class indices', () => {
    const y = readLabels(readFileSync(fixture('y3.npy')), 'y3.npy', 20);
    expect(y).toBeInstanceOf(Int32Array);
    expect(Array.from(y as Int32Array).slice(0, 6)).toEqual([0, 2, 4, 1, 3, 0]);
    expect(readLabels(readFileSync(fixture('y3_u1.npy')), 'y3_u1.npy', 20)).toEqual(y);
  });

  it('writes headers as NEP 1 lays them out: magic, version, length, dict padded to 64 bytes', () => {
    const bytes = encodeNpy({ shape: [20, 16], data: x.samples.data }, { dtype: 'f4' });
    expect(Buffer.from(bytes).equals(readFileSync(fixture('x3.npy')))).toBe(true);
    for (const version of [1, 2, 3] as const) {
      const b = encodeNpy({ shape: [3], data: [1, 2, 3] }, { version });
      const pre = version === 1 ? 10 : 12;
      const len = version === 1 ? b[8] | (b[9] << 8) : b[8] | (b[9] << 8) | (b[10] << 16) | (b[11] << 24);
      expect(Array.from(b.slice(0, 8))).toEqual([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
      expect((pre + len) % 64).toBe(0);
      const header = Buffer.from(b.slice(pre, pre + len)).toString('latin1');
      expect(header).toMatch(/^\{'descr': '<f8', 'fortran_order': False, 'shape': \(3,\), \} +\n$/);
    }
  });

  it.each(NPY_DTYPES.flatMap((d) => [1, 2, 3].map((v) => [d, v] as [NpyDtype, 1 | 2 | 3])))('round-trips %s (v%s)', (dtype, version) => {
    const values: Record<string, number[]> = {
      f: [0.5, -1.25, 3, 1024, -0.0078125, 65504],
      i: [0, -1, 2, -128, 100, 127],
      u: [0, 1, 2, 127, 200, 255],
      b: [1, 0, 1, 1, 0, 0],
    };
    const data = values[dtype[0]];
    const a = parseNpy(encodeNpy({ shape: [2, 3], data }, { dtype, version }), 'rt.npy');
    expect(a).toMatchObject({ shape: [2, 3], dtype, version });
    expect(Array.from(a.data)).toEqual(data);
  });

  it('keeps the full range of 64-bit integers that doubles hold exactly', () => {
    const data = [2 ** 53 - 1, -(2 ** 53 - 1), 0];
    expect(Array.from(parseNpy(encodeNpy({ shape: [3], data }, { dtype: 'i8' }), 'x').data)).toEqual(data);
    expect(() => encodeNpy({ shape: [1], data: [0.5] }, { dtype: 'i4' })).toThrow('not an integer');
  });
});

describe('.csv and .json twins of the same samples', () => {
  const npy = read('x3.npy');

  it('reads a CSV with a header and a label column', () => {
    const c = read('x3.csv', 16, 'class');
    expect(Array.from(c.samples.data)).toEqual(Array.from(npy.samples.data));
    expect(Array.from(c.labels as Int32Array)).toEqual(Array.from(readLabels(readFileSync(fixture('y3.npy')), 'y3.npy', 20) as Int32Array));
  });

  it('reads whitespace-separated numpy.savetxt output without a header', () => {
    expect(Array.from(read('x3.txt').samples.data)).toEqual(Array.from(npy.samples.data));
  });

  it('reads {"x": [...], "y": [...]} JSON', () => {
    const j = read('x3.json');
    expect(Array.from(j.samples.data)).toEqual(Array.from(npy.samples.data));
    expect((j.labels as Int32Array).length).toBe(20);
  });

  it('takes one-hot JSON labels as rows and a bare array as samples', () => {
    const j = readDataset(Buffer.from(JSON.stringify({ x: [[1, 2], [3, 4]], y: [[0, 1], [1, 0]] })), 'd.json', { inputSize: 2 });
    expect((j.labels as Batch).size).toBe(2);
    const nested = readDataset(Buffer.from(JSON.stringify([[[1, 2], [3, 4]]])), 'n.json', { inputSize: 4 });
    expect(Array.from(nested.samples.data)).toEqual([1, 2, 3, 4]);
  });

  it('splits rows into the inputs of a multi-input graph', () => {
    const g = graphOf('two', [
      { name: 'a', kind: 'Input', sourceClass: 'InputLayer', inputs: [], attrs: { shape: [2] } },
      { name: 'b', kind: 'Input', sourceClass: 'InputLayer', inputs: [], attrs: { shape: [3] } },
      { name: 'c', kind: 'Concatenate', sourceClass: 'Concatenate', inputs: ['a', 'b'], attrs: { axis: -1 } },
    ]);
    const d = readGraphData(g, Buffer.from('1,2,3,4,5\n6,7,8,9,10\n'), 'two.csv');
    expect(Array.from(d.inputs.a.data)).toEqual([1, 2, 6, 7]);
    expect(Array.from(d.inputs.b.data)).toEqual([3, 4, 5, 8, 9, 10]);
    expect(() => splitBatch(d.inputs.a, [{ name: 'x', size: 3 }])).toThrow(RangeError);
  });
});

describe('bad data files give one line naming the file and the place', () => {
  it.each([
    ['bad_row_length.csv', 'line 3 has 15 columns, the first row has 16'],
    ['bad_cell.csv', 'line 3, column 5: "abc" is not a number'],
    ['bad_nan.csv', 'line 3, column 5: "nan" is not a finite number'],
    ['bad_nan.npy', 'row 3, column 5: NaN is not a finite number'],
    ['bad_json.json', 'x row 3, column 5: "abc" is not a number'],
    ['bad_fortran.npy', '.npy array is in Fortran order; save it in C order'],
    ['bad_bigendian.npy', ".npy dtype '>f4' is big-endian"],
    ['bad_width.npy', 'shape (4, 15) gives samples of 15 values, the model input needs 16'],
  ])('%s', (name, message) => {
    const e = errorOf(() => read(name));
    expect(e.file).toBe(fixture(name));
    expect(e.message).toContain(message);
    expect(e.line.split('\n')).toHaveLength(1);
    expect(e.exitCode).toBe(2);
  });

  it('refuses a wrong sample size, a missing label column, garbage bytes and unknown types', () => {
    expect(errorOf(() => read('x3.csv', 10)).message).toBe('each sample has 17 values, the model input needs 10');
    expect(errorOf(() => read('x3.csv', 16, 'label')).message).toMatch(/no column named 'label' \(columns: f0, f1/);
    expect(errorOf(() => read('x3.npy', 16, 'class')).message).toBe('a label column can only be named for a CSV file');
    expect(errorOf(() => parseNpy(Buffer.from('not numpy at all'), 'x.npy')).message).toContain('not a NumPy .npy file');
    expect(errorOf(() => parseNpy(readFileSync(fixture('x3.npy')).subarray(0, 200), 'cut.npy')).message).toMatch(/truncated \.npy data/);
    expect(errorOf(() => readDataset(Buffer.from('x'), 'd.parquet', { inputSize: 1 })).message).toContain("unknown data file type '.parquet'");
    expect(errorOf(() => readLabels(readFileSync(fixture('y3.npy')), 'y3.npy', 19)).message).toBe('20 labels for 19 samples');
  });
});
