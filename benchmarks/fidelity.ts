/**
 * Fidelity of the calibrated estimators on the real synthesis data (data/calibration/*.csv): leave-one-project-out —
 * each project's layers predicted by a calibration fitted without that project — median and p90 absolute % error
 * per target, share of exact DSP / BRAM / II, overall and per model key. Goals: DSP and II exact, LUT/FF median
 * ≤ 10 %, p90 ≤ 25 %. Then the same overall table leave-one-repository-out — each source repository predicted
 * from the others only — which is what a new user with their own tool, part and coding style sees before running
 * `calibrate` on their own reports (a project-level hold-out still trains on sibling variants of the same network:
 * ArgyKokk keeps every RF and DSP/LUT variant in its own project folder). Print only.
 * Run: `npx tsx benchmarks/fidelity.ts`.
 */
import { join } from 'node:path';
import { errorStats, fitCalibration, FIT_TARGETS } from '../src/estimators/calibration/fit.js';
import { gatherRecords } from '../src/estimators/calibration/read-inputs.js';
import { qualityLines } from '../src/estimators/calibration/write.js';

const dir = join(import.meta.dirname, '..', 'data', 'calibration');
const t0 = performance.now();
const gathered = await gatherRecords(['synth_reports.csv', 'synth_layers.csv', 'synth_subreports.csv'].map((f) => join(dir, f)));
const result = fitCalibration(gathered.records, { id: 'fidelity', createdBy: 'benchmarks/fidelity.ts', sources: [dir] });
console.log(`${result.records} layer records from ${result.projects} projects, leave-one-project-out (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
for (const l of qualityLines(result.quality)) console.log(l);
const cell = (s: ReturnType<typeof errorStats>) => (Number.isNaN(s.medianApe) ? '-' : `${s.medianApe.toFixed(0)}/${s.p90Ape.toFixed(0)}/${(s.exactShare * 100).toFixed(0)}%`);

console.log('\nper io type (median % / p90 % / exact share):');
for (const io of ['io_parallel', 'io_stream'] as const) {
  const ps = result.predictions.filter((p) => p.record.signature.ioType === io);
  const cells = (['latency', 'ii'] as const).map((t) => {
    const pairs = ps.filter((p) => p.record.measured[t] !== undefined && p.predicted[t] !== undefined).map((p) => [p.predicted[t] ?? 0, p.record.measured[t] ?? 0] as const);
    return `${t} ${cell(errorStats(pairs))}`;
  });
  console.log(`${io.padEnd(12)} n ${String(ps.length).padStart(4)}  ${cells.join('  ')}`);
}

console.log('\nper model key (median % / p90 % / exact share; n = records):');
const keys = [...new Set(result.predictions.map((p) => p.modelKey))].sort();
console.log(`${'key'.padEnd(32)} ${'n'.padStart(4)} ${FIT_TARGETS.map((t) => t.padStart(13)).join(' ')}`);
for (const k of keys) {
  const ps = result.predictions.filter((p) => p.modelKey === k);
  const cells = FIT_TARGETS.map((t) => {
    const pairs = ps.filter((p) => p.record.measured[t] !== undefined && p.predicted[t] !== undefined).map((p) => [p.predicted[t] ?? 0, p.record.measured[t] ?? 0] as const);
    return cell(errorStats(pairs)).padStart(13);
  });
  console.log(`${k.padEnd(32)} ${String(ps.length).padStart(4)} ${cells.join(' ')}`);
}

const byRepository = gathered.records.map((r) => ({ ...r, project: r.project.split('/').slice(0, 2).join('/') }));
const strict = fitCalibration(byRepository, { id: 'fidelity-repository', createdBy: 'benchmarks/fidelity.ts', sources: [dir] });
console.log(`\nleave-one-repository-out (${strict.projects} repositories): a new user's setup before calibrating on their own reports`);
for (const l of qualityLines(strict.quality)) console.log(l);
