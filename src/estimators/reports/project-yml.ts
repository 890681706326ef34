/**
 * Reads the few project-level settings calibration needs from a generated project's `hls4ml_config.yml`
 * (part, clock, IO type, global strategy and reuse factor). Custom tags such as `!keras_model` are read as
 * plain strings. The full configuration is validated elsewhere (`src/ir/formats/hls4ml-config.ts`).
 * @see /work/shared/docs/hls4ml.md §5
 */
import { parseDocument } from 'yaml';
import { fail } from '../../util/errors.js';
import { definedOnly } from './defined.js';

/** Project-level settings of an `hls4ml_config.yml`; what the file does not set is undefined. */
export interface YmlProjectSettings {
  readonly projectName?: string;
  readonly backend?: string;
  readonly part?: string;
  readonly clockPeriodNs?: number;
  readonly ioType?: string;
  /** `HLSConfig.Model.Strategy`, lower-cased (`latency`, `resource`, …). */
  readonly strategy?: string;
  /** `HLSConfig.Model.ReuseFactor`. */
  readonly reuseFactor?: number;
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

function num(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** Parses the text of an `hls4ml_config.yml`; `file` is only used in error messages. */
export function parseProjectYml(text: string, file: string): YmlProjectSettings {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) fail('corrupt-file', file, `not valid YAML: ${doc.errors[0].message.split('\n')[0]}`);
  const raw: unknown = doc.toJS();
  if (!isObj(raw)) fail('corrupt-file', file, 'expected an hls4ml configuration mapping at the top level');
  const model = isObj(raw.HLSConfig) && isObj(raw.HLSConfig.Model) ? raw.HLSConfig.Model : {};
  return definedOnly({
    projectName: str(raw.ProjectName),
    backend: str(raw.Backend),
    part: str(raw.Part) ?? str(raw.XilinxPart),
    clockPeriodNs: num(raw.ClockPeriod),
    ioType: str(raw.IOType),
    strategy: str(model.Strategy)?.toLowerCase(),
    reuseFactor: num(model.ReuseFactor),
  });
}
