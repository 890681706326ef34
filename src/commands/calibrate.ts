/** `hlsdse calibrate`: fits the estimators to your own synthesis reports (project folders or synthesis CSVs). */
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Args, Flags } from '@oclif/core';
import { BaseCommand } from '../cli/base-command.js';
import { fitCalibration } from '../estimators/calibration/fit.js';
import { gatherRecords } from '../estimators/calibration/read-inputs.js';
import { calibrationJson, qualityLines } from '../estimators/calibration/write.js';
import { fail } from '../util/errors.js';

/** Fits a calibration and writes it as JSON. */
export default class Calibrate extends BaseCommand {
  static override summary = 'Fit the estimators to synthesis reports and write a calibration file.';
  static override description = `INPUTS are hls4ml project folders (or folders holding them: each with firmware/parameters.h and
<name>_prj/solution*/syn/report/<top>_csynth.rpt|xml), and synthesis CSV files in the shared-data format
(synth_layers.csv / synth_subreports.csv rows, joined with synth_reports.csv when given; a weights/index.csv beside
them lists the rows' kernel files, so Latency-strategy layers count their real zero, power-of-two and distinct
constant products). Project folders use their own firmware/weights/. Broken inputs are skipped with one warning each. Prints the leave-one-project-out median and p90 absolute % error per target.`;
  static override strict = false;
  static override examples = [
    '<%= config.bin %> calibrate my_projects/ -o calibration.json',
    '<%= config.bin %> calibrate data/calibration/synth_reports.csv data/calibration/synth_layers.csv -o cal.json',
  ];
  static override args = {
    inputs: Args.string({ description: 'Project folders and CSV files.', required: true }),
  };
  static override flags = {
    output: Flags.string({ char: 'o', description: 'Where to write the calibration JSON.', required: true }),
    id: Flags.string({ description: 'Calibration id (default: the output file name).' }),
    json: Flags.boolean({ description: 'Print the fit summary as JSON.', default: false }),
  };

  async run(): Promise<void> {
    const { argv, flags } = await this.parse(Calibrate);
    const inputs = argv as string[];
    const gathered = await gatherRecords(inputs);
    for (const w of gathered.warnings) this.note(w);
    if (gathered.records.length === 0) {
      fail('bad-config', undefined, `no usable layer records in ${inputs.join(', ')} (${gathered.warnings.length} input${gathered.warnings.length === 1 ? '' : 's'} skipped)`);
    }
    const result = fitCalibration(gathered.records, {
      id: flags.id ?? basename(flags.output).replace(/\.json$/, ''),
      createdBy: `hlsdse calibrate ${inputs.join(' ')}`,
      sources: inputs,
    });
    writeFileSync(flags.output, calibrationJson(result.calibration));
    const summary = `used ${result.records} records from ${result.projects} projects (${gathered.duplicates} duplicates dropped, ${gathered.warnings.length} inputs skipped); wrote ${flags.output}`;
    if (flags.json) {
      this.printJson({ output: flags.output, records: result.records, projects: result.projects, skipped: gathered.warnings.length, duplicates: gathered.duplicates, quality: result.quality });
    } else {
      this.out(summary);
      this.out('leave-one-project-out fit quality:');
      for (const l of qualityLines(result.quality)) this.out(`  ${l}`);
    }
  }
}
