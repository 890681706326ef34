/**
 * Design-point files (`--config point.yml` of `estimate`): global knobs and per-layer overrides on top of the
 * point a model and its hls4ml config describe. Validated once here; unknown layers, strategies and precisions are
 * one-line errors naming the file and the key.
 *
 * ```yaml
 * ioType: io_stream            # io_parallel | io_stream
 * part: xcvu9p-flga2104-2-e
 * clockPeriodNs: 4
 * layers:
 *   fc1: { strategy: Resource, reuseFactor: 4, precision: { weight: ap_fixed<8,3> } }
 * fifoDepths: { fc1_out: 2 }
 * ```
 */
import { z } from 'zod';
import { parsePrecision, PrecisionParseError, type Precision } from '../fixed/precision.js';
import type { DesignPoint, LayerKnobs } from '../ir/design-point.js';
import { normaliseStrategy } from '../ir/formats/hls4ml-config.js';
import type { Graph } from '../ir/graph.js';
import { fail } from '../util/errors.js';

const positiveInt = z.number().int().positive();

const layerSchema = z.strictObject({
  strategy: z.string().optional(),
  reuseFactor: positiveInt.optional(),
  parallelizationFactor: positiveInt.optional(),
  tableSize: positiveInt.optional(),
  convImplementation: z.enum(['LineBuffer', 'Encoded']).optional(),
  precision: z.record(z.string(), z.string()).optional(),
});

/** Schema of a design-point file. */
export const pointConfigSchema = z.strictObject({
  ioType: z.enum(['io_parallel', 'io_stream']).optional(),
  part: z.string().min(1).optional(),
  clockPeriodNs: z.number().positive().optional(),
  bramFactor: z.number().positive().optional(),
  layers: z.record(z.string(), layerSchema).optional(),
  fifoDepths: z.record(z.string(), positiveInt).optional(),
});

/** A parsed design-point file. */
export type PointConfig = z.infer<typeof pointConfigSchema>;

/** Validates a parsed YAML/JSON value as a design-point file. */
export function parsePointConfig(value: unknown, file: string): PointConfig {
  const r = pointConfigSchema.safeParse(value ?? {});
  if (!r.success) {
    const issue = r.error.issues[0];
    fail('bad-config', file, `${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}`);
  }
  return r.data;
}

function layerKnobs(base: LayerKnobs, cfg: NonNullable<PointConfig['layers']>[string], file: string, name: string): LayerKnobs {
  let strategy = base.strategy;
  if (cfg.strategy !== undefined) {
    const s = normaliseStrategy(cfg.strategy);
    if (!s) fail('bad-config', file, `layers.${name}.strategy: unknown strategy '${cfg.strategy}' (Latency, Resource, Resource_Unrolled, distributed_arithmetic)`);
    strategy = s;
  }
  const precisions: Record<string, Precision> = { ...base.precisions };
  for (const [slot, text] of Object.entries(cfg.precision ?? {})) {
    try {
      precisions[slot] = parsePrecision(text);
    } catch (e) {
      fail('bad-precision', file, `layers.${name}.precision.${slot}: ${e instanceof PrecisionParseError ? e.message : String(e)}`);
    }
  }
  return {
    ...base,
    strategy,
    ...(cfg.reuseFactor !== undefined ? { reuseFactor: cfg.reuseFactor } : {}),
    ...(cfg.parallelizationFactor !== undefined ? { parallelizationFactor: cfg.parallelizationFactor } : {}),
    ...(cfg.tableSize !== undefined ? { tableSize: cfg.tableSize } : {}),
    ...(cfg.convImplementation !== undefined ? { convImplementation: cfg.convImplementation } : {}),
    precisions,
  };
}

/** Applies a design-point file to a base point of `graph`. */
export function applyPointConfig(graph: Graph, base: DesignPoint, cfg: PointConfig, file: string): DesignPoint {
  const layers: Record<string, LayerKnobs> = { ...base.layers };
  for (const [name, l] of Object.entries(cfg.layers ?? {})) {
    const b = layers[name];
    if (!b) fail('bad-config', file, `layers.${name}: the model has no layer '${name}' (layers: ${graph.layers.map((x) => x.name).join(', ')})`);
    layers[name] = layerKnobs(b, l, file, name);
  }
  return {
    ...base,
    ...(cfg.ioType ? { ioType: cfg.ioType } : {}),
    ...(cfg.part ? { part: cfg.part } : {}),
    ...(cfg.clockPeriodNs ? { clockPeriodNs: cfg.clockPeriodNs } : {}),
    ...(cfg.bramFactor ? { bramFactor: cfg.bramFactor } : {}),
    ...(cfg.fifoDepths ? { fifoDepths: cfg.fifoDepths } : {}),
    layers,
  };
}
