/**
 * The on-disk form of a calibration (`calibration.json`), validated with zod at the boundary so that everything
 * past `loadCalibration` can trust it.
 */
import { z } from 'zod';
import type { Calibration } from '../types.js';

const TARGETS = ['lut', 'ff', 'dsp', 'bram18', 'uram', 'latency', 'ii'] as const;

const fittedModel = z
  .object({
    features: z.array(z.string()),
    coefficients: z.array(z.number().finite()),
    ratioLo: z.number().nonnegative(),
    ratioHi: z.number().nonnegative(),
    samples: z.number().int().nonnegative(),
    medianApe: z.number().optional(),
    p90Ape: z.number().optional(),
  })
  .refine((m) => m.features.length === m.coefficients.length, { message: 'features and coefficients differ in length' })
  .refine((m) => m.ratioLo <= m.ratioHi, { message: 'ratioLo is above ratioHi' });

const quality = z.object({
  target: z.enum(TARGETS),
  records: z.number().int().nonnegative(),
  projects: z.number().int().nonnegative(),
  medianApe: z.number(),
  p90Ape: z.number(),
  exactShare: z.number(),
});

/** Schema of a calibration file. */
export const calibrationFileSchema = z.object({
  schema: z.literal(1),
  id: z.string().min(1),
  provenance: z.object({
    tool: z.string(),
    partFamily: z.string(),
    clockNs: z.number().positive().optional(),
    sources: z.array(z.string()),
    createdBy: z.string(),
  }),
  models: z.record(z.string(), z.partialRecord(z.enum(TARGETS), fittedModel)),
  parameters: z.record(z.string(), z.number().finite()),
  parameterSources: z.record(z.string(), z.string()).optional(),
  quality: z.array(quality).optional(),
});

/** The file form of a calibration (what `calibrate` writes). */
export type CalibrationFile = z.infer<typeof calibrationFileSchema>;

/** A calibration as written to disk (adds the schema version). */
export function toCalibrationFile(c: Calibration): CalibrationFile {
  return { schema: 1, ...c, quality: c.quality?.filter((q) => q.records > 0) } as CalibrationFile;
}
