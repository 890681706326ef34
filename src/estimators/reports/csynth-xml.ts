/**
 * Parses a Vivado HLS / Vitis HLS `<top>_csynth.xml` (root `<profile>`) into a {@link CsynthReport}.
 * The top-level XML has no per-instance table, so `instances` is empty; the `.rpt` beside it has one.
 * @see /work/shared/docs/hls4ml.md §6.1
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { fail } from '../../util/errors.js';
import { cyclesCell } from './cells.js';
import { REQUIRED_RESOURCES, resourceKeyOf, type ResourceKey } from './resource-columns.js';
import type { CsynthReport, ResourceCounts } from './types.js';

type XmlNode = { readonly [key: string]: unknown };

function isNode(v: unknown): v is XmlNode {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The node at a `/`-separated path below `root`, or undefined. */
function nodeAt(root: XmlNode, path: string): unknown {
  let cur: unknown = root;
  for (const key of path.split('/')) {
    if (!isNode(cur)) return undefined;
    cur = cur[key];
  }
  return cur;
}

/** The text of a leaf element at `path`, or undefined when absent or not a leaf. */
function textAt(root: XmlNode, path: string): string | undefined {
  const v = nodeAt(root, path);
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  return undefined;
}

/** Decodes the XML text into a tree, failing on text that is not well-formed XML. */
function decode(text: string, file: string): XmlNode {
  const check = XMLValidator.validate(text);
  if (check !== true) {
    fail('corrupt-file', file, `not well-formed XML: ${check.err.msg} (line ${check.err.line})`);
  }
  const tree: unknown = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true }).parse(text);
  if (!isNode(tree)) fail('corrupt-file', file, 'empty XML document');
  return tree;
}

/** Reads a `<Resources>` / `<AvailableResources>` element into counts. */
function resources(file: string, node: unknown, path: string): ResourceCounts {
  if (!isNode(node)) fail('corrupt-file', file, `no ${path} section: not a complete csynth report`);
  const out: Record<ResourceKey, number> = { bram18: 0, dsp: 0, ff: 0, lut: 0, uram: 0 };
  const seen = new Set<ResourceKey>();
  for (const [tag, value] of Object.entries(node)) {
    const key = resourceKeyOf(tag);
    if (!key) continue;
    const n = Number(typeof value === 'string' ? value.trim() : value);
    if (!Number.isFinite(n) || n < 0) fail('corrupt-file', file, `${path}/${tag}: expected a count, got ${JSON.stringify(value)}`);
    out[key] = n;
    seen.add(key);
  }
  const missing = REQUIRED_RESOURCES.filter((k) => !seen.has(k));
  if (missing.length > 0) fail('corrupt-file', file, `${path} has no ${missing.join('/')} entry`);
  return out;
}

/** A required number at `path` (ns values, clock periods). */
function requiredNumber(file: string, root: XmlNode, path: string): number {
  const t = textAt(root, path);
  const n = t === undefined ? NaN : Number(t);
  if (!Number.isFinite(n)) fail('corrupt-file', file, `missing or non-numeric <${path}>${t === undefined ? '' : `: ${JSON.stringify(t)}`}`);
  return n;
}

/** A required string at `path`. */
function requiredText(file: string, root: XmlNode, path: string): string {
  const t = textAt(root, path);
  if (!t) fail('corrupt-file', file, `missing <${path}>`);
  return t;
}

/** Parses the text of a `<top>_csynth.xml`; `file` is only used in error messages. */
export function parseCsynthXml(text: string, file: string): CsynthReport {
  const tree = decode(text, file);
  const rootName = Object.keys(tree).find((k) => !k.startsWith('?'));
  const profile = rootName === 'profile' ? tree.profile : undefined;
  if (!isNode(profile)) {
    fail('unsupported-format', file, `root element <${rootName ?? ''}> is not a csynth <profile>: not a Vivado/Vitis HLS report`);
  }
  const area = nodeAt(profile, 'AreaEstimates/Resources');
  if (!isNode(area)) fail('corrupt-file', file, 'no AreaEstimates/Resources section: not a complete csynth report');
  const used = resources(file, area, 'AreaEstimates/Resources');
  const available = resources(file, nodeAt(profile, 'AreaEstimates/AvailableResources'), 'AreaEstimates/AvailableResources');
  const uncertainty = Number(textAt(profile, 'UserAssignments/ClockUncertainty'));
  const latency = (tag: string) => cyclesCell(textAt(profile, `PerformanceEstimates/SummaryOfOverallLatency/${tag}`));
  const pipelineType = textAt(profile, 'PerformanceEstimates/PipelineType');
  // Vitis HLS names the DSP tag `DSP` and writes <FlowTarget>; Vivado HLS writes `DSP48E` and no FlowTarget.
  const vitis = 'DSP' in area || textAt(profile, 'UserAssignments/FlowTarget') !== undefined;

  return {
    tool: vitis ? 'vitis_hls' : 'vivado_hls',
    version: textAt(profile, 'ReportVersion/Version') ?? '',
    part: requiredText(file, profile, 'UserAssignments/Part'),
    topModel: requiredText(file, profile, 'UserAssignments/TopModelName'),
    targetClockNs: requiredNumber(file, profile, 'UserAssignments/TargetClockPeriod'),
    estimatedClockNs: requiredNumber(file, profile, 'PerformanceEstimates/SummaryOfTimingAnalysis/EstimatedClockPeriod'),
    ...(Number.isFinite(uncertainty) ? { clockUncertaintyNs: uncertainty } : {}),
    latencyBest: latency('Best-caseLatency'),
    latencyWorst: latency('Worst-caseLatency'),
    intervalMin: latency('Interval-min'),
    intervalMax: latency('Interval-max'),
    ...(pipelineType ? { pipelineType } : {}),
    resources: used,
    available,
    instances: [],
  };
}
