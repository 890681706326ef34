/** `hlsdse report`: (re)writes a run's self-contained HTML report. */
import { Args, Flags } from '@oclif/core';
import { BaseCommand } from '../cli/base-command.js';
import { runContext } from '../cli/load-run-context.js';
import { writeRunReport } from '../cli/report-run.js';
import { summarizeRuns } from '../search/run-files.js';
import { mkdirSync } from 'node:fs';

/** Writes report.html for a run. */
export default class Report extends BaseCommand {
  static override summary = 'Write the HTML report of a sweep: front plots for every objective pair, the front, per-layer breakdowns.';
  static override examples = ['<%= config.bin %> report runs/KERAS_3layer', '<%= config.bin %> report runs/KERAS_3layer --out /tmp/r'];
  static override args = { run: Args.string({ description: 'Run folder (or its journal.jsonl).', required: true }) };
  static override flags = { out: Flags.string({ description: 'Folder to write report.html into (default: the run folder).' }) };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Report);
    const run = await summarizeRuns([args.run]);
    const ctx = await runContext(run);
    const dir = flags.out ?? run.dir;
    mkdirSync(dir, { recursive: true });
    const file = await writeRunReport(dir, { run, ctx });
    this.out(file);
  }
}
