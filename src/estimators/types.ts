/**
 * The estimator contract: pure functions from a layer and its knobs (plus a calibration) to resource and
 * timing figures, each with an interval. A new layer estimator is one file implementing {@link LayerEstimator}
 * plus one line in `registry.ts`.
 */
import type { FixedType } from '../fixed/precision.js';
import type { DesignPoint, LayerKnobs } from '../ir/design-point.js';
import type { Graph, IoType } from '../ir/graph.js';
import type { Layer } from '../ir/layer.js';
import type { LayerKind } from '../ir/layer-kinds.js';
import type { Violation } from './legality/layer-rules.js';
import type { LayerFamily, LayerSignature } from './signature.js';
import type { SignatureContext } from './signature-of.js';

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
  /** The layer's input type itself. */
  readonly input: FixedType;
  /** Device, clock, tool and weight statistics for building the layer's signature. */
  readonly signature: SignatureContext;
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
  /** The calibration model key the fitted figures came from (e.g. `dense/latency/io_parallel`). */
  readonly modelKey?: string;
}

/** A layer estimate before it is attached to a named IR layer (what a signature alone determines). */
export type SignatureEstimate = Omit<LayerEstimate, 'layer' | 'kind'>;

/** The figures an estimator derives analytically (hardware facts), before calibrated models are applied. */
export interface AnalyticCost {
  readonly dsp: number;
  readonly bram18: number;
  readonly uram: number;
  /** Analytic latency in cycles (a calibrated `latency` model may rescale it: feature `cycles`). */
  readonly latency: number;
  /** Initiation interval in cycles when fixed by the kernel structure. */
  readonly ii: number;
  /** When set, II follows the (calibrated) latency: `ii = round(latency) + iiAfterLatency` instead of `ii`. */
  readonly iiAfterLatency?: number;
  /** Upper bound on an II that follows the latency (a Latency kernel's `PIPELINE II=RF`). */
  readonly iiCap?: number;
  readonly warnings?: readonly string[];
  /** Named features the calibrated LUT/FF/latency models are linear in (always `one`, `cycles`, `dsp`, `bram18`). */
  readonly features: Readonly<Record<string, number>>;
}

/** A layer estimator plug-in. */
export interface LayerEstimator {
  readonly id: string;
  readonly kinds: readonly LayerKind[];
  /** The hardware families it models. */
  readonly families: readonly LayerFamily[];
  /** True when this estimator models the layer with these knobs (kind × strategy × io type). */
  applies(layer: Layer, knobs: LayerKnobs, ctx: LayerContext): boolean;
  /** Estimates the layer; pure. */
  estimate(layer: Layer, knobs: LayerKnobs, ctx: LayerContext, calibration: Calibration): LayerEstimate;
  /** True when it models this signature (family × strategy × io type). */
  covers(sig: LayerSignature): boolean;
  /** The calibration model key of a signature, most specific form (`<id>/<strategy>/<io type>`). */
  modelKey(sig: LayerSignature): string;
  /** Hardware facts (DSP, BRAM, URAM, analytic latency and II) and the features of the calibrated models. */
  analytic(sig: LayerSignature, parameters: Readonly<Record<string, number>>): AnalyticCost;
  /** Estimates from a signature alone; pure. */
  estimateSignature(sig: LayerSignature, calibration: Calibration): SignatureEstimate;
  /** Features `calibrate` fits each linear target on. */
  readonly fitFeatures: Readonly<Partial<Record<FittedTarget, readonly string[]>>>;
}

/** Targets a calibration fits: the resources, latency (cycles) and initiation interval (cycles). */
export type FittedTarget = ResourceTarget | 'latency' | 'ii';

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
  /**
   * `models[key][target]`; keys are `<estimator>/<strategy>/<io type>` with `*` for pooled levels, optionally
   * followed by `@<tool>:<part family>:<clock ns>` for a model fitted to one tool, part family and clock.
   */
  readonly models: Readonly<Record<string, Readonly<Partial<Record<FittedTarget, FittedModel>>>>>;
  /** Named parameters of analytic rules (e.g. `dspFabricMaxWidth`). */
  readonly parameters: Readonly<Record<string, number>>;
  /** Where each parameter value comes from. */
  readonly parameterSources?: Readonly<Record<string, string>>;
  /** Leave-one-project-out fit quality per target over all records, as printed by `calibrate`. */
  readonly quality?: readonly FitQuality[];
}

/** Leave-one-project-out error of one target over a set of records. */
export interface FitQuality {
  readonly target: FittedTarget;
  readonly records: number;
  readonly projects: number;
  readonly medianApe: number;
  readonly p90Ape: number;
  /** Share of records predicted exactly (after rounding), for DSP, BRAM and II. */
  readonly exactShare: number;
}

/** One io_stream FIFO (an inter-layer stream) with its sized and hls4ml-default depths and their costs. */
export interface FifoEstimate {
  /** Stream name: the producer layer's output (`<producer>_out`). */
  readonly stream: string;
  readonly producer: string;
  readonly consumer: string;
  readonly widthBits: number;
  /** Depth used in the estimate (the point's own depth if given, else the sized depth). */
  readonly depth: number;
  /** Smallest depth with neither deadlock nor stall in the dataflow simulation. */
  readonly sizedDepth: number;
  /** hls4ml's default depth: the tensor's pixel count. */
  readonly defaultDepth: number;
  readonly bram18: number;
  readonly lut: number;
  readonly defaultBram18: number;
  readonly defaultLut: number;
}

/** An estimate of a whole design point. */
export interface DesignEstimate {
  readonly layers: readonly LayerEstimate[];
  /** Totals: layers + FIFOs + top-level overhead. Infinite when a layer has no estimator (never 0). */
  readonly total: ResourceEstimate;
  readonly latencyCycles: Interval;
  readonly latencyNs: Interval;
  readonly iiCycles: number;
  readonly violations: readonly Violation[];
  readonly warnings: readonly string[];
  readonly calibrationId: string;
  /** The part the point targets (base name) and the share of its resources the totals use (mean / available). */
  readonly device: string;
  readonly share: Readonly<Record<ResourceTarget, number>>;
  readonly clockPeriodNs: number;
  /** Top-level schedule: one pipeline (io_parallel) or a dataflow of processes. */
  readonly pipelineStyle: 'pipeline' | 'dataflow';
  /** io_stream FIFOs (empty for io_parallel). */
  readonly fifos: readonly FifoEstimate[];
  /** No violations and every layer estimated. */
  readonly feasible: boolean;
}
