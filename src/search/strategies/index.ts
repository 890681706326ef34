/**
 * The search strategies: one file each, behind this barrel and the registry.
 */
export { annealingStrategy, type AnnealingOptions } from './annealing.js';
export { autoIsExhaustive, autoStrategy, EXHAUSTIVE_LIMIT, type AutoOptions } from './auto.js';
export { baseGenome, inSpace } from './base-genome.js';
export { exhaustiveStrategy } from './exhaustive.js';
export { localSearchStrategy, oneKnobNeighbours, type LocalSearchOptions } from './local-search.js';
export { nsga2Strategy, type Nsga2Options } from './nsga2.js';
export { randomStrategy } from './random.js';
export { strategyById, strategyRegistry } from './registry.js';
