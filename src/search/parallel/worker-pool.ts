/**
 * Evaluation over all cores: a pool of worker threads, each holding its own copy of the model, space and
 * calibration (built once from a small serialisable init message), fed chunks of a batch with p-queue bounding
 * the work in flight. Results come back in the order the genomes were given.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import PQueue from 'p-queue';
import type { Genome } from '../space/design-space.js';
import type { PointOutcome } from '../run-sweep.js';
import { packGenomes, unpackOutcomes, type PackedOutcomes } from './outcome-codec.js';

/** Messages to a worker. */
export type ToWorker<I> = { readonly type: 'init'; readonly init: I } | { readonly type: 'chunk'; readonly id: number; readonly genomes: { width: number; data: Int32Array } };
/** Messages from a worker. */
export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'result'; readonly id: number; readonly outcomes: PackedOutcomes }
  | { readonly type: 'failed'; readonly id?: number; readonly message: string };

/**
 * Starts a worker on `script`. Built code (`.js`) runs directly; TypeScript sources (development and tests)
 * go through a tiny bootstrap that registers tsx in the worker first, since loader hooks are per thread.
 */
function spawnWorker(script: URL): Worker {
  if (!script.pathname.endsWith('.ts')) return new Worker(script);
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(script.href)}); });`;
  return new Worker(boot, { eval: true });
}

/** Number of workers to use by default: every core the process may use. */
export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism());
}

/** A pool of evaluation workers running `script` (a module that calls `serveEvaluations`). */
export class WorkerPool<I> {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly pending = new Map<number, { resolve: (o: readonly PointOutcome[]) => void; reject: (e: Error) => void }>();
  private nextId = 0;
  private readonly queue: PQueue;

  private constructor(count: number) {
    this.queue = new PQueue({ concurrency: count });
  }

  /** Starts `count` workers and waits until each has built its evaluator from `init`. */
  static async start<I>(script: URL, init: I, count: number): Promise<WorkerPool<I>> {
    const pool = new WorkerPool<I>(count);
    await Promise.all(
      Array.from({ length: count }, () => {
        const w = spawnWorker(script);
        pool.workers.push(w);
        return new Promise<void>((resolve, reject) => {
          w.once('message', (m: FromWorker) => (m.type === 'ready' ? resolve() : reject(new Error(m.type === 'failed' ? m.message : 'worker did not start'))));
          w.once('error', reject);
          w.postMessage({ type: 'init', init } satisfies ToWorker<I>);
        }).then(() => {
          w.on('message', (m: FromWorker) => pool.receive(w, m));
          w.on('error', (e) => pool.failAll(e));
          pool.idle.push(w);
        });
      }),
    );
    return pool;
  }

  /** Evaluates genomes, split into one chunk per worker; resolves with outcomes in input order. */
  async evaluate(genomes: readonly Genome[]): Promise<readonly PointOutcome[]> {
    const n = this.workers.length;
    const size = Math.ceil(genomes.length / n);
    const chunks: Genome[][] = [];
    for (let i = 0; i < genomes.length; i += size) chunks.push(genomes.slice(i, i + size) as Genome[]);
    const results = await Promise.all(chunks.map((c) => this.queue.add(() => this.run(c)) as Promise<readonly PointOutcome[]>));
    return results.flat();
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private run(genomes: readonly Genome[]): Promise<readonly PointOutcome[]> {
    const w = this.idle.pop();
    if (!w) return Promise.reject(new Error('no idle worker (pool misuse)'));
    const id = this.nextId++;
    return new Promise<readonly PointOutcome[]>((resolve, reject) => {
      this.pending.set(id, {
        resolve: (o) => {
          this.idle.push(w);
          resolve(o);
        },
        reject,
      });
      const packed = packGenomes(genomes);
      w.postMessage({ type: 'chunk', id, genomes: packed } satisfies ToWorker<I>, [packed.data.buffer as ArrayBuffer]);
    });
  }

  private receive(_w: Worker, m: FromWorker): void {
    if (m.type === 'result') {
      this.pending.get(m.id)?.resolve(unpackOutcomes(m.outcomes));
      this.pending.delete(m.id);
    } else if (m.type === 'failed') {
      const p = m.id !== undefined ? this.pending.get(m.id) : undefined;
      if (p) {
        p.reject(new Error(m.message));
        this.pending.delete(m.id as number);
      } else this.failAll(new Error(m.message));
    }
  }

  private failAll(e: Error): void {
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}
