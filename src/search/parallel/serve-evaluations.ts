/**
 * The worker side of the pool: builds an evaluator from the init message once, then answers chunks.
 * A worker module calls `serveEvaluations(build)` with its own evaluator factory.
 */
import { parentPort } from 'node:worker_threads';
import type { Genome } from '../space/design-space.js';
import type { PointOutcome } from '../run-sweep.js';
import { packOutcomes, unpackGenomes } from './outcome-codec.js';
import type { FromWorker, ToWorker } from './worker-pool.js';

/** Serves evaluation requests on this worker thread. */
export function serveEvaluations<I>(build: (init: I) => Promise<(genome: Genome) => PointOutcome>): void {
  const port = parentPort;
  if (!port) throw new Error('serveEvaluations must run in a worker thread');
  let evaluate: ((genome: Genome) => PointOutcome) | undefined;
  const send = (m: FromWorker) => port.postMessage(m);
  port.on('message', (m: ToWorker<I>) => {
    if (m.type === 'init') {
      build(m.init).then(
        (fn) => {
          evaluate = fn;
          send({ type: 'ready' });
        },
        (e: unknown) => send({ type: 'failed', message: e instanceof Error ? e.message : String(e) }),
      );
    } else if (m.type === 'chunk') {
      try {
        if (!evaluate) throw new Error('worker was not initialised');
        const outcomes = packOutcomes(unpackGenomes(m.genomes).map((g) => (evaluate as (g: Genome) => PointOutcome)(g)));
        port.postMessage({ type: 'result', id: m.id, outcomes } satisfies FromWorker, [outcomes.values.buffer as ArrayBuffer, outcomes.status.buffer as ArrayBuffer]);
      } catch (e) {
        send({ type: 'failed', id: m.id, message: e instanceof Error ? e.message : String(e) });
      }
    }
  });
}
