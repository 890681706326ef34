/**
 * Reads a whole generated hls4ml project folder: `hls4ml_config.yml`, `project.tcl` / `build_prj.tcl` (part,
 * clock), `firmware/parameters.h` (layer configs), `firmware/defines.h` (typedefs), the kernel weight files of
 * `firmware/weights/` (`w<N>`, `d<N>`, `p<N>`, `wr<N>`; `.h`, else `.txt`), the top function's
 * `<prj>_prj/<solution>/syn/report/<top>_csynth.{xml,rpt}` and `vivado_synth.rpt`.
 * {@link assembleHls4mlProject} is pure; {@link readHls4mlProject} is the thin file-reading edge.
 * @see /work/shared/docs/hls4ml.md §5 (layout) and §6 (project discovery)
 */
import { existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fail, HlsdseError } from '../../util/errors.js';
import { definedOnly } from './defined.js';
import { parseCsynthRpt } from './csynth-rpt.js';
import { parseCsynthXml } from './csynth-xml.js';
import { parseDefinesH } from './defines-h.js';
import { parseParametersH } from './parameters-h.js';
import { parseProjectTcl } from './project-tcl.js';
import { parseProjectYml } from './project-yml.js';
import type { CsynthReport, Hls4mlProject, LayerKernels } from './types.js';
import { parseVivadoSynthRpt } from './vivado-synth-rpt.js';
import { kernelFileOf, parseWeightsFile, type KernelParam } from './weights-file.js';

/** Project files by path relative to the project folder (only the ones that exist). */
export type ProjectTexts = ReadonlyMap<string, string>;

/** Configuration files read before the report folder is known. */
export const CONFIG_FILES = [
  'hls4ml_config.yml',
  'project.tcl',
  'build_prj.tcl',
  'firmware/parameters.h',
  'firmware/defines.h',
  'vivado_synth.rpt',
] as const;

/** The project name the configuration files give (project.tcl, then build_prj.tcl, then the YAML). */
export function projectNameOf(texts: ProjectTexts, dir = '.'): string | undefined {
  const tcl = texts.get('project.tcl');
  const build = texts.get('build_prj.tcl');
  const yml = texts.get('hls4ml_config.yml');
  return (
    (tcl !== undefined ? parseProjectTcl(tcl).projectName : undefined) ??
    (build !== undefined ? parseProjectTcl(build).projectName : undefined) ??
    (yml !== undefined ? parseProjectYml(yml, join(dir, 'hls4ml_config.yml')).projectName : undefined)
  );
}

/** Keeps the XML's summary and takes the per-instance rows from the text report when both exist. */
export function mergeCsynth(xml: CsynthReport | undefined, rpt: CsynthReport | undefined): CsynthReport | undefined {
  if (xml && rpt) return { ...xml, instances: rpt.instances };
  return xml ?? rpt;
}

/** Folder of hls4ml's weight files, relative to the project. */
export const WEIGHTS_DIR = 'firmware/weights';

/**
 * Kernels by layer index from the weight files among `texts` (a `.h` wins over the `.txt` of the same variable);
 * a file that does not parse is left out with a warning line `<dir>/<file>: <problem>`.
 */
function kernelsOf(dir: string, texts: ProjectTexts): { weights: Record<number, LayerKernels>; warnings: string[] } {
  const chosen = new Map<string, { rel: string; configId: number; param: KernelParam }>();
  for (const rel of [...texts.keys()].sort()) {
    if (!rel.startsWith(`${WEIGHTS_DIR}/`)) continue;
    const k = kernelFileOf(rel.slice(WEIGHTS_DIR.length + 1));
    if (!k) continue;
    const key = `${k.param}${k.configId}`;
    if (k.ext === 'h' || !chosen.has(key)) chosen.set(key, { rel, configId: k.configId, param: k.param });
  }
  const weights: Record<number, Partial<Record<KernelParam, readonly number[]>>> = {};
  const warnings: string[] = [];
  for (const { rel, configId, param } of chosen.values()) {
    const file = join(dir, rel);
    try {
      const values = parseWeightsFile(texts.get(rel) ?? '', file);
      weights[configId] = { ...weights[configId], [param]: values };
    } catch (e) {
      if (!(e instanceof HlsdseError)) throw e;
      warnings.push(`${file}: ${e.message}`);
    }
  }
  return { weights, warnings };
}

