/** Starts the sweep's worker pool (the worker module sits beside this file, `.ts` in development, `.js` built). */
import type { SweepInit } from '../sweep-init.js';
import { WorkerPool } from './worker-pool.js';

/** Starts `count` sweep workers, each built from `init`. */
export function startSweepPool(init: SweepInit, count: number): Promise<WorkerPool<SweepInit>> {
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  return WorkerPool.start(new URL(`./sweep-worker${ext}`, import.meta.url), init, count);
}
