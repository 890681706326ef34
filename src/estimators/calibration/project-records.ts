/**
 * Calibration records from a parsed hls4ml project folder: every csynth instance row whose `config<N>` matches a
 * layer struct in `parameters.h` becomes a record, with sizes from the struct, precisions from `defines.h`
 * typedefs, zero-weight counts (`n_zeros`) and part/clock/tool from the report. When the project holds the layer's
 * kernel weight files, the zero / ±2^k / signed-digit counts come from the values quantised to the struct's
 * `weight_t` instead (`weightsKnown`). Pure.
 * @see /work/shared/docs/hls4ml.md §5.2 (config structs), §6.1 (instance rows)
 */
import { findDevice } from '../devices.js';
import type { FixedType } from '../../fixed/precision.js';
import type { IoType } from '../../ir/graph.js';
import { STRATEGIES, type Strategy } from '../../ir/layer.js';
import type { Hls4mlProject, InstanceRow, LayerKernels, ParametersConfig } from '../reports/types.js';
import { backendClockUncertainty, BLANK_SIGNATURE, type LayerFamily, type LayerSignature } from '../signature.js';
import { precisionCell } from './csv-records.js';
import { knownWeightFields } from './known-weights.js';
import { isHandModified, moduleFamily } from './module-family.js';
import type { CalibrationRecord, RecordHarvest } from './record.js';

const BASE_FAMILY: Readonly<Record<string, LayerFamily>> = {
  dense_config: 'dense', conv1d_config: 'conv1d', conv2d_config: 'conv2d', pooling1d_config: 'pooling', pooling2d_config: 'pooling',
  batchnorm_config: 'batchnorm', softmax_config: 'softmax', padding1d_config: 'zeropad', padding2d_config: 'zeropad',
  resize_config: 'upsampling', merge_config: 'merge', concat_config: 'concat',
};

/** The function name at the start of an instance module (`dense_latency_ap_fixed_…_config2_s` → `dense_latency`). */
export function moduleBase(module: string): string {
  return module.replace(/_(array|ap_|config|stream|ac_).*$/, '');
}

function familyOf(s: ParametersConfig, base: string): { family: LayerFamily; label: string } | undefined {
  if (s.base === 'activ_config') {
    const mf = moduleFamily(base) ?? moduleFamily(base.split('_')[0]);
    return mf && (mf.family === 'activation' || mf.family === 'table-activation' || mf.family === 'softmax') ? mf : undefined;
  }
  const f = BASE_FAMILY[s.base];
  if (!f) return undefined;
  const g = s.geometry;
  const pointwise = (f === 'conv1d' || f === 'conv2d') && (g?.filtHeight ?? 1) * (g?.filtWidth ?? 1) === 1;
  return { family: pointwise ? 'pointwise' : f, label: base };
}

function geometryOf(s: ParametersConfig, family: LayerFamily): Partial<LayerSignature> | undefined {
  const g = s.geometry ?? {};
  if (family === 'dense') return s.nIn && s.nOut ? { nIn: s.nIn, nOut: s.nOut, nWeights: s.nIn * s.nOut, elements: s.nOut, channels: s.nOut } : undefined;
  if (g.inWidth !== undefined && g.nChan !== undefined) {
    const inH = g.inHeight ?? 1;
    const outH = g.outHeight ?? inH;
    const outW = g.outWidth ?? g.inWidth;
    const fh = g.filtHeight ?? 1;
    const fw = g.filtWidth ?? 1;
    const nFilt = g.nFilt ?? g.nChan;
    const nIn = family === 'pooling' ? fh * fw : fh * fw * g.nChan;
    return {
      nIn, nOut: nFilt, nWeights: family === 'pooling' || family === 'zeropad' || family === 'upsampling' ? 0 : nIn * nFilt,
      inHeight: inH, inWidth: g.inWidth, nChan: g.nChan, filtHeight: fh, filtWidth: fw, nFilt,
      strideHeight: g.strideHeight ?? 1, strideWidth: g.strideWidth ?? 1, outHeight: outH, outWidth: outW,
      inPixels: inH * g.inWidth, outPixels: outH * outW, elements: outH * outW * nFilt, channels: nFilt,
    };
  }
  return s.nIn ? { nIn: s.nIn, nOut: s.nIn, elements: s.nIn, channels: s.nIn } : undefined;
}

/**
 * Known-weight fields of a layer from its project's kernel files (see `knownWeightFields`): the rows of a kernel are
 * its inputs, each feeding the layer's outputs (a depthwise kernel's inputs feed one output each; recurrent kernels
 * are taken without shared products).
 */
function knownWeights(kernels: LayerKernels | undefined, nWeights: number | undefined, nOut: number | undefined, weight: FixedType): Partial<LayerSignature> {
  if (!kernels) return {};
  const rowLength: Readonly<Record<string, number>> = { weight: nOut ?? 1, pointwise: nOut ?? 1, depthwise: 1, recurrent_weight: 1 };
  const list = Object.entries(kernels).flatMap(([param, data]) => (data ? [{ data, rowLength: rowLength[param] ?? 1 }] : []));
  return knownWeightFields(list, nWeights, weight);
}

