/**
 * Every search strategy hlsdse offers, in the order `--help` lists them, and lookup by `--strategy` id.
 */
import { fail } from '../../util/errors.js';
import type { StrategyFactory } from '../strategy.js';
import { annealingStrategy } from './annealing.js';
import { autoStrategy } from './auto.js';
import { exhaustiveStrategy } from './exhaustive.js';
import { localSearchStrategy } from './local-search.js';
import { nsga2Strategy } from './nsga2.js';
import { randomStrategy } from './random.js';

/** The registered strategies with default settings. */
export const strategyRegistry: readonly StrategyFactory[] = [
  autoStrategy(),
  exhaustiveStrategy(),
  randomStrategy(),
  nsga2Strategy(),
  annealingStrategy(),
  localSearchStrategy(),
];

/** The strategy with this id; a one-line `--strategy` error naming the valid ids otherwise. */
export function strategyById(id: string): StrategyFactory {
  const found = strategyRegistry.find((s) => s.id === id);
  if (!found) fail('bad-flag', '--strategy', `unknown strategy '${id}' (expected ${strategyRegistry.map((s) => s.id).join(', ')})`);
  return found;
}
