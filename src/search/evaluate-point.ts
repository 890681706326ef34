/**
 * Evaluates one genome: decode it into a design point, estimate it, and turn the estimate (plus accuracy, when
 * an accuracy objective is given) into the metrics a sweep records. An illegal point is an outcome with its
 * reason, not an exception.
 */
import type { AccuracyObjective } from '../estimators/accuracy/accuracy-objective.js';
import { estimateDesign } from '../estimators/estimate-design.js';
import type { Calibration, DesignEstimate } from '../estimators/types.js';
import type { DesignPoint } from '../ir/design-point.js';
import type { Graph } from '../ir/graph.js';
import { metricsOf } from './metrics.js';
import type { PointOutcome } from './run-sweep.js';
import { decodeGenome, type DesignSpace, type Genome } from './space/design-space.js';

/** What evaluating a point needs. */
export interface EvaluationContext {
  readonly graph: Graph;
  readonly space: DesignSpace;
  readonly calibration: Calibration;
  readonly accuracy?: AccuracyObjective;
}

/** The design point a genome stands for, with its FIFO policy applied. */
export function pointOfGenome(space: DesignSpace, genome: Genome): DesignPoint {
  const { point, fifoPolicy } = decodeGenome(space, genome);
  return fifoPolicy === 'default' ? { ...point, fifoDepths: 'default' } : point;
}

/** Estimates a genome's point; returns the estimate or the reason it is illegal. */
export function estimateGenome(ctx: EvaluationContext, genome: Genome): { point: DesignPoint; estimate: DesignEstimate } {
  const point = pointOfGenome(ctx.space, genome);
  return { point, estimate: estimateDesign(ctx.graph, point, ctx.calibration) };
}

/** A function evaluating single genomes in this context. */
export function makePointEvaluator(ctx: EvaluationContext): (genome: Genome) => PointOutcome {
  return (genome) => {
    const { point, estimate } = estimateGenome(ctx, genome);
    if (!estimate.feasible) {
      const v = estimate.violations[0];
      return { status: 'rejected', reason: v ? `${v.layer}: ${v.message}` : 'a layer has no estimator' };
    }
    const accuracy = ctx.accuracy?.evaluate(point);
    return { status: 'ok', metrics: metricsOf(estimate, accuracy?.accuracyDrop) };
  };
}
