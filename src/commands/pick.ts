/** `hlsdse pick`: one front point under budgets, its per-layer breakdown, and an hls4ml config reproducing it. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Args, Flags } from '@oclif/core';
import { BaseCommand } from '../cli/base-command.js';
import { runContext } from '../cli/load-run-context.js';
import { breakdownOf } from '../cli/report-run.js';
import { formatCount, renderTable } from '../cli/table.js';
import { lookupDevice } from '../estimators/devices.js';
import { hls4mlConfigText, type ModelReference } from '../ir/formats/hls4ml-config-writer.js';
import type { Graph } from '../ir/graph.js';
import { checkBudgets, parseBudgets, totalViolation } from '../search/budgets.js';
import { closestToBudgets, describeNearMiss } from '../search/closest.js';
import { pointOfGenome } from '../search/evaluate-point.js';
import { pointHash } from '../search/space/point-hash.js';
import { metricByName } from '../search/objectives.js';
import { summarizeRuns } from '../search/run-files.js';
import { loadMetrics } from '../search/run-sweep.js';
import { fail } from '../util/errors.js';

/** How the generated config names the model, from the files the graph was read from. */
export function modelReference(graph: Graph): ModelReference {
  const files = graph.sourceFiles.filter((f) => !/\.ya?ml$/i.test(f));
  if (graph.format === 'keras-json') return { kerasJson: files[0], ...(files[1] ? { kerasH5: files[1] } : {}) };
  if (graph.format === 'onnx') return { onnxModel: files[0] };
  if (graph.format === 'keras-v3') return { kerasModel: files[0] };
  return { kerasH5: files[0] };
}

/** Picks a point. */
export default class Pick extends BaseCommand {
  static override summary = 'Pick one front point under budgets: per-layer breakdown and an hls4ml YAML config that reproduces it.';
  static override examples = ['<%= config.bin %> pick runs/KERAS_3layer --budget DSP=1000,LUT=40000 --prefer latency', '<%= config.bin %> pick runs/KERAS_3layer --prefer lut --out picked'];
  static override args = { run: Args.string({ description: 'Run folder (or its journal.jsonl).', required: true }) };
  static override flags = {
    budget: Flags.string({ description: 'Extra budgets (same syntax as sweep), on top of the run\'s own.' }),
    'budget-upper': Flags.boolean({ description: 'Check budgets at the upper end of each interval.', default: false }),
    prefer: Flags.string({ description: 'The metric to minimise among the points that fit (default: the first objective).' }),
    out: Flags.string({ description: 'Folder to write <point>.yml (the hls4ml config) into.' }),
    json: Flags.boolean({ description: 'Print the pick as JSON.', default: false }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Pick);
    const run = await summarizeRuns([args.run]);
    const ctx = await runContext(run);
    const budgets = flags.budget ? parseBudgets(flags.budget, lookupDevice(ctx.space.base.part)) : [];
    const front = run.front;
    const prefer = flags.prefer ? metricByName(flags.prefer) : (run.header.objectives[0]?.split(':')[0] as ReturnType<typeof metricByName>);
    if (!prefer) fail('bad-flag', '--prefer', `unknown metric '${flags.prefer}'`);
    const fits = front.filter((r) => totalViolation(checkBudgets(budgets, loadMetrics(r.metrics), flags['budget-upper'])) === 0);
    if (fits.length === 0) {
      const near = closestToBudgets(front, budgets, flags['budget-upper'], 1);
      fail('bad-flag', '--budget', `no front point meets ${flags.budget}; closest is ${near.length ? describeNearMiss(near[0]) : 'none'}`);
    }
    const value = (r: (typeof fits)[number]) => loadMetrics(r.metrics)[prefer]?.mean ?? Number.POSITIVE_INFINITY;
    const best = [...fits].sort((a, b) => value(a) - value(b) || (a.objectives ?? []).join().localeCompare((b.objectives ?? []).join()))[0];
    const point = pointOfGenome(ctx.space, best.genome);
    const config = hls4mlConfigText(ctx.graph, point, { model: modelReference(ctx.graph), outputDir: `hls4ml_${best.key}` });
    const breakdown = breakdownOf(ctx, best, `point ${best.key}`);
    let file: string | undefined;
    if (flags.out) {
      mkdirSync(flags.out, { recursive: true });
      file = join(flags.out, `${best.key}.yml`);
      writeFileSync(file, config);
    }
    if (flags.json) {
      this.printJson({ point: best.key, pointHash: pointHash(point), metrics: loadMetrics(best.metrics), breakdown: breakdown.rows, config, ...(file ? { file } : {}) });
      return;
    }
    const m = loadMetrics(best.metrics);
    this.out(`point ${best.key} (hash ${pointHash(point)}) of ${fits.length} fitting front point(s), lowest ${prefer}: LUT ${formatCount(m.lut?.mean ?? 0)}, FF ${formatCount(m.ff?.mean ?? 0)}, DSP ${formatCount(m.dsp?.mean ?? 0)}, BRAM_18K ${formatCount(m.bram?.mean ?? 0)}, latency ${formatCount(m.latency?.mean ?? 0)} cycles (${(m['latency-ns']?.mean ?? 0).toFixed(1)} ns), II ${m.ii?.mean ?? ''}\n`);
    this.out(
      renderTable(
        ['layer', 'kind', 'strategy', 'RF', 'LUT', 'FF', 'DSP', 'BRAM', 'latency', 'II'].map((h, i) => ({ header: h, ...(i >= 3 ? { align: 'right' as const } : {}) })),
        breakdown.rows.map((r) => [r.layer, r.kind, r.strategy, String(r.reuseFactor), formatCount(r.lut), formatCount(r.ff), formatCount(r.dsp), formatCount(r.bram18), formatCount(r.latency), String(r.ii)]),
      ),
    );
    this.out(file ? `hls4ml config written to ${file}` : `# hls4ml config reproducing point ${best.key}\n${config}`);
  }
}
