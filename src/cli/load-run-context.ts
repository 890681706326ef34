/** Rebuilds a finished run's evaluation context (model, space, calibration) from its `sweep.json`. */
import type { EvaluationContext } from '../search/evaluate-point.js';
import type { JournalHeader } from '../search/journal/records.js';
import { RUN_FILES, type RunDescription } from '../search/run-files.js';
import { contextFromInit } from '../search/sweep-init.js';
import { fail } from '../util/errors.js';
import { join } from 'node:path';

/** The run's context; fails when `sweep.json` is missing or the model changed since the sweep. */
export async function runContext(run: { readonly dir: string; readonly header: JournalHeader; readonly description?: RunDescription }): Promise<EvaluationContext> {
  if (!run.description) fail('file-not-found', join(run.dir, RUN_FILES.init), 'the run has no sweep.json, so its model and space cannot be rebuilt');
  const ctx = await contextFromInit(run.description.init);
  if (ctx.graph.hash !== run.header.model.hash) {
    fail('model-mismatch', run.description.init.model, 'the model file changed since this sweep ran (its hash differs from the journal\'s)');
  }
  if (ctx.space.hash !== run.header.space.hash) fail('model-mismatch', join(run.dir, RUN_FILES.init), 'the design space no longer matches the journal');
  return ctx;
}
