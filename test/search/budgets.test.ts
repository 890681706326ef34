import { describe, expect, it } from 'vitest';
import { lookupDevice } from '../../src/estimators/devices.js';
import { checkBudgets, parseBudgets, totalViolation } from '../../src/search/budgets.js';
import { objectiveVector, parseObjectives } from '../../src/search/objectives.js';

const vu13p = lookupDevice('xcvu13p-flga2577-2-e');
const iv = (mean: number, lo = mean, hi = mean) => ({ mean, lo, hi });

describe('budgets as users write them', () => {
  it('reads absolute values, device shares, time units and accuracy percentages', () => {
    const b = parseBudgets('LUT=60000,DSP=70%,latency=200ns,II=1,accuracy-drop=1%,latency=50', vu13p);
    expect(b.map((x) => [x.metric, x.limit])).toEqual([
      ['lut', 60000],
      ['dsp', 0.7 * vu13p.dsp],
      ['latency-ns', 200],
      ['ii', 1],
      ['accuracy-drop', 0.01],
      ['latency', 50],
    ]);
    expect(parseBudgets('latency=1.5us', vu13p)[0]).toMatchObject({ metric: 'latency-ns', limit: 1500 });
  });

  it('refuses unknown keys, malformed values and misplaced units in one line', () => {
    expect(() => parseBudgets('LUTS2=5', vu13p)).toThrow("unknown budget key 'LUTS2'");
    expect(() => parseBudgets('LUT=lots', vu13p)).toThrow("cannot read budget 'LUT=lots'");
    expect(() => parseBudgets('II=5%', vu13p)).toThrow('a percentage only applies to resources');
    expect(() => parseBudgets('DSP=4ns', vu13p)).toThrow("'ns' is not a unit of dsp");
    expect(() => parseBudgets('latency=3parsecs', vu13p)).toThrow("unknown time unit 'parsecs'");
  });

  it('measures relative excess, optionally at the upper end of the interval', () => {
    const b = parseBudgets('LUT=1000,II=1', vu13p);
    const m = { lut: iv(900, 800, 1200), ii: iv(1) };
    expect(totalViolation(checkBudgets(b, m))).toBe(0);
    expect(totalViolation(checkBudgets(b, m, true))).toBeCloseTo(0.2, 12);
    expect(checkBudgets(b, { lut: iv(900) })[1].excess).toBe(Infinity);
  });
});

describe('objectives', () => {
  it('parses names, aliases and directions', () => {
    expect(parseObjectives('LUT,dsps,latency-ns:min,accuracy')).toEqual([
      { metric: 'lut', direction: 'min' },
      { metric: 'dsp', direction: 'min' },
      { metric: 'latency-ns', direction: 'min' },
      { metric: 'accuracy-drop', direction: 'min' },
    ]);
    expect(objectiveVector(parseObjectives('lut,ii:max'), { lut: iv(5), ii: iv(2) })).toEqual([5, -2]);
  });
  it('refuses unknown or repeated objectives', () => {
    expect(() => parseObjectives('lut,speed')).toThrow("unknown objective 'speed'");
    expect(() => parseObjectives('lut,LUT')).toThrow("objective 'lut' is given twice");
    expect(() => parseObjectives('lut:up')).toThrow('direction must be min or max');
  });
});
