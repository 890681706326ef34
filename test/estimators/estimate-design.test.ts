import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCalibration } from '../../src/estimators/calibration/load.js';
import { estimateDesign } from '../../src/estimators/estimate-design.js';
import { RESOURCE_TARGETS, type DesignEstimate } from '../../src/estimators/types.js';
import { designPointOf, withLayerKnobs, type DesignPoint } from '../../src/ir/design-point.js';
import type { Graph } from '../../src/ir/graph.js';
import { loadGraph } from '../../src/ir/load/load-graph.js';
import { HlsdseError } from '../../src/util/errors.js';
import { REPO_ROOT } from '../helpers/shared.js';
import { depthwiseCnn, skipCnn } from './graphs.js';

const cal = defaultCalibration();
const MODELS = join(REPO_ROOT, 'examples', 'models');
const files = ['keras', 'onnx'].flatMap((d) => readdirSync(join(MODELS, d)).filter((f) => /\.(json|h5|keras|onnx)$/.test(f) && !f.endsWith('_weights.h5')).map((f) => join(d, f)));

function expectSane(e: DesignEstimate, g: Graph): void {
  expect(e.layers).toHaveLength(g.layers.length);
  for (const t of RESOURCE_TARGETS) {
    const iv = e.total[t];
    expect(Number.isFinite(iv.mean) && iv.lo >= 0 && iv.lo <= iv.mean && iv.mean <= iv.hi, `${g.name} ${t}`).toBe(true);
    expect(e.share[t]).toBeGreaterThanOrEqual(0);
  }
  expect(e.latencyCycles.mean).toBeGreaterThan(0);
  expect(e.latencyNs.mean).toBeCloseTo(e.latencyCycles.mean * e.clockPeriodNs, 6);
  expect(e.iiCycles).toBeGreaterThanOrEqual(1);
  const dsp = e.layers.reduce((s, l) => s + l.resources.dsp.mean, 0);
  expect(e.total.dsp.mean).toBeCloseTo(dsp, 6);
}

describe('estimateDesign on every bundled example model', () => {
  for (const f of files) {
    for (const ioType of ['io_parallel', 'io_stream'] as const) {
      it(`${f} (${ioType})`, async () => {
        const g = await loadGraph(join(MODELS, f));
        const e = estimateDesign(g, { ...designPointOf(g), ioType }, cal);
        expectSane(e, g);
        expect(e.violations.filter((v) => v.code !== 'unroll-limit')).toEqual([]);
        if (ioType === 'io_parallel') expect(e.fifos).toEqual([]);
        else {
          expect(e.pipelineStyle).toBe('dataflow');
          for (const q of e.fifos) expect(q.depth).toBeLessThanOrEqual(q.defaultDepth);
        }
      });
    }
  }
});

