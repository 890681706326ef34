/** Flags and sample loading shared by the commands that need input samples (`profile`, `emulate`, `sweep`). */
import { Flags } from '@oclif/core';
import { readGraphData } from '../estimators/accuracy/data-formats.js';
import { parseRange, syntheticInputs } from '../estimators/accuracy/synthetic-data.js';
import type { Batch } from '../estimators/emulator/types.js';
import type { Graph } from '../ir/graph.js';
import { readModelFile } from '../ir/load/read-file.js';
import { fail } from '../util/errors.js';

/** Flags shared by the commands that need samples (`profile`, `emulate`). */
export const sampleFlags = {
  data: Flags.string({ description: 'Samples: .npy (N × input shape), .csv (one sample per row) or .json (array of samples, or {"x": [...], "y": [...]}).' }),
  'label-column': Flags.string({ description: 'CSV: name of the column holding class labels (taken out of the samples).' }),
  samples: Flags.integer({ description: 'Synthetic samples to draw when no --data is given.', default: 1000, min: 1 }),
  seed: Flags.integer({ description: 'Seed of the synthetic samples.', default: 1 }),
  range: Flags.string({ description: 'Range lo:hi of the synthetic samples (write --range=-1:1 for a negative lo).', default: '-1:1' }),
  distribution: Flags.string({ description: 'Distribution of the synthetic samples.', options: ['uniform', 'normal'], default: 'uniform' }),
  reference: Flags.string({ description: 'Float reference engine: TensorFlow.js (float32) or the built-in Float64 pass.', options: ['tfjs', 'float64'], default: 'tfjs' }),
  weights: Flags.string({ description: 'Weights file for a Keras JSON model (default: <stem>_weights.h5 beside it).' }),
};

/** Samples for a run: a data file, or synthetic batches as the flags say. */
export async function samplesFromFlags(
  graph: Graph,
  flags: { data?: string; 'label-column'?: string; samples: number; seed: number; range: string; distribution: string },
): Promise<{ inputs: Record<string, Batch>; labels?: Int32Array | Batch; synthetic: boolean; description: string; count: number }> {
  if (flags.data) {
    const bytes = await readModelFile(flags.data);
    const d = readGraphData(graph, bytes, flags.data, flags['label-column'] !== undefined ? { labelColumn: flags['label-column'] } : {});
    return { ...d, synthetic: false, description: `${flags.data} (${d.count} samples)` };
  }
  if (flags['label-column'] !== undefined) fail('bad-flag', '--label-column', 'needs --data with a CSV file');
  const range = parseRange(flags.range);
  if (!range) fail('bad-flag', '--range', `expected lo:hi with lo ≤ hi, got '${flags.range}'`);
  const s = syntheticInputs(graph, { count: flags.samples, seed: flags.seed, distribution: flags.distribution as 'uniform' | 'normal', defaultRange: range });
  return { inputs: s.inputs, synthetic: true, description: s.description, count: flags.samples };
}

