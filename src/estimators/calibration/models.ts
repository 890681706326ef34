/**
 * Finding and applying a calibration's fitted models: the most specific model for an estimator key and a
 * tool/part-family/clock scope, its linear prediction and the interval its residual ratios give.
 */
import type { Calibration, FittedModel, FittedTarget, Interval } from '../types.js';
import type { LayerSignature } from '../signature.js';

/** The models found for one key and scope, by target. */
export type ResolvedModels = Readonly<Partial<Record<FittedTarget, FittedModel>>>;

/** The scope suffix of a signature: `<tool>:<part family>:<clock ns>`. */
export function scopeOf(sig: Pick<LayerSignature, 'tool' | 'partFamily' | 'clockNs'>): string {
  return `${sig.tool}:${sig.partFamily}:${Math.round(sig.clockNs * 100) / 100}`;
}

/** A key and its pooled generalisations: `a/b/c` → `a/b/c`, `a/b/*`, `a/*\/*`. */
export function keyChain(key: string): string[] {
  const [id, strategy, io] = key.split('/');
  const out = [key];
  if (io !== '*') out.push(`${id}/${strategy}/*`);
  if (strategy !== '*') out.push(`${id}/*/*`);
  return out;
}

/**
 * The keys searched for a model, most specific first: each level of the key chain scoped, then pooled over scopes
 * (`a/b/c@s`, `a/b/c@tool`, `a/b/c`, `a/b/*@s`, …) — an io type or strategy changes the kernel more than a tool, part or
 * clock does, so a pooled model of the right kernel beats a scoped model of a coarser key.
 */
export function lookupOrder(key: string, scope: string): string[] {
  const tool = toolOf(scope);
  return keyChain(key).flatMap((k) => (tool === scope ? [`${k}@${scope}`, k] : [`${k}@${scope}`, `${k}@${tool}`, k]));
}

/**
 * The tool part of a scope (`vivado_hls:7series:25` → `vivado_hls`): between the full scope and the pooled key, since
 * the HLS tool changes how a kernel is built (Vivado HLS: ≈ 28 LUT per DSP product of a 16-bit Latency Dense, Vitis
 * HLS about half) more than part or clock do, and one tool's records rarely share one clock.
 */
export function toolOf(scope: string): string {
  const i = scope.indexOf(':');
  return i < 0 ? scope : scope.slice(0, i);
}

const CACHE = new WeakMap<Calibration, Map<string, ResolvedModels>>();

/** For each target, the first model found along {@link lookupOrder} (memoised). */
export function resolveModels(cal: Calibration, key: string, scope: string): ResolvedModels {
  let byKey = CACHE.get(cal);
  if (!byKey) {
    byKey = new Map();
    CACHE.set(cal, byKey);
  }
  const memo = `${key}@${scope}`;
  const hit = byKey.get(memo);
  if (hit) return hit;
  const order = lookupOrder(key, scope);
  const out: Partial<Record<FittedTarget, FittedModel>> = {};
  for (const k of order) {
    const m = cal.models[k];
    if (!m) continue;
    for (const [t, model] of Object.entries(m) as [FittedTarget, FittedModel][]) {
      if (out[t] === undefined) out[t] = model;
    }
  }
  byKey.set(memo, out);
  return out;
}

/** `Σ coefficient·feature` (missing features count as 0), never negative. */
export function predictModel(m: FittedModel, features: Readonly<Record<string, number>>): number {
  let y = 0;
  const names = m.features;
  for (let i = 0; i < names.length; i++) y += m.coefficients[i] * (features[names[i]] ?? 0);
  return y > 0 ? y : 0;
}

/** The interval `[mean·ratioLo, mean·ratioHi]` (ratios clamped so that lo ≤ mean ≤ hi). */
export function intervalOf(mean: number, ratios?: { readonly ratioLo: number; readonly ratioHi: number }): Interval {
  if (!ratios) return { mean, lo: mean, hi: mean };
  const lo = ratios.ratioLo < 1 ? ratios.ratioLo : 1;
  const hi = ratios.ratioHi > 1 ? ratios.ratioHi : 1;
  return { mean, lo: mean * lo, hi: mean * hi };
}
