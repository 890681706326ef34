/** Whether a journal belongs to a run: what must match to resume it, and what must match to merge it with others. */
import type { JournalHeader } from './records.js';

/** The header fields in which two journals differ (model, design space, seed, strategy, …). */
export function headerDifferences(found: JournalHeader, expected: JournalHeader): string[] {
  const checks: [string, unknown, unknown][] = [
    ['model', found.model.hash, expected.model.hash],
    ['design space', found.space.hash, expected.space.hash],
    ['seed', found.seed, expected.seed],
    ['strategy', found.strategy, expected.strategy],
    ['objectives', found.objectives.join(','), expected.objectives.join(',')],
    ['budgets', found.budgets.join(','), expected.budgets.join(',')],
    ['calibration', found.calibration.hash, expected.calibration.hash],
    ['batch size', found.batchSize, expected.batchSize],
  ];
  return checks.filter(([, a, b]) => a !== b).map(([name]) => name);
}

/** Why a journal cannot be resumed with the run described by `expected`; undefined when it can. */
export function headerMismatch(found: JournalHeader, expected: JournalHeader): string | undefined {
  const diff = headerDifferences(found, expected);
  return diff.length > 0 ? `the journal was written for a different ${diff.join(', ')}` : undefined;
}

/**
 * Why a journal cannot be merged with another run's; undefined when it can. Runs with other seeds, strategies
 * or batch sizes over the same model, space, objectives, budgets and calibration merge fine.
 */
export function mergeMismatch(found: JournalHeader, first: JournalHeader): string | undefined {
  const diff = headerDifferences(found, first).filter((d) => d !== 'seed' && d !== 'strategy' && d !== 'batch size');
  return diff.length > 0 ? `written for a different ${diff.join(', ')}` : undefined;
}
