/** `hlsdse sweep`: search a model's design space for the Pareto front under budgets, journaled and resumable. */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Args, Flags } from '@oclif/core';
import { BaseCommand } from '../cli/base-command.js';
import { parseDuration } from '../cli/duration.js';
import { sampleFlags } from '../cli/sample-flags.js';
import { sweep } from '../cli/sweep-run.js';
import { renderFront } from '../cli/render-front.js';
import { modelStem } from '../ir/load/model-stem.js';
import { strategyRegistry } from '../search/strategies/registry.js';

/** Runs a sweep and prints its front. */
export default class Sweep extends BaseCommand {
  static override summary = 'Search reuse factors, strategies, IO types, precisions and FIFO depths for the Pareto front.';
  static override description = `MODEL is a model file or an hls4ml YAML config. The design space comes from --space (YAML/JSON; default:
strategy Latency/Resource and every legal reuse factor of each layer with weights). Every evaluated point goes to
<out>/journal.jsonl as it is computed; --resume continues a killed run. At the end <out>/front.json and
<out>/report.html are written. Objectives: lut, ff, dsp, bram, uram, latency (cycles), latency-ns, ii,
accuracy-drop (emulated on --data or seeded synthetic samples); add :max to maximise.`;
  static override examples = [
    '<%= config.bin %> sweep examples/models/keras/KERAS_3layer.json --max-evals 5000 --out runs/demo',
    '<%= config.bin %> sweep model.json --space space.yml --objectives lut,dsp,latency-ns --budget LUT=60000,DSP=70%,latency=200ns --time 8h',
    '<%= config.bin %> sweep model.json --out runs/night --resume',
  ];
  static override args = { model: Args.string({ description: 'Model file or hls4ml YAML config.', required: true }) };
  static override flags = {
    ...sampleFlags,
    space: Flags.string({ description: 'Design-space file (YAML or JSON).' }),
    'io-type': Flags.string({ description: 'IO types to search (overrides the space file).', options: ['io_parallel', 'io_stream'], multiple: true }),
    objectives: Flags.string({ description: 'Comma-separated objectives, each minimised unless :max.', default: 'lut,dsp,latency' }),
    budget: Flags.string({ description: 'Budgets, e.g. LUT=60000,DSP=70%,latency=200ns,II=1,accuracy-drop=1%.' }),
    'budget-upper': Flags.boolean({ description: 'Check budgets at the upper end of each estimate interval.', default: false }),
    strategy: Flags.string({ description: 'Search strategy.', options: ['auto', ...strategyRegistry.map((s) => s.id).filter((s) => s !== 'auto')], default: 'auto' }),
    'max-evals': Flags.integer({ description: 'Evaluate at most this many points.', default: 100_000, min: 1 }),
    time: Flags.string({ description: 'Stop after this long (e.g. 8h, 30m, 90s); the front is saved.' }),
    batch: Flags.integer({ description: 'Points per batch (the journal is flushed per batch).', default: 512, min: 1 }),
    out: Flags.string({ description: 'Run folder for the journal, front and report (default: runs/<model>).' }),
    resume: Flags.boolean({ description: 'Continue the run in --out from its journal.', default: false }),
    workers: Flags.integer({ description: 'Worker threads evaluating points (1 = in-process).', default: Math.max(1, availableParallelism()), min: 1 }),
    calibration: Flags.string({ description: 'Calibration JSON (default: the shipped calibration).' }),
    json: Flags.boolean({ description: 'Print the result as JSON.', default: false }),
    quiet: Flags.boolean({ description: 'No progress output.', default: false }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Sweep);
    const summary = await sweep({
      model: args.model,
      ...(flags.weights ? { weights: flags.weights } : {}),
      ...(flags.space ? { spaceFile: flags.space } : {}),
      ...(flags['io-type'] ? { ioTypes: flags['io-type'] as ('io_parallel' | 'io_stream')[] } : {}),
      objectives: flags.objectives,
      ...(flags.budget ? { budget: flags.budget } : {}),
      budgetAtUpper: flags['budget-upper'],
      strategy: flags.strategy,
      maxEvals: flags['max-evals'],
      ...(flags.time ? { timeMs: parseDuration(flags.time) } : {}),
      batchSize: flags.batch,
      seed: flags.seed,
      out: flags.out ?? join('runs', modelStem(args.model)),
      resume: flags.resume,
      workers: flags.workers,
      ...(flags.calibration ? { calibrationFile: flags.calibration } : {}),
      samples: flags,
      reference: flags.reference as 'tfjs' | 'float64',
      version: this.config.version,
      tty: process.stderr.isTTY === true,
      quiet: flags.quiet || flags.json,
    });
    if (flags.json) this.printJson(summary);
    else this.out(renderFront(summary.front, summary.objectives, { title: `${summary.result.evaluated} points evaluated (${summary.result.stoppedBy}), space of ${summary.spaceSize}; run in ${summary.run}` }));
  }
}
