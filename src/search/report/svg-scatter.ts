/**
 * A self-contained SVG scatter plot (no scripts, no fonts beyond the viewer's default): evaluated points in grey,
 * the pair's own Pareto front in colour joined by a line, the rest of the full front lighter, nice axis ticks,
 * titles. Pure: data in, text out.
 */

/** One plotted point. */
export interface ScatterPoint {
  readonly x: number;
  readonly y: number;
  /** Point id shown as a tooltip. */
  readonly label: string;
}

/** What to draw. */
export interface ScatterSpec {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly points: readonly ScatterPoint[];
  readonly front: readonly ScatterPoint[];
  /** Front points of the full objective space that are not on this pair's own front (drawn lighter, unjoined). */
  readonly others?: readonly ScatterPoint[];
  readonly width?: number;
  readonly height?: number;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Round tick values covering [lo, hi] (about `count` of them). */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) out.push(Number(t.toPrecision(12)));
  return out;
}

/** Formats a tick compactly (1.2k, 3.4M). */
export function formatTick(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e6) return `${Number((v / 1e6).toPrecision(3))}M`;
  if (a >= 1e4) return `${Number((v / 1e3).toPrecision(3))}k`;
  return String(Number(v.toPrecision(4)));
}

/** Renders the scatter plot as an `<svg>` element. */
export function renderScatter(spec: ScatterSpec): string {
  const W = spec.width ?? 420;
  const H = spec.height ?? 320;
  const m = { l: 64, r: 16, t: 28, b: 46 };
  const all = [...spec.points, ...spec.front, ...(spec.others ?? [])];
  const xs = all.map((p) => p.x);
  const ys = all.map((p) => p.y);
  const pad = (lo: number, hi: number) => (hi > lo ? [lo - (hi - lo) * 0.04, hi + (hi - lo) * 0.04] : [lo - 1, hi + 1]);
  const [x0, x1] = all.length ? pad(Math.min(...xs), Math.max(...xs)) : [0, 1];
  const [y0, y1] = all.length ? pad(Math.min(...ys), Math.max(...ys)) : [0, 1];
  const sx = (x: number) => m.l + ((x - x0) / (x1 - x0)) * (W - m.l - m.r);
  const sy = (y: number) => H - m.b - ((y - y0) / (y1 - y0)) * (H - m.t - m.b);
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="11">`);
  parts.push(`<text x="${W / 2}" y="16" text-anchor="middle" font-size="13" font-weight="bold">${esc(spec.title)}</text>`);
  parts.push(`<rect x="${m.l}" y="${m.t}" width="${W - m.l - m.r}" height="${H - m.t - m.b}" fill="none" stroke="#999"/>`);
  for (const t of niceTicks(x0, x1)) {
    const x = sx(t).toFixed(1);
    parts.push(`<line x1="${x}" y1="${H - m.b}" x2="${x}" y2="${H - m.b + 4}" stroke="#666"/><text x="${x}" y="${H - m.b + 16}" text-anchor="middle">${formatTick(t)}</text>`);
  }
  for (const t of niceTicks(y0, y1)) {
    const y = sy(t).toFixed(1);
    parts.push(`<line x1="${m.l - 4}" y1="${y}" x2="${m.l}" y2="${y}" stroke="#666"/><text x="${m.l - 6}" y="${(Number(y) + 4).toFixed(1)}" text-anchor="end">${formatTick(t)}</text>`);
  }
  parts.push(`<text x="${(m.l + W - m.r) / 2}" y="${H - 8}" text-anchor="middle">${esc(spec.xLabel)}</text>`);
  parts.push(`<text transform="translate(14 ${(m.t + H - m.b) / 2}) rotate(-90)" text-anchor="middle">${esc(spec.yLabel)}</text>`);
  for (const p of spec.points) parts.push(`<circle cx="${sx(p.x).toFixed(1)}" cy="${sy(p.y).toFixed(1)}" r="2" fill="#bbb"><title>${esc(p.label)}</title></circle>`);
  for (const p of spec.others ?? []) parts.push(`<circle cx="${sx(p.x).toFixed(1)}" cy="${sy(p.y).toFixed(1)}" r="2.5" fill="#f4b183"><title>${esc(p.label)}</title></circle>`);
  const front = [...spec.front].sort((a, b) => a.x - b.x || a.y - b.y);
  if (front.length > 1) {
    const d = front.map((p, i) => `${i === 0 ? 'M' : 'L'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ');
    parts.push(`<path d="${d}" fill="none" stroke="#d95f02" stroke-width="1.2"/>`);
  }
  for (const p of front) parts.push(`<circle cx="${sx(p.x).toFixed(1)}" cy="${sy(p.y).toFixed(1)}" r="3.5" fill="#d95f02"><title>${esc(p.label)}</title></circle>`);
  parts.push('</svg>');
  return parts.join('');
}
