/**
 * The file edge of `calibrate`: turns the paths a user gives (hls4ml project folders, folders holding projects,
 * synthesis CSV files) into calibration records. A file or project that cannot be read is skipped with one warning
 * line naming it (a broken weight file only loses that layer its known weights); nothing else stops the run.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { asHlsdseError } from '../../util/errors.js';
import { readHls4mlProject } from '../reports/hls4ml-project.js';
import { parseWeightsFile } from '../reports/weights-file.js';
import { parseCsv } from './csv.js';
import { recordsFromCsv, type CsvRow } from './csv-records.js';
import { recordsFromProject } from './project-records.js';
import { recordKey, type CalibrationRecord } from './record.js';
import { kernelLookup, parseWeightsIndex, type KernelLookup } from './weights-index.js';

/** Records gathered from the inputs, the warnings about skipped inputs, and how many duplicates were dropped. */
export interface Gathered {
  readonly records: readonly CalibrationRecord[];
  readonly warnings: readonly string[];
  readonly duplicates: number;
}

/** A project folder has hls4ml's config files or a `<name>_prj/solution*` HLS project. */
function looksLikeProject(dir: string): boolean {
  if (['hls4ml_config.yml', 'project.tcl', 'build_prj.tcl', 'firmware/parameters.h'].some((f) => existsSync(join(dir, f)))) return true;
  return readdirSync(dir, { withFileTypes: true }).some(
    (e) => e.isDirectory() && e.name.endsWith('_prj') && readdirSync(join(dir, e.name)).some((s) => /^solution/.test(s)),
  );
}

/** Project folders at or below `dir` (up to 5 levels). */
function projectDirs(dir: string, depth = 0): string[] {
  if (looksLikeProject(dir)) return [dir];
  if (depth >= 5) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => projectDirs(join(dir, e.name), depth + 1));
}

/**
 * The kernels listed by `weights/index.csv` in a CSV's folder, if there is one. A broken index is one warning and no
 * lookup; a broken or missing weight file is one warning and only its layers fall back to the Gaussian guess.
 */
function kernelsBeside(csvFile: string, warnings: string[]): KernelLookup | undefined {
  const dir = join(dirname(csvFile), 'weights');
  const indexFile = join(dir, 'index.csv');
  if (!existsSync(indexFile)) return undefined;
  try {
    const entries = parseWeightsIndex(readFileSync(indexFile, 'utf8'), indexFile);
    const values = new Map<string, readonly number[]>();
    for (const file of new Set(entries.map((e) => e.file))) {
      const path = join(dir, file);
      try {
        values.set(file, parseWeightsFile(readFileSync(path, 'utf8'), path));
      } catch (e) {
        warnings.push(`warning: ${asHlsdseError(e, path).line.replace(/^error: /, '')}, its layers use estimated weight statistics`);
      }
    }
    return kernelLookup(entries, values);
  } catch (e) {
    warnings.push(`warning: ${asHlsdseError(e, indexFile).line.replace(/^error: /, '')}, skipped`);
    return undefined;
  }
}

/** Reads every input; CSV layer files are joined with the whole-network CSVs given alongside. */
export async function gatherRecords(paths: readonly string[]): Promise<Gathered> {
  const warnings: string[] = [];
  const records: CalibrationRecord[] = [];
  const layerCsvs: { file: string; rows: CsvRow[] }[] = [];
  const reportRows: CsvRow[] = [];
  for (const path of paths) {
    if (!existsSync(path)) {
      warnings.push(`warning: ${path}: no such file or directory, skipped`);
      continue;
    }
    if (statSync(path).isDirectory()) {
      const dirs = projectDirs(path);
      if (dirs.length === 0) warnings.push(`warning: ${path}: no hls4ml project found, skipped`);
      for (const d of dirs) {
        try {
          const project = await readHls4mlProject(d);
          for (const w of project.warnings ?? []) warnings.push(`warning: ${w}, skipped`);
          const h = recordsFromProject(project);
          records.push(...h.records);
          const why = (h.skipped[0] ?? 'nothing matched').replace(`${d}: `, '');
          if (h.records.length === 0) warnings.push(`warning: ${d}: no usable layer rows (${why}), skipped`);
        } catch (e) {
          warnings.push(`warning: ${asHlsdseError(e, d).line.replace(/^error: /, '')}, skipped`);
        }
      }
      continue;
    }
    let rows: CsvRow[];
    try {
      rows = parseCsv(readFileSync(path, 'utf8'));
    } catch (e) {
      warnings.push(`warning: ${path}: not a readable CSV (${e instanceof Error ? e.message : String(e)}), skipped`);
      continue;
    }
    const header = rows[0] ? Object.keys(rows[0]) : [];
    if (header.includes('layer_summary')) reportRows.push(...rows);
    else if (header.includes('layer_type') && header.includes('lut')) layerCsvs.push({ file: path, rows });
    else warnings.push(`warning: ${path}: not a synthesis CSV (needs layer_type and lut columns), skipped`);
  }
  const functionRows = layerCsvs.flatMap((c) => c.rows);
  const lookups = new Map<string, KernelLookup | undefined>();
  for (const c of layerCsvs) {
    const dir = dirname(c.file);
    if (!lookups.has(dir)) lookups.set(dir, kernelsBeside(c.file, warnings));
    const h = recordsFromCsv(c.rows, reportRows, c.file, functionRows, lookups.get(dir));
    records.push(...h.records);
  }
  const seen = new Set<string>();
  const unique = records.filter((r) => {
    const k = recordKey(r);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return { records: unique, warnings, duplicates: records.length - unique.length };
}
