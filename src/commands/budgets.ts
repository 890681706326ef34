/** `hlsdse budgets`: one point's resources and timing as JSON, for the rest of a firmware flow. */
import { Args, Flags } from '@oclif/core';
import { BaseCommand } from '../cli/base-command.js';
import { runContext } from '../cli/load-run-context.js';
import { pointOfGenome } from '../search/evaluate-point.js';
import { pointHash } from '../search/space/point-hash.js';
import { loadMetrics } from '../search/run-sweep.js';
import { findRecord } from '../search/run-files.js';
import { fail } from '../util/errors.js';

/** Prints a point's LUT/FF/DSP/BRAM/URAM/latency/II with intervals. */
export default class Budgets extends BaseCommand {
  static override summary = "Print a point's LUT, FF, DSP, BRAM, URAM, latency and II (with intervals) as JSON.";
  static override examples = ['<%= config.bin %> budgets runs/KERAS_3layer --point 1vd'];
  static override args = { run: Args.string({ description: 'Run folder (or its journal.jsonl).', required: true }) };
  static override flags = { point: Flags.string({ description: 'Point id (from pareto or pick).', required: true }) };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Budgets);
    const run = await findRecord(args.run, flags.point);
    const r = run.record;
    if (!r) fail('bad-flag', '--point', `no point '${flags.point}' in ${args.run}`);
    if (r.status !== 'ok') fail('bad-flag', '--point', `point '${flags.point}' was ${r.status}: ${r.reason ?? ''}`);
    const m = loadMetrics(r.metrics);
    const h = run.header;
    const hash = run.description ? pointHash(pointOfGenome((await runContext(run)).space, r.genome)) : undefined;
    this.printJson({
      model: h.model.name,
      point: r.key,
      ...(hash ? { pointHash: hash } : {}),
      withinBudget: r.violation === 0,
      budgets: h.budgets,
      lut: m.lut,
      ff: m.ff,
      dsp: m.dsp,
      bram18: m.bram,
      uram: m.uram,
      latencyCycles: m.latency,
      latencyNs: m['latency-ns'],
      iiCycles: m.ii?.mean,
      ...(m['accuracy-drop'] ? { accuracyDrop: m['accuracy-drop'].mean } : {}),
      calibration: h.calibration,
    });
  }
}
