/**
 * The kernel weights of synthesis-CSV rows: a `weights/index.csv` beside the CSVs lists, per hls4ml project folder of
 * a source repository at one commit, the kernel file of each `config<N>` layer (a verbatim copy of the project's
 * `firmware/weights/w<N>.h`). Variants converted from one trained model (other reuse factors, DSP/LUT multipliers)
 * share one copy, listed once per project folder. Parsing and lookup are pure; reading the files is the caller's.
 */
import { fail } from '../../util/errors.js';
import { parseCsv } from './csv.js';
import type { CsvRow } from './csv-records.js';

/** One index line: the kernel of `layer` in every report under `projectDir` of `sourceRepo` at `commit`. */
export interface WeightsIndexEntry {
  readonly sourceRepo: string;
  readonly commit: string;
  /** The project folder (ending in `/`) the report paths start with. */
  readonly projectDir: string;
  /** `config<N>`, as the CSV's `layer_name`. */
  readonly layer: string;
  /** Where the file is in the source repository (for citation). */
  readonly weightsPath: string;
  /** The copy, relative to the index's folder. */
  readonly file: string;
}

const COLUMNS = ['source_repo', 'commit', 'project_dir', 'layer', 'weights_path', 'file'] as const;

/** Typed index lines; a missing column or a malformed line fails naming the file and line. */
export function parseWeightsIndex(text: string, file: string): WeightsIndexEntry[] {
  const rows = parseCsv(text);
  const header = rows[0] ? Object.keys(rows[0]) : [];
  const missing = COLUMNS.filter((c) => !header.includes(c));
  if (rows.length > 0 && missing.length > 0) fail('corrupt-file', file, `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  return rows.map((r, i) => {
    const line = i + 2;
    if (!/^[0-9a-f]{40}$/.test(r['commit'])) fail('corrupt-file', file, `line ${line}: commit "${r['commit']}" is not 40 hex digits`);
    if (!/^config\d+$/.test(r['layer'])) fail('corrupt-file', file, `line ${line}: layer "${r['layer']}" is not config<N>`);
    if (!r['file'] || r['file'].includes('..')) fail('corrupt-file', file, `line ${line}: file "${r['file']}" must be a path inside the index's folder`);
    const dir = r['project_dir'];
    return {
      sourceRepo: r['source_repo'], commit: r['commit'], projectDir: dir === '' || dir.endsWith('/') ? dir : `${dir}/`,
      layer: r['layer'], weightsPath: r['weights_path'], file: r['file'],
    };
  });
}

/** Finds the kernel values of a CSV layer row, if the index lists them. */
export type KernelLookup = (row: CsvRow) => readonly number[] | undefined;

/** A lookup over index entries whose files were read (`values` by entry `file`; unread files are absent). */
export function kernelLookup(entries: readonly WeightsIndexEntry[], values: ReadonlyMap<string, readonly number[]>): KernelLookup {
  const byKey = new Map<string, WeightsIndexEntry[]>();
  for (const e of entries) {
    const k = `${e.sourceRepo}@${e.commit}#${e.layer}`;
    byKey.set(k, [...(byKey.get(k) ?? []), e]);
  }
  return (row) => {
    const candidates = byKey.get(`${row['source_repo']}@${row['commit']}#${row['layer_name']}`);
    const path = row['source_path'] ?? '';
    // The longest matching project folder wins (a nested project inside another's folder).
    const hit = candidates?.filter((e) => path.startsWith(e.projectDir)).sort((a, b) => b.projectDir.length - a.projectDir.length)[0];
    return hit ? values.get(hit.file) : undefined;
  };
}
