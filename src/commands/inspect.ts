/** `hlsdse inspect`: the layers of a model as hlsdse (and hls4ml) see them, with shapes, sizes and precisions. */
import { Args, Flags } from '@oclif/core';
import { BaseCommand } from '../cli/base-command.js';
import { formatCount, renderTable } from '../cli/table.js';
import { describeGraph, type GraphDescription } from '../ir/describe-graph.js';
import { loadGraph } from '../ir/load/load-graph.js';
import { WEIGHTED_KINDS, type LayerKind } from '../ir/layer-kinds.js';

/** Prints a model's layer table (or `--json`). */
export default class Inspect extends BaseCommand {
  static override summary = 'Show the layers of a model: shapes, parameters, MACs, precisions, strategy and reuse factor.';
  static override description = `MODEL is a model file (Keras JSON with <stem>_weights.h5 beside it, Keras .h5, Keras 3 .keras, ONNX .onnx)
or an hls4ml YAML config, which names its model and sets precisions, reuse factors and strategies.`;
  static override examples = [
    '<%= config.bin %> inspect examples/models/keras/KERAS_3layer.json',
    '<%= config.bin %> inspect examples/models/keras-config.yml --json',
  ];
  static override args = {
    model: Args.string({ description: 'Model file or hls4ml YAML config.', required: true }),
  };
  static override flags = {
    weights: Flags.string({ description: 'Weights file for a Keras JSON model (default: <stem>_weights.h5 beside it).' }),
    json: Flags.boolean({ description: 'Print the description as JSON on stdout.', default: false }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Inspect);
    const graph = await loadGraph(args.model, flags.weights ? { weights: flags.weights } : {});
    const d = describeGraph(graph);
    if (flags.json) this.printJson(d);
    else this.out(renderInspect(d));
  }
}

function shape(s: readonly number[]): string {
  return `[${s.join(',')}]`;
}

/** The text form of `inspect`. */
export function renderInspect(d: GraphDescription): string {
  const c = d.config;
  const head = `model ${d.name} (${d.format})  ${String(c.ioType)}  part ${String(c.part)}  clock ${String(c.clockPeriodNs)} ns  default ${String(c.defaultPrecision)}\n`;
  const rows = d.layers.map((l, i) => {
    const p = (k: string) => l.precisions[k]?.type ?? '';
    const weighted = WEIGHTED_KINDS.has(l.kind as LayerKind);
    return [
      String(i),
      l.name,
      l.kind + (l.activation && l.kind === 'Activation' ? `(${l.activation})` : ''),
      l.inputShapes.map(shape).join('+'),
      shape(l.outputShape),
      formatCount(l.facts.params),
      formatCount(l.facts.macs),
      p('weight') || p('depthwise') || p('scale'),
      p('bias'),
      p('result'),
      p('accum'),
      weighted ? l.config.strategy : '',
      weighted ? String(l.config.reuseFactor) : '',
    ];
  });
  const table = renderTable(
    [
      { header: '#', align: 'right' },
      { header: 'layer' },
      { header: 'kind' },
      { header: 'input' },
      { header: 'output' },
      { header: 'params', align: 'right' },
      { header: 'MACs', align: 'right' },
      { header: 'weight' },
      { header: 'bias' },
      { header: 'result' },
      { header: 'accum' },
      { header: 'strategy' },
      { header: 'RF', align: 'right' },
    ],
    rows,
  );
  const t = d.totals;
  const totals = `total: ${t.layers} layers, ${formatCount(t.params)} parameters, ${formatCount(t.macs)} MACs, ${formatCount(t.zeroWeights)} of ${formatCount(t.weights)} weights zero\n`;
  const warnings = d.warnings.map((w) => `warning: ${w}\n`).join('');
  return head + table + totals + warnings;
}
