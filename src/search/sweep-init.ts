/**
 * The serialisable description of a sweep's evaluation context — model path, space, calibration, accuracy
 * batch — and how to rebuild the context from it. The main thread and every worker build the same context
 * from the same init, so every thread evaluates a genome identically.
 */
import { createAccuracyObjective } from '../estimators/accuracy/accuracy-objective.js';
import { defaultCalibration, loadCalibration } from '../estimators/calibration/load.js';
import type { Batch } from '../estimators/emulator/types.js';
import { loadGraph } from '../ir/load/load-graph.js';
import type { EvaluationContext } from './evaluate-point.js';
import { buildSpace, type IntegerBitsTable } from './space/build-space.js';
import type { SpaceConfig } from './space/space-config.js';

/** The accuracy batch: inputs, the float model's outputs on them, optional labels. */
export interface AccuracyInit {
  readonly inputs: Readonly<Record<string, Batch>>;
  readonly floatOutputs: Readonly<Record<string, Batch>>;
  readonly labels?: Int32Array | Batch;
  readonly synthetic: boolean;
  /** Where the samples came from, for the journal header. */
  readonly description: string;
}

/** Everything needed to rebuild a sweep's evaluation context in any thread. */
export interface SweepInit {
  readonly model: string;
  readonly weights?: string;
  readonly space: SpaceConfig;
  readonly spaceFile: string;
  readonly calibrationFile?: string;
  readonly accuracy?: AccuracyInit;
  /** Integer bits from a profile, for precision grids with `integer: profile`. */
  readonly integerBits?: IntegerBitsTable;
}

/** Builds the evaluation context (loads the model and calibration; builds the space). */
export async function contextFromInit(init: SweepInit): Promise<EvaluationContext> {
  const graph = await loadGraph(init.model, init.weights ? { weights: init.weights } : {});
  const space = buildSpace(graph, init.space, init.spaceFile, init.integerBits);
  const calibration = init.calibrationFile ? loadCalibration(init.calibrationFile) : defaultCalibration();
  const a = init.accuracy;
  return {
    graph,
    space,
    calibration,
    ...(a ? { accuracy: createAccuracyObjective(graph, a.inputs, a.floatOutputs, { synthetic: a.synthetic, ...(a.labels ? { labels: a.labels } : {}) }) } : {}),
  };
}
