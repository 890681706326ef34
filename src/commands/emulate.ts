/** `hlsdse emulate`: runs the bit-accurate emulator of a design point on samples and compares it with the float model. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Args, Flags } from '@oclif/core';
import { BaseCommand } from '../cli/base-command.js';
import { renderTable } from '../cli/table.js';
import { encodeNpy, readLabels } from '../estimators/accuracy/data-formats.js';
import { floatReference, type FloatEngine } from '../estimators/accuracy/float-reference.js';
import { accuracyMetrics, type AccuracyMetrics } from '../estimators/accuracy/metrics.js';
import { readPointText } from '../estimators/point-file.js';
import type { Batch, EmulationOptions, EmulationResult } from '../estimators/emulator/types.js';
import type { DesignPoint } from '../ir/design-point.js';
import { designPointOf } from '../ir/design-point.js';
import type { Graph } from '../ir/graph.js';
import { loadGraph } from '../ir/load/load-graph.js';
import { readModelFile } from '../ir/load/read-file.js';
import { fail } from '../util/errors.js';
import { sampleFlags, samplesFromFlags } from '../cli/sample-flags.js';

/** The emulator's entry point (`src/estimators/emulator/emulate-graph.ts`). */
type EmulateGraph = (graph: Graph, point: DesignPoint, inputs: Batch | Record<string, Batch>, options?: EmulationOptions) => EmulationResult | Promise<EmulationResult>;

/** Loads the emulator, or undefined when this build has none. */
async function loadEmulator(): Promise<EmulateGraph | undefined> {
  const url = new URL('../estimators/emulator/emulate-graph.js', import.meta.url);
  try {
    const m = (await import(url.href)) as { emulateGraph?: EmulateGraph };
    return m.emulateGraph;
  } catch (e) {
    const err = e as { code?: string; message?: string };
    if (err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('emulate-graph')) return undefined;
    throw e;
  }
}

/** What `emulate --json` prints. */
export interface EmulateReport {
  readonly model: string;
  readonly point: string;
  readonly data: string;
  readonly reference: FloatEngine;
  readonly metrics: AccuracyMetrics;
  readonly files: readonly string[];
}

/** Emulates a design point on samples and prints how far it is from the float model (or `--json`). */
export default class Emulate extends BaseCommand {
  static override summary = 'Emulate the fixed-point firmware of a design point bit-accurately and compare it with the float model.';
  static override description = `Runs the float reference and the bit-accurate emulator on the same samples and prints, per output,
top-class agreement, accuracy against labels (if given), mean and max absolute error, per-layer errors and
overflow counts. --config is a design-point file: an hls4ml-style YAML whose HLSConfig sets the point's precisions and knobs
(as written by 'hlsdse pick'), or hlsdse's own point format (as 'estimate --config' takes)
(default: the model's own configuration). With --out, outputs are written as .npy files.`;
  static override examples = [
    '<%= config.bin %> emulate examples/models/keras/KERAS_3layer.json --data x_test.npy --labels y_test.npy',
    '<%= config.bin %> emulate examples/models/keras/KERAS_3layer.json --config point.yml --data test.csv --label-column class --out results --json',
  ];
  static override args = {
    model: Args.string({ description: 'Model file or hls4ml YAML config.', required: true }),
  };
  static override flags = {
    ...sampleFlags,
    config: Flags.string({ description: 'Design point: an hls4ml-style YAML with HLSConfig (and optionally IOType, Part, ClockPeriod), or an hlsdse point file.' }),
    labels: Flags.string({ description: 'Labels for --data: class indices (one per sample) or one-hot rows, as .npy, .csv or .json.' }),
    out: Flags.string({ description: 'Folder to write emulated and float outputs to, as .npy.' }),
    json: Flags.boolean({ description: 'Print the metrics as JSON on stdout.', default: false }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Emulate);
    const graph = await loadGraph(args.model, flags.weights ? { weights: flags.weights } : {});
    const point = flags.config ? readPointText(graph, (await readModelFile(flags.config)).toString('utf8'), flags.config) : designPointOf(graph);
    const samples = await samplesFromFlags(graph, flags);
    let labels = samples.labels;
    if (flags.labels) {
      if (!flags.data) fail('bad-flag', '--labels', 'needs --data (synthetic samples have no labels)');
      labels = readLabels(await readModelFile(flags.labels), flags.labels, samples.count);
    }
    const emulateGraph = await loadEmulator();
    if (!emulateGraph) fail('internal', undefined, 'this build has no bit-accurate emulator (src/estimators/emulator/emulate-graph.ts)');
    const engine = flags.reference as FloatEngine;
    const float = await floatReference(graph, samples.inputs, { engine });
    const emulated = await emulateGraph(graph, point, samples.inputs, { keepLayerOutputs: true });
    const metrics = accuracyMetrics(float.outputs, emulated, {
      ...(labels ? { labels } : {}),
      synthetic: samples.synthetic,
      floatLayers: float.layerOutputs,
      layerOrder: graph.layers.map((l) => l.name),
    });
    const files = flags.out ? await writeOutputs(flags.out, graph, float.outputs, emulated.outputs) : [];
    const report: EmulateReport = { model: graph.name, point: flags.config ?? 'model configuration', data: samples.description, reference: engine, metrics, files };
    if (flags.json) this.printJson(report);
    else this.out(renderEmulate(report));
  }
}