describe('estimateDesign on built graphs', () => {
  it('covers a skip-connection CNN and a depthwise CNN in both io types', () => {
    for (const g of [skipCnn(), depthwiseCnn()]) {
      for (const ioType of ['io_parallel', 'io_stream'] as const) expectSane(estimateDesign(g, { ...designPointOf(g), ioType }, cal), g);
    }
  });

  it('reports an illegal reuse factor as a violation naming the layer', async () => {
    const g = await loadGraph(join(MODELS, 'keras/KERAS_3layer.json'));
    const p = withLayerKnobs(designPointOf(g), { fc1_relu: { strategy: 'resource', reuseFactor: 7 } });
    const e = estimateDesign(g, p, cal);
    expect(e.feasible).toBe(false);
    expect(e.violations).toContainEqual(expect.objectContaining({ layer: 'fc1_relu', code: 'reuse-factor' }));
    expect(e.pipelineStyle).toBe('dataflow');
  });

  it('gives infinite totals, never 0, when no estimator covers a layer', () => {
    const g = depthwiseCnn();
    const e = estimateDesign(g, withLayerKnobs(designPointOf(g), { dw: { strategy: 'distributed_arithmetic' } }), cal);
    expect(e.violations).toContainEqual(expect.objectContaining({ layer: 'dw', code: 'unsupported', message: 'no estimator for (DepthwiseConv2D, distributed_arithmetic, io_parallel)' }));
    expect(e.total.lut.mean).toBe(Number.POSITIVE_INFINITY);
    expect(e.feasible).toBe(false);
  });

  it('fails on an unknown part with the list of known parts', () => {
    const g = depthwiseCnn();
    const p: DesignPoint = { ...designPointOf(g), part: 'xc9z999' };
    expect(() => estimateDesign(g, p, cal)).toThrow(HlsdseError);
    expect(() => estimateDesign(g, p, cal)).toThrow(/unknown FPGA part 'xc9z999': known parts are .*xcvu13p/);
  });

  it('warns about narrow accumulators and resources beyond the part', async () => {
    const g = await loadGraph(join(MODELS, 'keras/KERAS_3layer.json'));
    const e = estimateDesign(g, { ...designPointOf(g), part: 'xc7z007s' }, cal);
    expect(e.warnings.some((w) => w.startsWith('fc2_relu: accum_t has 6 integer bits'))).toBe(true);
    expect(e.warnings.some((w) => /^DSP estimate .* exceeds the xc7z007s's 66/.test(w))).toBe(true);
  });

  it('resolves auto precisions as hls4ml infers them before estimating', async () => {
    const { AUTO } = await import('../../src/fixed/precision.js');
    const g = await loadGraph(join(MODELS, 'keras/KERAS_3layer.json'));
    const e = estimateDesign(g, withLayerKnobs(designPointOf(g), { fc1_relu: { precisions: { accum: AUTO, result: AUTO } } }), cal);
    expect(e.warnings.some((w) => w.startsWith('fc1_relu: accum_t'))).toBe(false);
    expect(e.warnings.some((w) => w.startsWith('fc2_relu: accum_t'))).toBe(true);
    expect(e.layers[1].features['addBits']).toBeGreaterThan(1000 * 30);
  });

  it('trades DSP for reuse: Resource RF 4 uses a quarter of the multipliers of RF 1', async () => {
    const g = await loadGraph(join(MODELS, 'keras/KERAS_3layer.json'));
    const at = (rf: number) => estimateDesign(g, withLayerKnobs(designPointOf(g), { fc2_relu: { strategy: 'resource', reuseFactor: rf } }), cal);
    const d1 = at(1).layers.find((l) => l.layer === 'fc2_relu')?.resources.dsp.mean ?? 0;
    const d4 = at(4).layers.find((l) => l.layer === 'fc2_relu')?.resources.dsp.mean ?? 0;
    expect(d1).toBe(64 * 32);
    expect(d4).toBe((64 * 32) / 4);
    expect(at(4).layers.find((l) => l.layer === 'fc2_relu')?.iiCycles).toBeGreaterThanOrEqual(4);
  });
});

describe('design-point files', () => {
  it('refuses a layer the model lacks and an unknown strategy, naming the key', async () => {
    const { applyPointConfig, parsePointConfig } = await import('../../src/estimators/point-config.js');
    const g = depthwiseCnn();
    const base = designPointOf(g);
    const err = (v: unknown) => {
      try {
        applyPointConfig(g, base, parsePointConfig(v, 'p.yml'), 'p.yml');
      } catch (e) {
        return (e as HlsdseError).line;
      }
      return '';
    };
    expect(err({ layers: { nope: { reuseFactor: 2 } } })).toMatch(/^error: p\.yml: layers\.nope: the model has no layer 'nope'/);
    expect(err({ layers: { fc: { strategy: 'DA' } } })).toBe("error: p.yml: layers.fc.strategy: unknown strategy 'DA' (Latency, Resource, Resource_Unrolled, distributed_arithmetic)");
    expect(err({ clockPeriodNs: -1 })).toMatch(/^error: p\.yml: clockPeriodNs: /);
    expect(err({ layers: { fc: { precision: { weight: 'ap_fixed<8>' } } } })).toMatch(/^error: p\.yml: layers\.fc\.precision\.weight: cannot parse precision/);
    const p = applyPointConfig(g, base, parsePointConfig({ ioType: 'io_stream', layers: { fc: { strategy: 'Resource', reuseFactor: 2, precision: { weight: 'ap_fixed<8,3>' } } } }, 'p.yml'), 'p.yml');
    expect(p.ioType).toBe('io_stream');
    expect(p.layers['fc']).toMatchObject({ strategy: 'resource', reuseFactor: 2, precisions: { weight: { width: 8, integer: 3 } } });
  });
});
