/**
 * Regenerates `data/calibration/default.json` from the synthesis CSVs in `data/calibration/` (copied from the
 * shared data set; see `data/calibration/SOURCES.md`) and prints its leave-one-project-out fit quality.
 * Run: `npx tsx scripts/fit-calibration.ts`. Deterministic: the same CSVs give the same file.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fitCalibration } from '../src/estimators/calibration/fit.js';
import { gatherRecords } from '../src/estimators/calibration/read-inputs.js';
import { calibrationJson, qualityLines } from '../src/estimators/calibration/write.js';

const dir = join(import.meta.dirname, '..', 'data', 'calibration');
const inputs = ['synth_reports.csv', 'synth_layers.csv', 'synth_subreports.csv'].map((f) => join(dir, f));
const hash = createHash('sha256');
for (const f of inputs) hash.update(readFileSync(f));
const digest = hash.digest('hex').slice(0, 12);
const gathered = await gatherRecords(inputs);
for (const w of gathered.warnings) console.error(w);
const result = fitCalibration(gathered.records, {
  id: `default-${digest}`,
  createdBy: 'scripts/fit-calibration.ts',
  sources: [
    'data/calibration/synth_layers.csv, synth_subreports.csv, synth_reports.csv (sha256 prefix ' + digest + '): csynth reports from public GitHub repositories, each row citing repository, path and commit',
  ],
});
writeFileSync(join(dir, 'default.json'), calibrationJson(result.calibration));
console.log(`${result.records} records from ${result.projects} projects (${gathered.duplicates} duplicates dropped); wrote data/calibration/default.json`);
for (const line of qualityLines(result.quality)) console.log(line);