/**
 * Clock uncertainty (share of the clock) a project was synthesised with: the report's `Uncertainty` column when the
 * parser found it, else what the project's hls4ml backend writes (`backend` of project.tcl / hls4ml_config.yml),
 * else what the tool version implies ({@link backendClockUncertainty}).
 */
function clockUncertaintyOf(p: Hls4mlProject, clockNs: number, tool: LayerSignature['tool']): number {
  const ns = p.csynth?.clockUncertaintyNs;
  if (ns !== undefined && ns > 0 && clockNs > 0) return ns / clockNs;
  if (p.backend !== undefined) return backendClockUncertainty(p.backend.toLowerCase().startsWith('vitis') ? 'vitis_hls' : 'vivado_hls');
  const version = Number.parseFloat(p.csynth?.version ?? '');
  return backendClockUncertainty(tool, Number.isFinite(version) ? version : undefined);
}

/** One instance row → record, or why not. */
function recordOf(p: Hls4mlProject, row: InstanceRow, type: (name: string | undefined) => ReturnType<typeof precisionCell>): CalibrationRecord | string {
  const base = moduleBase(row.module);
  if (isHandModified(base) || /_(me|ss|switch)_/.test(row.module)) return `${row.instance}: hand-modified kernel, kept apart`;
  const s = p.layers.find((l) => l.configId === row.configId && !l.name.endsWith('_mult'));
  if (!s) return `${row.instance}: config${row.configId} not in parameters.h`;
  const fam = familyOf(s, base);
  if (!fam) return `${row.instance}: ${s.base} is not a modelled layer`;
  const geometry = geometryOf(s, fam.family);
  if (!geometry) return `${row.instance}: sizes missing in ${s.name}`;
  const result = type(`layer${row.configId}_t`);
  const io = (s.ioType ?? p.ioType) as IoType | undefined;
  if (io !== 'io_parallel' && io !== 'io_stream') return `${row.instance}: io type unknown`;
  const res: FixedType | undefined = result.type ?? type('model_default_t').type;
  const input = type('input_t').type ?? res;
  if (!res || !input) return `${row.instance}: precisions unknown (no defines.h)`;
  const weight = type(s.weightT).type ?? res;
  const accum = type(s.accumT).type ?? res;
  const table = type(s.tableT).type;
  const strategyCell = s.strategy ?? p.strategy ?? 'latency';
  const strategy: Strategy = (STRATEGIES as readonly string[]).includes(strategyCell) ? (strategyCell as Strategy) : 'latency';
  const device = findDevice(p.csynth?.part ?? p.part ?? '');
  if (!device) return `${row.instance}: unknown part`;
  const clockNs = p.csynth?.targetClockNs ?? p.clockPeriodNs ?? 5;
  const tool = p.csynth?.tool ?? 'vivado_hls';
  const signature: LayerSignature = {
    ...BLANK_SIGNATURE, ...geometry, family: fam.family, label: fam.label, strategy, ioType: io,
    reuseFactor: s.reuseFactor ?? p.reuseFactor ?? 1,
    zeroWeights: s.nZeros ?? 0,
    ...knownWeights(row.configId !== undefined ? p.weights?.[row.configId] : undefined, geometry.nWeights, geometry.nOut, weight),
    inputWidth: input.width, inputInteger: input.integer, weightWidth: weight.width, weightInteger: weight.integer, biasWidth: weight.width,
    accumWidth: accum.width, accumInteger: accum.integer, resultWidth: res.width,
    ...(result.pack && io === 'io_stream' ? { channels: result.pack } : {}),
    ...(s.tableSize ? { tableSize: s.tableSize } : {}), ...(table ? { tableWidth: table.width } : {}),
    dspType: device.dspType, partFamily: device.family, speedGrade: device.speedGrade ?? BLANK_SIGNATURE.speedGrade, clockNs,
    clockUncertainty: clockUncertaintyOf(p, clockNs, tool), tool,
  };
  const lat = row.latencyMax ?? row.latencyMin;
  const ii = row.intervalMax ?? row.intervalMin;
  return {
    signature,
    measured: { lut: row.lut, ff: row.ff, dsp: row.dsp, bram18: row.bram18, ...(lat !== undefined ? { latency: lat } : {}), ...(ii !== undefined ? { ii } : {}) },
    project: p.dir,
    source: `${p.dir}:${row.instance}`,
  };
}

/** Records from every matched instance row of a project. */
export function recordsFromProject(p: Hls4mlProject): RecordHarvest {
  if (!p.csynth) return { records: [], skipped: [`${p.dir}: no csynth report found`] };
  if (p.csynth.instances.length === 0) return { records: [], skipped: [`${p.dir}: the csynth report has no instance table (per-layer rows)`] };
  const type = (name: string | undefined) => precisionCell(name ? p.typedefs[name] : undefined);
  const records: CalibrationRecord[] = [];
  const skipped: string[] = [];
  for (const row of p.csynth.instances) {
    if (row.configId === undefined) continue;
    const r = recordOf(p, row, type);
    if (typeof r === 'string') skipped.push(`${p.dir}: ${r}`);
    else records.push(r);
  }
  return { records, skipped };
}
