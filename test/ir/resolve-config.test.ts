import { describe, expect, it } from 'vitest';
import { fixed, formatPrecision, parsePrecision } from '../../src/fixed/precision.js';
import { normaliseStrategy, parseHlsConfig, toSnakeCase } from '../../src/ir/formats/hls4ml-config.js';
import { resolveLayerSettings, type LayerIdentity } from '../../src/ir/resolve-config.js';

const dense = (over: Partial<LayerIdentity> = {}): LayerIdentity => ({ name: 'fc1', kind: 'Dense', sourceClass: 'Dense', quantizers: {}, overrides: {}, ...over });
const fmt = (s: ReturnType<typeof resolveLayerSettings>) => Object.fromEntries(Object.entries(s.precisions).map(([k, v]) => [k, `${formatPrecision(v.precision)}@${v.source}`]));
const D = fixed(16, 6);

describe('HLSConfig precedence (LayerName → LayerType → Model)', () => {
  const spec = parseHlsConfig('c.yml', {
    Model: { Precision: 'ap_fixed<16,6>', ReuseFactor: 1, Strategy: 'Latency' },
    LayerType: { Dense: { ReuseFactor: 4, Strategy: 'Resource', Precision: { weight: 'ap_fixed<8,2>' } }, Activation: { Precision: 'ap_fixed<10,4>' } },
    LayerName: { fc1: { Precision: { result: 'ap_fixed<12,4>' }, ReuseFactor: 8, ParallelizationFactor: 2 } },
  });

  it('takes the most specific level for each setting', () => {
    const s = resolveLayerSettings(spec, dense(), D);
    expect(fmt(s)).toEqual({ result: 'ap_fixed<12,4>@LayerName', weight: 'ap_fixed<8,2>@LayerType', bias: 'ap_fixed<16,6>@Model', accum: 'ap_fixed<16,6>@Model' });
    expect(s.config).toMatchObject({ reuseFactor: 8, strategy: 'resource', parallelizationFactor: 2 });
    const fc2 = resolveLayerSettings(spec, dense({ name: 'fc2' }), D);
    expect(fc2.config).toMatchObject({ reuseFactor: 4, strategy: 'resource', parallelizationFactor: 1 });
  });

  it('matches LayerType against the source class too (QDense) and applies block defaults', () => {
    const s = resolveLayerSettings(spec, { name: 'a', kind: 'Activation', sourceClass: 'ReLU', activationFn: 'relu', quantizers: {}, overrides: {} }, D);
    expect(fmt(s)).toEqual({ result: 'ap_fixed<10,4>@LayerType' });
    const q = parseHlsConfig('c.yml', { LayerType: { QDense: { ReuseFactor: 2 } } });
    expect(resolveLayerSettings(q, dense({ sourceClass: 'QDense' }), D).config.reuseFactor).toBe(2);
  });

  it('keeps tables at their own defaults unless a variable is named', () => {
    const s = resolveLayerSettings(spec, { name: 's', kind: 'Activation', sourceClass: 'Activation', activationFn: 'sigmoid', quantizers: {}, overrides: {} }, D);
    expect(fmt(s).table).toBe('ap_fixed<18,8>@default');
  });

  it('lets weight quantizers win and explicit LayerName results beat other quantizers', () => {
    const q = { weight: parsePrecision('ap_fixed<6,1,AP_RND_CONV,AP_SAT>'), result: parsePrecision('ap_ufixed<6,0>') };
    const named = parseHlsConfig('c.yml', { LayerName: { fc1: { Precision: { weight: 'ap_fixed<9,3>', result: 'ap_fixed<7,1>' } } } });
    const s = resolveLayerSettings(named, dense({ quantizers: q }), D);
    expect(fmt(s).weight).toBe('ap_fixed<6,1,AP_RND_CONV,AP_SAT>@quantizer');
    expect(fmt(s).result).toBe('ap_fixed<7,1>@LayerName');
  });

  it('reads `<var>_t` keys and table_size as hls4ml does', () => {
    const s = parseHlsConfig('c.yml', { LayerName: { sm: { exp_table_t: 'ap_fixed<18,8>', table_size: 2048, Trace: true } } });
    const r = resolveLayerSettings(s, { name: 'sm', kind: 'Softmax', sourceClass: 'Softmax', activationFn: 'softmax', quantizers: {}, overrides: {} }, D);
    expect(fmt(r).exp_table).toBe('ap_fixed<18,8>@LayerName');
    expect(r.config.tableSize).toBe(2048);
    expect(r.config.extra).toEqual({ trace: true });
  });
});

describe('hls4ml string conventions', () => {
  it('snake-cases keys', () => {
    expect(toSnakeCase('ReuseFactor')).toBe('reuse_factor');
    expect(toSnakeCase('ParallelizationFactor')).toBe('parallelization_factor');
    expect(toSnakeCase('table_size')).toBe('table_size');
  });
  it('normalises strategies and refuses unknown ones', () => {
    expect(normaliseStrategy('Latency')).toBe('latency');
    expect(normaliseStrategy('Resource_Unrolled')).toBe('resource_unrolled');
    expect(normaliseStrategy('ResourceUnrolled')).toBe('resource_unrolled');
    expect(normaliseStrategy('distributed_arithmetic')).toBe('distributed_arithmetic');
    expect(normaliseStrategy('da')).toBe('distributed_arithmetic');
    expect(normaliseStrategy('Fast')).toBeUndefined();
  });
  it('rejects malformed values with the key path', () => {
    expect(() => parseHlsConfig('c.yml', { Model: { ReuseFactor: -5 } })).toThrow('HLSConfig.Model.ReuseFactor: expected a positive integer, got -5');
    expect(() => parseHlsConfig('c.yml', { Modle: {} })).toThrow('HLSConfig.Modle: unknown section');
  });
});

describe('in-place layers', () => {
  it('gives Flatten and Reshape their producer\'s result type unless a config names one', () => {
    const upstream = { precision: fixed(10, 4), source: 'LayerName' as const };
    const flat = { name: 'f', kind: 'Flatten' as const, sourceClass: 'Flatten', quantizers: {}, overrides: {}, upstreamResult: upstream };
    expect(resolveLayerSettings(parseHlsConfig('c.yml', {}), flat, D).precisions.result).toEqual({ precision: fixed(10, 4), source: 'inferred' });
    const named = parseHlsConfig('c.yml', { LayerName: { f: { Precision: { result: 'ap_fixed<8,2>' } } } });
    expect(formatPrecision(resolveLayerSettings(named, flat, D).precisions.result.precision)).toBe('ap_fixed<8,2>');
  });
});
