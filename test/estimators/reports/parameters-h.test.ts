import { describe, expect, it } from 'vitest';
import { parseDefinesH } from '../../../src/estimators/reports/defines-h.js';
import { parseParametersH } from '../../../src/estimators/reports/parameters-h.js';
import { errorOf, fixtureText } from './fixtures.js';

const DENSE_H = 'argykokk/CARDIO_LUT_reuse100/firmware/parameters.h';
const CONV_H = 'pominiq/hls4ml_prj/firmware/parameters.h';

describe('parseParametersH', () => {
  it('reads dense and activation structs of an io_parallel MLP', () => {
    const layers = parseParametersH(fixtureText(DENSE_H), DENSE_H);
    expect(layers.map((l) => [l.name, l.base, l.configId, l.layerName])).toEqual([
      ['config2', 'dense_config', 2, 'fc1'],
      ['relu_config4', 'activ_config', 4, 'relu1'],
      ['config5', 'dense_config', 5, 'output'],
      ['softmax_config7', 'activ_config', 7, 'softmax'],
    ]);
    expect(layers[0]).toMatchObject({
      nIn: 21, nOut: 3, ioType: 'io_parallel', strategy: 'latency', reuseFactor: 100, nZeros: 1, nNonzeros: 62,
      weightT: 'weight2_t', biasT: 'bias2_t', accumT: 'fc1_accum_t',
    });
    expect(layers[0].fields['multiplier_limit']).toBe('DIV_ROUNDUP(n_in * n_out, reuse_factor) - n_zeros / reuse_factor');
    expect(layers[1]).toMatchObject({ nIn: 3, tableSize: 1024, reuseFactor: 100, tableT: 'relu1_table_t' });
    expect(layers[1].nOut).toBeUndefined();
  });

  it('reads conv and pooling geometry, the mult_config link and field references', () => {
    const layers = parseParametersH(fixtureText(CONV_H), CONV_H);
    expect(layers).toHaveLength(10);
    const conv = layers.find((l) => l.name === 'config2');
    expect(conv).toMatchObject({ base: 'conv2d_config', layerName: 'conv2d', reuseFactor: 16, multConfig: 'config2_mult' });
    expect(conv?.geometry).toEqual({
      inHeight: 28, inWidth: 28, nChan: 1, filtHeight: 3, filtWidth: 3, nFilt: 4, strideHeight: 1, strideWidth: 1,
      outHeight: 26, outWidth: 26, padTop: 0, padBottom: 0, padLeft: 0, padRight: 0,
    });
    expect(layers.find((l) => l.name === 'config2_mult')).toMatchObject({ nIn: 9, nOut: 4, configId: 2, layerName: 'conv2d' });
    // Pooling: `n_chan = n_filt` and `filt_height = pool_height` are resolved through the struct's own fields.
    expect(layers.find((l) => l.name === 'config4')?.geometry).toMatchObject({ nChan: 4, filtHeight: 4, strideHeight: 4, outHeight: 6 });
    expect(layers.find((l) => l.name === 'config9')).toMatchObject({ nIn: 32, nOut: 10, ioType: 'io_stream', nNonzeros: 320 });
  });

  it('refuses a truncated struct and a file without structs', () => {
    const text = fixtureText(DENSE_H);
    const cut = errorOf(() => parseParametersH(text.slice(0, text.indexOf('// output') + 60), 'cut.h'));
    expect(cut.code).toBe('corrupt-file');
    expect(cut.message).toBe('struct config5 is not closed with "};" (truncated file?)');
    const none = errorOf(() => parseParametersH(fixtureText('argykokk/CARDIO_LUT_reuse100/firmware/defines.h'), 'defines.h'));
    expect(none.message).toBe('no "struct … : nnet::…_config" found: not an hls4ml parameters.h');
  });
});

describe('parseDefinesH', () => {
  it('reads every typedef of a defines.h', () => {
    const t = parseDefinesH(fixtureText('argykokk/CARDIO_LUT_reuse100/firmware/defines.h'), 'defines.h');
    expect(Object.keys(t)).toHaveLength(17);
    expect(t).toMatchObject({
      input_t: 'ap_fixed<8,2>',
      weight2_t: 'ap_fixed<8,1>',
      fc1_accum_t: 'ap_fixed<16,6>',
      layer4_t: 'ap_ufixed<8,0,AP_RND_CONV,AP_SAT>',
      layer2_index: 'ap_uint<1>',
      result_t: 'ap_fixed<16,6>',
    });
  });

  it('refuses a file without typedefs', () => {
    const e = errorOf(() => parseDefinesH(fixtureText('argykokk/CARDIO_LUT_reuse100/project.tcl'), 'project.tcl'));
    expect(e.message).toBe('no "typedef <type> <name>;" lines: not an hls4ml defines.h');
  });
});
