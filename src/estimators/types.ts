/**
 * The estimator contract: pure functions from a layer and its knobs (plus a calibration) to resource and
 * timing figures, each with an interval. A new layer estimator is one file implementing {@link LayerEstimator}
 * plus one line in `registry.ts`.
 */
import type { DesignPoint, LayerKnobs } from '../ir/design-point.js';
import type { Graph, IoType } from '../ir/graph.js';
import type { Layer } from '../ir/layer.js';
import type { LayerKind } from '../ir/layer-kinds.js';
import type { Violation } from './legality/layer-rules.js';

/** A figure with its plausible range: `lo ≤ mean ≤ hi` (from calibration residuals). */
export interface Interval {
  readonly mean: number;
  readonly lo: number;
  readonly hi: number;
}

/** The resource targets every estimate covers. `bram18` counts 18 Kb block RAMs. */
export const RESOURCE_TARGETS = ['lut', 'ff', 'dsp', 'bram18', 'uram'] as const;
/** One resource target. */
export type ResourceTarget = (typeof RESOURCE_TARGETS)[number];

/** Resource estimate of a layer or design, one interval per target. */
export type ResourceEstimate = Readonly<Record<ResourceTarget, Interval>>;

/** Everything an estimator knows about the context of a layer. */
export interface LayerContext {
  readonly graph: Graph;
  readonly point: DesignPoint;
  readonly ioType: IoType;
  /** Width in bits of the layer's input type (the producer's `result`), after `auto` resolution. */
  readonly inputWidth: number;
  readonly inputInteger: number;
  readonly inputSigned: boolean;
}

/** Per-layer estimate. */
export interface LayerEstimate {
  readonly layer: string;
  readonly kind: LayerKind;
  /** Which estimator produced it (e.g. `dense-latency`). */
  readonly estimator: string;
  readonly resources: ResourceEstimate;
  /** Cycles from first input to last output of one inference. */
  readonly latencyCycles: Interval;
  /** Cycles between successive inferences this layer can accept. */
  readonly iiCycles: number;
  /** Named features the fit used (for calibration and explanation). */
  readonly features: Readonly<Record<string, number>>;
  readonly warnings: readonly string[];
}

/** A layer estimator plug-in. */
export interface LayerEstimator {
  readonly id: string;
  readonly kinds: readonly LayerKind[];
  /** True when this estimator models the layer with these knobs (kind × strategy × io type). */
  applies(layer: Layer, knobs: LayerKnobs, ctx: LayerContext): boolean;
  /** Estimates the layer; pure. */
  estimate(layer: Layer, knobs: LayerKnobs, ctx: LayerContext, calibration: Calibration): LayerEstimate;
}

/** Coefficients of one linear model `target ≈ Σ coef·feature`, with its residual spread. */
export interface FittedModel {
  readonly features: readonly string[];
  readonly coefficients: readonly number[];
  /** Multiplicative residual quantiles (measured/predicted) at ~10 % and ~90 %, for intervals. */
  readonly ratioLo: number;
  readonly ratioHi: number;
  readonly samples: number;
  /** Median absolute % error in leave-one-project-out validation. */
  readonly medianApe?: number;
  readonly p90Ape?: number;
}

/** A calibration: fitted models per estimator and target, and the parameters of analytic rules. */
export interface Calibration {
  readonly id: string;
  /** What the calibration was fitted from and for. */
  readonly provenance: {
    readonly tool: string;
    readonly partFamily: string;
    readonly clockNs?: number;
    readonly sources: readonly string[];
    readonly createdBy: string;
  };
  /** `models[estimatorId][target]`. */
  readonly models: Readonly<Record<string, Readonly<Partial<Record<ResourceTarget | 'latency', FittedModel>>>>>;
  /** Named parameters of analytic rules (e.g. `dspWidthThreshold`). */
  readonly parameters: Readonly<Record<string, number>>;
}

/** An estimate of a whole design point. */
export interface DesignEstimate {
  readonly layers: readonly LayerEstimate[];
  readonly total: ResourceEstimate;
  readonly latencyCycles: Interval;
  readonly latencyNs: Interval;
  readonly iiCycles: number;
  readonly violations: readonly Violation[];
  readonly warnings: readonly string[];
  readonly calibrationId: string;
}
