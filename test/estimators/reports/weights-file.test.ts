/** hls4ml weight files (`firmware/weights/<var>.{h,txt}`): names, values, and one clear error per broken file. */
import { describe, expect, it } from 'vitest';
import { kernelFileOf, parseWeightsFile, parseWeightsH, parseWeightsTxt } from '../../../src/estimators/reports/weights-file.js';
import { errorOf, fixtureText } from './fixtures.js';

const W2 = 'argykokk/CARDIO_DSP_reuse1/firmware/weights/w2.h';

describe('kernelFileOf', () => {
  it('maps the kernel prefixes to the IR kernel params and the layer index', () => {
    expect(kernelFileOf('w2.h')).toEqual({ param: 'weight', configId: 2, ext: 'h' });
    expect(kernelFileOf('d4.txt')).toEqual({ param: 'depthwise', configId: 4, ext: 'txt' });
    expect(kernelFileOf('p4.h')).toEqual({ param: 'pointwise', configId: 4, ext: 'h' });
    expect(kernelFileOf('wr12.h')).toEqual({ param: 'recurrent_weight', configId: 12, ext: 'h' });
  });
  it('leaves biases, batch-norm scales and other files out', () => {
    for (const f of ['b2.h', 'br3.txt', 'z4.h', 's5.h', 'w2.h.bak', 'weights.h', 'w.h']) expect(kernelFileOf(f), f).toBeUndefined();
  });
});

describe('parseWeightsH', () => {
  it('reads the initialised copy of a real header (declaration-only copy under #ifndef __SYNTHESIS__)', () => {
    const v = parseWeightsH(fixtureText(W2), W2);
    expect(v).toHaveLength(63);
    expect(v.slice(0, 3)).toEqual([-0.34375, 0.8671875, -0.09375]);
    expect(v.filter((x) => x === 0)).toHaveLength(1);
  });
  it('accepts an unsized array, comments, exponents and a trailing comma', () => {
    expect(parseWeightsH('/* w */ static const weight3_t w3[] = {1e-1, -2.5E+0, .25,\n 3,};\n', 'w3.h')).toEqual([0.1, -2.5, 0.25, 3]);
  });
  it('reads exponent weights ({sign, exponent}: sign 1 positive, 0 negative)', () => {
    expect(parseWeightsH('exponent_t w2[3] = {{1.0, -3}, {0.0, 1}, {1, 0}};', 'w2.h')).toEqual([0.125, -2, 1]);
  });
  it('refuses a truncated header, naming the array', () => {
    const text = fixtureText(W2);
    const cut = text.slice(0, text.indexOf('0.4062500'));
    expect(errorOf(() => parseWeightsH(cut, W2)).line).toBe(`error: ${W2}: the initialiser of w2 is not closed with "};" (truncated file?)`);
  });
  it('refuses an initialiser shorter than the declared size', () => {
    expect(errorOf(() => parseWeightsH('weight2_t w2[4] = {1, 2, 3};', 'w2.h')).message).toBe('w2[4] has 3 values in its initialiser (truncated file?)');
  });
  it('refuses garbled entries and files without an initialiser', () => {
    const garbled = errorOf(() => parseWeightsH('weight2_t w2[3] = {0.5, 0.2#5, 1};', 'w2.h'));
    expect(garbled).toMatchObject({ code: 'corrupt-file', file: 'w2.h', message: 'entry 2 "0.2#5" is not a number' });
    expect(errorOf(() => parseWeightsH('weight2_t w2[3] = {0.5,, 1};', 'w2.h')).message).toBe('entry 2 is empty (two commas in a row?)');
    expect(errorOf(() => parseWeightsH('weight2_t w2[2] = {{2, 1}, 1};', 'w2.h')).message).toBe('entry 1 "{2, 1}" is not a {sign, exponent} pair');
    expect(errorOf(() => parseWeightsH('#ifndef W2_H_\nweight2_t w2[63];\n', 'w2.h')).message).toMatch(/^no array initialiser/);
    expect(errorOf(() => parseWeightsH('weight2_t w2[0] = {};', 'w2.h')).message).toBe('no values');
  });
  it('refuses compressed weights, which hold only the non-zero entries', () => {
    const e = errorOf(() => parseWeightsH('weight2_t w2[2] = {{0, 1, 0.5}, {1, 0, -0.25}};', 'w2.h'));
    expect(e).toMatchObject({ code: 'unsupported-format', message: 'compressed weights ({row, col, value} entries) are not read' });
  });
});

describe('parseWeightsTxt and parseWeightsFile', () => {
  it('reads comma-separated text weights, line breaks allowed', () => {
    expect(parseWeightsTxt('0.5, -0.25,\n0.0000000\n', 'w2.txt')).toEqual([0.5, -0.25, 0]);
    expect(parseWeightsFile('0.5, 1', 'dir/w2.txt')).toEqual([0.5, 1]);
    expect(parseWeightsFile('weight2_t w2[1] = {0.5};', 'dir/w2.h')).toEqual([0.5]);
  });
  it('refuses garbled and empty text files', () => {
    expect(errorOf(() => parseWeightsTxt('0.5, abc, 1', 'w2.txt')).line).toBe('error: w2.txt: entry 2 "abc" is not a number');
    expect(errorOf(() => parseWeightsTxt('  \n', 'w2.txt')).message).toBe('no values');
    expect(errorOf(() => parseWeightsTxt('{1, 2', 'w2.txt')).message).toBe('unbalanced "{" at entry 1 (truncated file?)');
  });
});
