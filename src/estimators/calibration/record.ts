/**
 * A calibration record: one synthesised layer instance — its signature (what the estimators read) and what the
 * report measured — tagged with the project it came from (for leave-one-project-out validation) and its source.
 */
import type { LayerSignature } from '../signature.js';
import type { FittedTarget } from '../types.js';

/** What a report measured for one layer instance (targets absent from the report are left out). */
export type Measured = Readonly<Partial<Record<FittedTarget, number>>>;

/** One measured layer instance. */
export interface CalibrationRecord {
  readonly signature: LayerSignature;
  readonly measured: Measured;
  /** Project identity: source repository + hls4ml project folder (or the folder given to `calibrate`). */
  readonly project: string;
  /** Where the numbers come from: `repo@commit:path` or a file path. */
  readonly source: string;
}

/** Records and the reasons inputs were skipped. */
export interface RecordHarvest {
  readonly records: readonly CalibrationRecord[];
  /** One line per skipped row/file: where and why. */
  readonly skipped: readonly string[];
}

/**
 * The hls4ml project folder of a report path: the folder holding `<name>_prj/solution*`
 * (`a/b/DSP_reuse1/myproject_prj/solution1/syn/report/x.rpt` → `a/b/DSP_reuse1`), else the folder before a
 * `report` component, else the report's folder.
 */
export function projectFolderOf(reportPath: string): string {
  const parts = reportPath.split('/');
  const sol = parts.findIndex((p, i) => /^solution\d*$/.test(p) && i > 0 && /_prj$/.test(parts[i - 1]));
  if (sol > 0) return parts.slice(0, sol - 1).join('/');
  const rep = parts.findIndex((p) => p === 'report' || p === 'syn');
  return (rep >= 0 ? parts.slice(0, rep) : parts.slice(0, -1)).join('/');
}

/** A content key of a record, to drop copies of one report kept in several repositories. */
export function recordKey(r: CalibrationRecord): string {
  const s = r.signature;
  return JSON.stringify([s.family, s.label, s.strategy, s.ioType, s.reuseFactor, s.nIn, s.nOut, s.inHeight, s.inWidth, s.nChan, s.nFilt,
    s.filtHeight, s.weightWidth, s.resultWidth, s.accumWidth, s.elements, s.clockNs, s.tool, s.partFamily, s.mulImpl, r.measured]);
}
