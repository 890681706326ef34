/** Worker-thread entry of a sweep: rebuilds the evaluation context from the init message and evaluates chunks. */
import { makePointEvaluator } from '../evaluate-point.js';
import { contextFromInit, type SweepInit } from '../sweep-init.js';
import { serveEvaluations } from './serve-evaluations.js';

serveEvaluations<SweepInit>(async (init) => makePointEvaluator(await contextFromInit(init)));
