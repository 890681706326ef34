/**
 * Keras 2 architecture JSON (`model.to_json()`) + HDF5 weights: hls4ml's `KerasJson`/`KerasH5` input.
 * The weights default to `<stem>_weights.h5` beside the JSON.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fail } from '../../util/errors.js';
import { parseKerasTopology } from '../formats/keras-config.js';
import { h5Get, isGroup, openH5 } from './h5-file.js';
import { convertKerasTopology } from './keras-convert.js';
import { keras2WeightSource } from './keras-weights.js';
import type { LoadOptions, LoaderResult, ModelLoader } from './loader.js';
import { readModelFile } from './read-file.js';

/** The weights file hls4ml users keep beside `model.json`: `model_weights.h5`. */
export function defaultWeightsPath(jsonFile: string): string {
  return join(dirname(jsonFile), `${basename(jsonFile).replace(/\.json$/i, '')}_weights.h5`);
}

/** Parses JSON text, turning a syntax error into a one-line error naming the file. */
export function parseJsonFile(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    fail('corrupt-file', file, `not valid JSON: ${(e as Error).message}`);
  }
}

async function load(file: string, options: LoadOptions): Promise<LoaderResult> {
  const json = parseJsonFile((await readModelFile(file)).toString('utf8'), file);
  let topo;
  try {
    topo = parseKerasTopology(json);
  } catch (e) {
    fail('corrupt-file', file, (e as Error).message);
  }
  const weightsFile = options.weights ?? defaultWeightsPath(file);
  if (!options.weights && !existsSync(weightsFile)) {
    fail('file-not-found', file, `weights file ${weightsFile} not found beside the architecture (give --weights)`);
  }
  const h5 = openH5(await readModelFile(weightsFile), weightsFile);
  const mw = h5Get(h5, 'model_weights');
  const { source, layerNames } = keras2WeightSource(isGroup(mw) ? mw : h5, weightsFile);
  const archNames = new Set(topo.layers.map((l) => l.name));
  const stray = layerNames.filter((n) => !archNames.has(n));
  if (stray.length > 0) {
    fail('model-mismatch', weightsFile, `holds weights for layer(s) ${stray.join(', ')} that ${basename(file)} does not have`);
  }
  const model = convertKerasTopology(topo, source, file);
  return { model, files: [file, weightsFile] };
}

/** Loader for Keras 2 JSON architectures with HDF5 weights. */
export const kerasJsonLoader: ModelLoader = { format: 'keras-json', extensions: ['.json'], load };