/** The most common `io_type` of the layer structs, for projects without an `hls4ml_config.yml`. */
function ioTypeOfLayers(layers: Hls4mlProject['layers']): string | undefined {
  const counts = new Map<string, number>();
  for (const l of layers) if (l.ioType?.startsWith('io_')) counts.set(l.ioType, (counts.get(l.ioType) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * Builds the project record from file texts (paths relative to `dir`); `reportDir` is the folder (relative)
 * holding `<top>_csynth.*`, and `top` the top function's name. Part and clock come from what the project
 * asked for (project.tcl, then build_prj.tcl, then hls4ml_config.yml) and only then from the csynth report.
 * Pure: parse errors name `dir/<file>`; a broken weight file does not fail the project (see `warnings`).
 */
export function assembleHls4mlProject(dir: string, texts: ProjectTexts, reportDir?: string, top?: string): Hls4mlProject {
  const at = (rel: string) => join(dir, rel);
  const read = <T>(rel: string, parse: (text: string, file: string) => T): T | undefined => {
    const t = texts.get(rel);
    return t === undefined ? undefined : parse(t, at(rel));
  };
  const tcl = read('project.tcl', (t) => parseProjectTcl(t));
  const build = read('build_prj.tcl', (t) => parseProjectTcl(t));
  const yml = read('hls4ml_config.yml', parseProjectYml);
  const layers = read('firmware/parameters.h', parseParametersH) ?? [];
  const typedefs = read('firmware/defines.h', parseDefinesH) ?? {};
  const base = reportDir && top ? `${reportDir}/${top}_csynth` : undefined;
  const csynth = base ? mergeCsynth(read(`${base}.xml`, parseCsynthXml), read(`${base}.rpt`, parseCsynthRpt)) : undefined;
  const vivadoSynth = read('vivado_synth.rpt', parseVivadoSynthRpt);
  const kernels = kernelsOf(dir, texts);
  const projectName = projectNameOf(texts, dir) ?? top ?? csynth?.topModel ?? 'myproject';
  const settings = {
    part: tcl?.part ?? build?.part ?? yml?.part ?? csynth?.part,
    clockPeriodNs: tcl?.clockPeriodNs ?? build?.clockPeriodNs ?? yml?.clockPeriodNs ?? csynth?.targetClockNs,
    ioType: yml?.ioType ?? ioTypeOfLayers(layers),
    strategy: yml?.strategy,
    reuseFactor: yml?.reuseFactor,
    backend: tcl?.backend ?? yml?.backend,
  };
  return {
    dir,
    projectName,
    ...definedOnly(settings),
    layers,
    typedefs,
    ...(csynth ? { csynth } : {}),
    ...(vivadoSynth ? { vivadoSynth } : {}),
    ...(Object.keys(kernels.weights).length > 0 ? { weights: kernels.weights } : {}),
    ...(kernels.warnings.length > 0 ? { warnings: kernels.warnings } : {}),
    filesRead: [...texts.keys()].sort(),
  };
}

/** Reads `rel` below `dir` into `texts` when it is a file. */
async function readInto(texts: Map<string, string>, dir: string, rel: string): Promise<void> {
  const p = join(dir, rel);
  if (existsSync(p) && statSync(p).isFile()) texts.set(rel, await readFile(p, 'utf8'));
}

/** Reads the kernel weight files of `firmware/weights/`: each variable's `.h`, or its `.txt` when there is no header. */
async function readKernelFiles(texts: Map<string, string>, dir: string): Promise<void> {
  const folder = join(dir, WEIGHTS_DIR);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) return;
  const names = new Set(await readdir(folder));
  for (const name of [...names].sort()) {
    const k = kernelFileOf(name);
    if (!k || (k.ext === 'txt' && names.has(name.replace(/\.txt$/, '.h')))) continue;
    await readInto(texts, dir, `${WEIGHTS_DIR}/${name}`);
  }
}

/** The `<prj>/<solution>/syn/report` folder (relative): `solution1` first, else the first solution with one. */
async function findReportDir(dir: string, prj: string): Promise<string | undefined> {
  const root = join(dir, prj);
  if (!existsSync(root)) return undefined;
  const entries = (await readdir(root, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const ordered = entries.includes('solution1') ? ['solution1', ...entries.filter((e) => e !== 'solution1')] : entries;
  const hit = ordered.find((s) => existsSync(join(root, s, 'syn', 'report')));
  return hit ? `${prj}/${hit}/syn/report` : undefined;
}

/** Reads an hls4ml project folder (the edge of this module: all file access happens here). */
export async function readHls4mlProject(dir: string): Promise<Hls4mlProject> {
  if (!existsSync(dir)) fail('file-not-found', dir, 'no such directory');
  if (!statSync(dir).isDirectory()) fail('unsupported-format', dir, 'is a file, expected an hls4ml project folder');
  const texts = new Map<string, string>();
  for (const rel of CONFIG_FILES) await readInto(texts, dir, rel);
  const prjDirs = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory() && e.name.endsWith('_prj'));
  if (texts.size === 0 && prjDirs.length === 0) {
    fail('unsupported-format', dir, `not an hls4ml project folder: none of ${CONFIG_FILES.join(', ')} or <name>_prj/ found`);
  }
  await readKernelFiles(texts, dir);
  const name = projectNameOf(texts, dir) ?? prjDirs[0]?.name.replace(/_prj$/, '');
  const reportDir = name ? await findReportDir(dir, `${name}_prj`) : undefined;
  let top: string | undefined;
  if (reportDir && name) {
    // VivadoAccelerator projects synthesise `<name>_axi` as the top function.
    top = [name, `${name}_axi`].find((t) => ['xml', 'rpt'].some((e) => existsSync(join(dir, reportDir, `${t}_csynth.${e}`))));
    if (top) for (const e of ['xml', 'rpt']) await readInto(texts, dir, `${reportDir}/${top}_csynth.${e}`);
  }
  return assembleHls4mlProject(dir, texts, reportDir, top);
}
