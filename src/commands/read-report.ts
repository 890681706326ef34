/** `hlsdse read-report`: what an hls4ml project's synthesis reports say (like `hls4ml report`), as text or JSON. */
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { Args, Flags } from '@oclif/core';
import { BaseCommand } from '../cli/base-command.js';
import { formatCount, renderTable } from '../cli/table.js';
import { parseCsynthRpt, parseCsynthXml, parseVivadoSynthRpt, readHls4mlProject } from '../estimators/reports/index.js';
import type { CsynthReport, Hls4mlProject, ResourceCounts, VivadoSynthReport } from '../estimators/reports/types.js';
import { fail } from '../util/errors.js';

/** What was read: a whole project, or one report file. */
interface ReadResult {
  readonly path: string;
  readonly project?: Hls4mlProject;
  readonly csynth?: CsynthReport;
  readonly vivadoSynth?: VivadoSynthReport;
}

/** Reads a project folder or a single report file. */
async function read(path: string): Promise<ReadResult> {
  let isDir = false;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    fail('file-not-found', path, 'no such file or directory');
  }
  if (isDir) {
    const project = await readHls4mlProject(path);
    if (!project.csynth && !project.vivadoSynth) {
      fail('unsupported-format', path, 'no synthesis report found (expected <name>_prj/solution*/syn/report/<top>_csynth.xml|rpt or vivado_synth.rpt)');
    }
    return { path, project, ...(project.csynth ? { csynth: project.csynth } : {}), ...(project.vivadoSynth ? { vivadoSynth: project.vivadoSynth } : {}) };
  }
  const text = readFileSync(path, 'utf8');
  if (/vivado_synth|utilization/i.test(basename(path))) return { path, vivadoSynth: parseVivadoSynthRpt(text, path) };
  if (extname(path).toLowerCase() === '.xml') return { path, csynth: parseCsynthXml(text, path) };
  if (extname(path).toLowerCase() === '.rpt') return { path, csynth: parseCsynthRpt(text, path) };
  fail('unsupported-format', path, 'expected an hls4ml project folder, a *_csynth.xml/.rpt or a vivado_synth.rpt');
}

const share = (used: number, avail: number): string => (avail > 0 ? `${((used / avail) * 100).toFixed(1)}%` : '-');

function resources(r: ResourceCounts, avail?: ResourceCounts): string {
  const keys: [keyof ResourceCounts, string][] = [['bram18', 'BRAM_18K'], ['dsp', 'DSP'], ['ff', 'FF'], ['lut', 'LUT'], ['uram', 'URAM']];
  return keys.map(([k, n]) => `${n} ${formatCount(r[k])}${avail ? `/${formatCount(avail[k])} (${share(r[k], avail[k])})` : ''}`).join('  ');
}

/** The text form of what was read. */
export function renderReport(x: ReadResult): string {
  const out: string[] = [];
  const p = x.project;
  if (p) out.push(`project ${p.projectName} (${p.dir})  part ${p.part ?? '?'}  clock ${p.clockPeriodNs ?? '?'} ns  io ${p.ioType ?? '?'}  strategy ${p.strategy ?? '?'}  layers in parameters.h: ${p.layers.length}`);
  const c = x.csynth;
  if (c) {
    const ns = (cyc?: number) => (cyc === undefined ? '?' : `${formatCount(cyc)} (${(cyc * c.targetClockNs).toFixed(1)} ns)`);
    out.push(`C synthesis: ${c.tool} ${c.version}  top ${c.topModel}  part ${c.part}  target ${c.targetClockNs} ns  estimated ${c.estimatedClockNs} ns`);
    out.push(`  latency best ${ns(c.latencyBest)}  worst ${ns(c.latencyWorst)}  interval ${c.intervalMin ?? '?'}–${c.intervalMax ?? '?'}  pipeline ${c.pipelineType ?? '?'}`);
    out.push(`  ${resources(c.resources, c.available)}`);
    if (c.instances.length > 0) {
      out.push(renderTable(
        [{ header: 'instance' }, { header: 'config', align: 'right' }, { header: 'latency', align: 'right' }, { header: 'II', align: 'right' },
          { header: 'BRAM', align: 'right' }, { header: 'DSP', align: 'right' }, { header: 'FF', align: 'right' }, { header: 'LUT', align: 'right' }],
        c.instances.map((i) => [i.instance, i.configId === undefined ? '' : String(i.configId), `${i.latencyMin ?? '?'}–${i.latencyMax ?? '?'}`,
          `${i.intervalMin ?? '?'}–${i.intervalMax ?? '?'}`, formatCount(i.bram18), formatCount(i.dsp), formatCount(i.ff), formatCount(i.lut)]),
      ).trimEnd());
    }
  }
  const v = x.vivadoSynth;
  if (v) out.push(`Vivado synthesis${v.device ? ` (${v.device})` : ''}: ${resources(v)}`);
  return `${out.join('\n')}\n`;
}

/** Prints an hls4ml project's reports. */
export default class ReadReport extends BaseCommand {
  static override summary = "Show what an hls4ml project's synthesis reports say (C synthesis, per-instance rows, Vivado synthesis).";
  static override description = 'PATH is an hls4ml project folder, or one *_csynth.xml, *_csynth.rpt or vivado_synth.rpt file.';
  static override examples = ['<%= config.bin %> read-report my-hls-test', '<%= config.bin %> read-report my-hls-test --json'];
  static override args = { path: Args.string({ description: 'Project folder or report file.', required: true }) };
  static override flags = { json: Flags.boolean({ description: 'Print as JSON.', default: false }) };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(ReadReport);
    const r = await read(args.path);
    if (flags.json) this.printJson(r);
    else this.out(renderReport(r));
  }
}
