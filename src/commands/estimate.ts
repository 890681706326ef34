/** `hlsdse estimate`: what a design point of a model will cost — per layer and in total, with intervals. */
import { Args, Flags } from '@oclif/core';
import { BaseCommand } from '../cli/base-command.js';
import { renderEstimate } from '../cli/render-estimate.js';
import { defaultCalibration, loadCalibration } from '../estimators/calibration/load.js';
import { lookupDevice } from '../estimators/devices.js';
import { estimateDesign } from '../estimators/estimate-design.js';
import { readPointText } from '../estimators/point-file.js';
import { readModelFile } from '../ir/load/read-file.js';
import { designPointOf, type DesignPoint } from '../ir/design-point.js';
import { loadGraph } from '../ir/load/load-graph.js';
import { fail, HlsdseError } from '../util/errors.js';

/** Violations that make a point meaningless (the others — the unroll limit — are reported, not fatal). */
const FATAL = new Set(['strategy', 'reuse-factor', 'parallelization-factor', 'io-type', 'unsupported']);

/** Prints the estimate of a model's design point. */
export default class Estimate extends BaseCommand {
  static override summary = 'Estimate LUT, FF, DSP, BRAM, URAM, latency and II of a model for one design point.';
  static override description = `MODEL is a model file or an hls4ml YAML config (which sets precisions, reuse factors and strategies).
--config applies a design-point file on top: ioType, part, clockPeriodNs, bramFactor, per-layer strategy/reuseFactor/
parallelizationFactor/precision, fifoDepths. Figures are means with an interval from the calibration's residuals.`;
  static override examples = [
    '<%= config.bin %> estimate examples/models/keras/KERAS_3layer.json',
    '<%= config.bin %> estimate examples/models/keras-config.yml --io-type io_stream --part xcvu9p --json',
  ];
  static override args = {
    model: Args.string({ description: 'Model file or hls4ml YAML config.', required: true }),
  };
  static override flags = {
    config: Flags.string({ description: 'Design-point YAML/JSON file applied on top of the model\'s configuration.' }),
    calibration: Flags.string({ description: 'Calibration JSON (default: the shipped data/calibration/default.json).' }),
    part: Flags.string({ description: 'FPGA part, e.g. xcvu13p-flga2577-2-e (overrides the model and --config).' }),
    'io-type': Flags.string({ description: 'io_parallel or io_stream (overrides the model and --config).', options: ['io_parallel', 'io_stream'] }),
    clock: Flags.string({ description: 'Clock period in ns (overrides the model and --config).' }),
    weights: Flags.string({ description: 'Weights file for a Keras JSON model.' }),
    json: Flags.boolean({ description: 'Print the estimate as JSON.', default: false }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Estimate);
    const calibration = flags.calibration ? loadCalibration(flags.calibration) : defaultCalibration();
    const graph = await loadGraph(args.model, flags.weights ? { weights: flags.weights } : {});
    let point: DesignPoint = designPointOf(graph);
    if (flags.config) point = readPointText(graph, (await readModelFile(flags.config)).toString('utf8'), flags.config);
    if (flags.part) point = { ...point, part: flags.part };
    if (flags['io-type']) point = { ...point, ioType: flags['io-type'] as DesignPoint['ioType'] };
    if (flags.clock) {
      const c = Number(flags.clock);
      if (!(c > 0)) fail('bad-flag', '--clock', `expected a positive number of ns, got '${flags.clock}'`);
      point = { ...point, clockPeriodNs: c };
    }
    try {
      lookupDevice(point.part);
    } catch (e) {
      if (e instanceof HlsdseError) fail('bad-config', flags.part ? '--part' : flags.config ?? args.model, e.message);
      throw e;
    }
    const estimate = estimateDesign(graph, point, calibration);
    const fatal = estimate.violations.find((v) => FATAL.has(v.code));
    if (fatal) fail('bad-config', flags.config ?? args.model, `layer '${fatal.layer}': ${fatal.message}`);
    if (flags.json) this.printJson({ model: graph.name, point: { ...point, layers: undefined }, ...estimate });
    else this.out(renderEstimate(graph.name, point, estimate));
  }
}