async function writeOutputs(dir: string, graph: Graph, float: Readonly<Record<string, Batch>>, emulated: Readonly<Record<string, Batch>>): Promise<string[]> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    fail('bad-flag', dir, `cannot create the output folder: ${(e as Error).message}`);
  }
  const files: string[] = [];
  for (const name of graph.outputs) {
    const shape = graph.layers.find((l) => l.name === name)?.outputShape ?? [];
    for (const [prefix, b] of [['emulated', emulated[name]], ['float', float[name]]] as const) {
      if (!b) continue;
      const file = join(dir, `${prefix}_${name}.npy`);
      await writeFile(file, encodeNpy({ shape: [b.count, ...shape], data: b.data }));
      files.push(file);
    }
  }
  return files;
}

function pct(v: number | undefined): string {
  return v === undefined ? '' : `${(100 * v).toFixed(2)} %`;
}

function sci(v: number): string {
  return v === 0 ? '0' : v.toExponential(3);
}

/** The text form of `emulate`. */
export function renderEmulate(r: EmulateReport): string {
  const m = r.metrics;
  const head = `model ${r.model}  point ${r.point}  data ${r.data}${m.synthetic ? '  [synthetic]' : ''}  reference ${r.reference}\n`;
  const outputs = renderTable(
    [
      { header: 'output' },
      { header: 'size', align: 'right' },
      { header: 'top-class agreement', align: 'right' },
      { header: 'accuracy', align: 'right' },
      { header: 'float accuracy', align: 'right' },
      { header: 'mean |err|', align: 'right' },
      { header: 'max |err|', align: 'right' },
    ],
    m.outputs.map((o) => [o.output, String(o.size), pct(o.topClassAgreement), pct(o.accuracy), pct(o.floatAccuracy), sci(o.meanAbsError), sci(o.maxAbsError)]),
  );
  const layers = m.layers?.length
    ? `\n${renderTable(
        [{ header: 'layer' }, { header: 'mean |err|', align: 'right' }, { header: 'max |err|', align: 'right' }],
        m.layers.map((l) => [l.layer, sci(l.meanAbsError), sci(l.maxAbsError)]),
      )}`
    : '';
  const hits = m.overflows.filter((o) => o.count > 0);
  const overflow = hits.length
    ? `\n${renderTable(
        [{ header: 'overflow in' }, { header: 'variable' }, { header: 'values', align: 'right' }, { header: 'rate', align: 'right' }],
        hits.map((o) => [o.layer, o.variable, `${o.count} of ${o.total}`, pct(o.total ? o.count / o.total : 0)]),
      )}`
    : '\nno overflows\n';
  const files = r.files.length ? `wrote ${r.files.join(', ')}\n` : '';
  return head + outputs + layers + overflow + files;
}
