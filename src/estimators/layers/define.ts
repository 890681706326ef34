/**
 * Turns an estimator's analytic rules, features and prior models into a {@link LayerEstimator}: the calibrated
 * LUT/FF/latency models are looked up by key and scope, DSP/BRAM/URAM come from the hardware facts with an
 * interval from the calibration residuals, and II from the kernel structure.
 */
import type { LayerKnobs } from '../../ir/design-point.js';
import type { Layer } from '../../ir/layer.js';
import type { LayerKind } from '../../ir/layer-kinds.js';
import { intervalOf, predictModel, resolveModels, scopeOf } from '../calibration/models.js';
import { parametersOf, type Parameters } from '../calibration/parameters.js';
import { clockPressure } from './cmvm.js';
import { signatureOf } from '../signature-of.js';
import type { LayerFamily, LayerSignature } from '../signature.js';
import type { AnalyticCost, Calibration, FittedModel, LayerContext, LayerEstimate, LayerEstimator, SignatureEstimate } from '../types.js';

/** Prior models used when a calibration has none for a key: hand-set coefficients with a wide interval. */
export interface Priors {
  readonly lut: FittedModel;
  readonly ff: FittedModel;
  readonly latency?: FittedModel;
}

/** What an estimator file declares. */
export interface EstimatorSpec {
  readonly id: string;
  readonly families: readonly LayerFamily[];
  readonly kinds: readonly LayerKind[];
  /** Strategy × io type combinations the hls4ml kernel implements. */
  readonly covers: (sig: LayerSignature) => boolean;
  /** True when strategy selects a different kernel (weighted layers); otherwise the key's strategy part is `-`. */
  readonly strategyMatters: boolean;
  /** Hardware facts and features (which must include `one`, `cycles` = analytic latency, `dsp` and `bram18`). */
  readonly analytic: (sig: LayerSignature, p: Parameters) => AnalyticCost;
  readonly priors: Priors;
  /** Features of the fitted latency model (default: the analytic cycles and a constant). */
  readonly latencyFeatures?: readonly string[];
}

/** The features every estimator's record starts with: a constant, its analytic cycles and hardware facts. */
export type BaseFeatures = {
  readonly one: number;
  readonly cycles: number;
  /** Cycles × clock pressure (`clockPressure`): the extra cycles a fast clock adds. */
  readonly cyclesFast: number;
  readonly dsp: number;
  readonly bram18: number;
};

/** {@link BaseFeatures} of analytic figures `a` at the signature's clock. */
export function baseFeatures(sig: LayerSignature, a: { readonly latency: number; readonly dsp: number; readonly bram18: number }): BaseFeatures {
  return { one: 1, cycles: a.latency, cyclesFast: a.latency * clockPressure(sig.clockNs), dsp: a.dsp, bram18: a.bram18 };
}

/** A prior linear model: `features · coefficients`, interval ×0.5…×2, no samples. */
export function prior(features: readonly string[], coefficients: readonly number[]): FittedModel {
  return { features, coefficients, ratioLo: 0.5, ratioHi: 2, samples: 0 };
}

/** Latency prior: the analytic cycles as they are. */
export const CYCLES_PRIOR: FittedModel = { features: ['cycles'], coefficients: [1], ratioLo: 0.8, ratioHi: 1.5, samples: 0 };

/** Builds the {@link LayerEstimator} of a spec. */
export function defineEstimator(spec: EstimatorSpec): LayerEstimator {
  const modelKey = (sig: LayerSignature): string =>
    `${spec.id}/${spec.strategyMatters ? sig.strategy : '-'}/${sig.ioType}`;
  const estimateSignature = (sig: LayerSignature, cal: Calibration): SignatureEstimate => {
    const a = spec.analytic(sig, parametersOf(cal));
    const f = a.features;
    const key = modelKey(sig);
    const m = resolveModels(cal, key, scopeOf(sig));
    const lutM = m.lut ?? spec.priors.lut;
    const ffM = m.ff ?? spec.priors.ff;
    const latM = m.latency ?? spec.priors.latency ?? CYCLES_PRIOR;
    const latency = intervalOf(a.latency > 0 ? predictModel(latM, f) : 0, latM);
    let ii = a.ii;
    if (a.iiAfterLatency !== undefined) {
      // A fitted `ii` model of these kernels holds the offset between II and latency (feature `one`).
      ii = Math.max(1, Math.round(latency.mean) + (m.ii ? m.ii.coefficients[0] : a.iiAfterLatency));
      if (a.iiCap !== undefined && ii > a.iiCap) ii = a.iiCap;
    }
    return {
      estimator: spec.id,
      modelKey: key,
      resources: {
        lut: intervalOf(predictModel(lutM, f), lutM),
        ff: intervalOf(predictModel(ffM, f), ffM),
        dsp: intervalOf(a.dsp, m.dsp),
        bram18: intervalOf(a.bram18, m.bram18),
        uram: intervalOf(a.uram),
      },
      latencyCycles: latency,
      iiCycles: ii,
      features: f,
      warnings: a.warnings ?? [],
    };
  };
  return {
    id: spec.id,
    kinds: spec.kinds,
    families: spec.families,
    covers: (sig) => spec.families.includes(sig.family) && spec.covers(sig),
    modelKey,
    analytic: (sig, p) => spec.analytic(sig, p as Parameters),
    estimateSignature,
    fitFeatures: {
      lut: spec.priors.lut.features,
      ff: spec.priors.ff.features,
      latency: spec.latencyFeatures ?? ['cycles', 'cyclesFast', 'one'],
    },
    applies: (layer: Layer, knobs: LayerKnobs, ctx: LayerContext) => {
      const sig = signatureOf(layer, knobs, ctx.signature, ctx.input);
      return spec.families.includes(sig.family) && spec.covers(sig);
    },
    estimate: (layer: Layer, knobs: LayerKnobs, ctx: LayerContext, cal: Calibration): LayerEstimate => ({
      layer: layer.name,
      kind: layer.kind,
      ...estimateSignature(signatureOf(layer, knobs, ctx.signature, ctx.input), cal),
    }),
  };
}
