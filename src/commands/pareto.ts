/** `hlsdse pareto`: the Pareto front of one or more runs (merged), as a table, CSV or JSON. */
import { Args, Flags } from '@oclif/core';
import { BaseCommand } from '../cli/base-command.js';
import { renderFront } from '../cli/render-front.js';
import { METRICS } from '../search/metrics.js';
import { summarizeRuns } from '../search/run-files.js';

/** Prints a run's front. */
export default class Pareto extends BaseCommand {
  static override summary = 'Print the Pareto front of a sweep (several runs of the same model and space are merged).';
  static override examples = ['<%= config.bin %> pareto runs/KERAS_3layer', '<%= config.bin %> pareto runs/a runs/b --csv > front.csv'];
  static override strict = false;
  static override args = { run: Args.string({ description: 'Run folder (or its journal.jsonl); more may follow.', required: true }) };
  static override flags = {
    csv: Flags.boolean({ description: 'Print CSV (point id, genome, every metric mean/lo/hi).', default: false, exclusive: ['json'] }),
    json: Flags.boolean({ description: 'Print JSON records.', default: false }),
    limit: Flags.integer({ description: 'Rows in the table.', default: 50, min: 1 }),
  };

  async run(): Promise<void> {
    const { argv, flags } = await this.parse(Pareto);
    const run = await summarizeRuns(argv as string[]);
    const front = run.front;
    for (const d of run.dropped) this.note(`note: dropped ${d}`);
    if (flags.json) this.printJson({ objectives: run.header.objectives, evaluated: run.evaluated, front });
    else if (flags.csv) {
      const metrics = METRICS.filter((m) => front.some((r) => r.metrics?.[m]));
      const head = ['point', 'genome', ...metrics.flatMap((m) => [m, `${m}_lo`, `${m}_hi`])];
      const rows = front.map((r) => [r.key, r.genome.join(' '), ...metrics.flatMap((m) => (r.metrics?.[m] ?? ['', '', '']).map(String))]);
      this.out([head, ...rows].map((r) => r.join(',')).join('\n'));
    } else this.out(renderFront(front, run.header.objectives, { limit: flags.limit, title: `${run.evaluated} points in ${run.dir}` }));
  }
}
