/** `hlsdse profile`: per-layer value ranges of a model (weights, biases, float outputs) and suggested precisions. */
import { Args, Flags } from '@oclif/core';
import { BaseCommand } from '../cli/base-command.js';
import { sampleFlags, samplesFromFlags } from '../cli/sample-flags.js';
import { renderTable } from '../cli/table.js';
import { floatReference, type FloatEngine } from '../estimators/accuracy/float-reference.js';
import { profileGraph, type ProfileReport } from '../estimators/accuracy/profile.js';
import { loadGraph } from '../ir/load/load-graph.js';
import { fail } from '../util/errors.js';

/** Prints a model's per-layer ranges, integer bits needed and suggested precisions (or `--json`). */
export default class Profile extends BaseCommand {
  static override summary = 'Profile the value ranges of every layer and suggest ap_fixed precisions that do not overflow.';
  static override description = `Runs the float model on samples (--data, or seeded synthetic ones) and reports, per layer, the
min/max/percentiles of its weights, biases and outputs, the integer bits each needs (sign included), and
ap_fixed<W,I> for the target width W. Synthetic samples show the network's response to the stated range, not real data.`;
  static override examples = [
    '<%= config.bin %> profile examples/models/keras/KERAS_3layer.json --data samples.npy',
    '<%= config.bin %> profile examples/models/keras/KERAS_3layer.json --samples 500 --seed 7 --range=-2:2 --width 18 --json',
  ];
  static override args = {
    model: Args.string({ description: 'Model file or hls4ml YAML config.', required: true }),
  };
  static override flags = {
    ...sampleFlags,
    width: Flags.integer({ description: 'Total width W of the suggested precisions.', default: 16, min: 1 }),
    json: Flags.boolean({ description: 'Print the profile as JSON on stdout.', default: false }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Profile);
    const graph = await loadGraph(args.model, flags.weights ? { weights: flags.weights } : {});
    const samples = await samplesFromFlags(graph, flags);
    const run = await floatReference(graph, samples.inputs, { engine: flags.reference as FloatEngine });
    const report = profileGraph(graph, run.layerOutputs, { width: flags.width, synthetic: samples.synthetic, data: samples.description });
    if (flags.json) this.printJson(report);
    else this.out(renderProfile(report));
  }
}

function num(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 1e4 || a < 1e-3 ? v.toExponential(2) : v.toPrecision(4).replace(/\.?0+$/, '');
}

/** The text form of `profile`. */
export function renderProfile(r: ProfileReport): string {
  const head = `model ${r.model}  data ${r.data}${r.synthetic ? '  [synthetic]' : ''}  width ${r.width}\n`;
  const rows = r.layers.flatMap((l) =>
    l.variables.map((v, i) => [
      i === 0 ? l.layer : '',
      i === 0 ? l.kind : '',
      v.variable,
      num(v.stats.min),
      num(v.stats.percentiles['p0.1']),
      num(v.stats.percentiles.p50),
      num(v.stats.percentiles['p99.9']),
      num(v.stats.max),
      String(v.integerBits),
      v.suggested,
      v.current ? `${v.current}${v.currentFits === false ? ' (overflows)' : ''}` : '',
    ]),
  );
  const table = renderTable(
    [
      { header: 'layer' },
      { header: 'kind' },
      { header: 'var' },
      { header: 'min', align: 'right' },
      { header: 'p0.1', align: 'right' },
      { header: 'p50', align: 'right' },
      { header: 'p99.9', align: 'right' },
      { header: 'max', align: 'right' },
      { header: 'int bits', align: 'right' },
      { header: 'suggested' },
      { header: 'current' },
    ],
    rows,
  );
  const over = r.layers.flatMap((l) => l.variables.filter((v) => v.currentFits === false).map((v) => `${l.layer}.${v.variable}`));
  const note = over.length ? `${over.length} variable${over.length === 1 ? '' : 's'} overflow their current precision: ${over.join(', ')}\n` : '';
  return head + table + note;
}
