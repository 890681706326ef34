import { describe, expect, it } from 'vitest';
import { formatTick, niceTicks, renderScatter } from '../../../src/search/report/svg-scatter.js';

describe('svg scatter', () => {
  it('picks round ticks', () => {
    expect(niceTicks(0, 100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(0.13, 0.91, 4)).toEqual([0.2, 0.4, 0.6, 0.8]);
    expect(formatTick(125000)).toBe('125k');
    expect(formatTick(2500000)).toBe('2.5M');
  });
  it('draws every point, the front with its line, and escapes labels', () => {
    const svg = renderScatter({
      title: 'DSP vs LUT <test>',
      xLabel: 'lut',
      yLabel: 'dsp',
      points: [{ x: 1, y: 5, label: 'a' }, { x: 3, y: 3, label: 'b' }],
      front: [{ x: 1, y: 4, label: 'c' }, { x: 2, y: 1, label: 'd&e' }],
    });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.match(/<circle/g)).toHaveLength(4);
    expect(svg).toContain('<path d="M');
    expect(svg).toContain('DSP vs LUT &lt;test&gt;');
    expect(svg).toContain('<title>d&amp;e</title>');
  });
});
