/**
 * Maps csynth resource column or tag names to our {@link ResourceCounts} fields: `BRAM_18K` → bram18,
 * `DSP48E` / `DSP48` / `DSP` → dsp, `FF`, `LUT`, `URAM` (absent in Vivado HLS ≤ 2018, read as 0).
 */
import type { ResourceCounts } from './types.js';

/** A field of {@link ResourceCounts}. */
export type ResourceKey = keyof ResourceCounts;

/** The resource field a column header or XML tag names, or undefined for other columns. */
export function resourceKeyOf(name: string): ResourceKey | undefined {
  const n = name.trim().toUpperCase();
  if (n === 'BRAM_18K' || n === 'BRAM') return 'bram18';
  if (n === 'DSP48E' || n === 'DSP48' || n === 'DSP') return 'dsp';
  if (n === 'FF') return 'ff';
  if (n === 'LUT') return 'lut';
  if (n === 'URAM') return 'uram';
  return undefined;
}

/** Column index of each resource in a header row (`Name | BRAM_18K | DSP48E | FF | LUT | URAM`). */
export function resourceColumns(header: readonly string[]): Partial<Record<ResourceKey, number>> {
  const out: Partial<Record<ResourceKey, number>> = {};
  header.forEach((cell, i) => {
    const key = resourceKeyOf(cell);
    if (key && out[key] === undefined) out[key] = i;
  });
  return out;
}

/** Required resource columns: a report without them is not a utilisation table. */
export const REQUIRED_RESOURCES: readonly ResourceKey[] = ['bram18', 'dsp', 'ff', 'lut'];
