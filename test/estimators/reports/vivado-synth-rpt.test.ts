import { describe, expect, it } from 'vitest';
import { parseVivadoSynthRpt } from '../../../src/estimators/reports/vivado-synth-rpt.js';
import { errorOf, fixtureText } from './fixtures.js';

describe('parseVivadoSynthRpt', () => {
  it('reads the hls4ml sample (7-series section names, Vivado 2020.1, 7z020)', () => {
    const r = parseVivadoSynthRpt(fixtureText('hls4ml/vivado_synth.rpt'), 'vivado_synth.rpt');
    expect(r).toEqual({ lut: 1526, ff: 2428, bram18: 0, dsp: 66, uram: 0, device: '7z020clg400-1' });
  });

  it('converts 36 Kb Block RAM tiles to 18 Kb units, half tiles included', () => {
    const r = parseVivadoSynthRpt(fixtureText('pominiq/Dummy_RF16_with_pruning75/vivado_synth.rpt'), 'x');
    // "Block RAM Tile | 1.5" in the report; its RAMB18 row says 3.
    expect(r).toEqual({ lut: 3299, ff: 3614, bram18: 3, dsp: 17, uram: 0, device: '7z020clg400-1' });
  });

  it('reads an UltraScale+ report (CLB Logic / BLOCKRAM / ARITHMETIC, URAM row, SLR tables ignored)', () => {
    const r = parseVivadoSynthRpt(fixtureText('pominiq/MNIST_R16/vivado_synth.rpt'), 'x');
    expect(r).toEqual({ lut: 19101, ff: 13458, bram18: 10, dsp: 42, uram: 0, device: 'xcu50fsvh2104-2' });
  });

  it('refuses a report cut inside its Memory section', () => {
    const text = fixtureText('hls4ml/vivado_synth.rpt');
    const e = errorOf(() => parseVivadoSynthRpt(text.slice(0, text.indexOf('| Block RAM Tile')), 'cut.rpt'));
    expect(e.code).toBe('corrupt-file');
    expect(e.message).toBe("no 'Block RAM Tile' row: the Memory section is missing or truncated");
  });

  it('refuses a report cut before its first table', () => {
    const text = fixtureText('hls4ml/vivado_synth.rpt');
    const e = errorOf(() => parseVivadoSynthRpt(text.slice(0, text.indexOf('| Slice LUTs')), 'cut.rpt'));
    expect(e.message).toBe("no 'Slice LUTs'/'CLB LUTs' and registers rows: the Slice Logic section is missing or truncated");
  });

  it('refuses a csynth report', () => {
    const e = errorOf(() => parseVivadoSynthRpt(fixtureText('hls4ml/myproject_csynth.rpt'), 'csynth.rpt'));
    expect(e.code).toBe('unsupported-format');
    expect(e.message).toBe('no "Utilization Design Information" header: not a Vivado report_utilization file');
  });
});
