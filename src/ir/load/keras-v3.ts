/** Keras 3 `.keras` archives: a zip of `config.json`, `metadata.json` and `model.weights.h5`. */
import { unzipSync } from 'fflate';
import { fail } from '../../util/errors.js';
import { parseKerasTopology } from '../formats/keras-config.js';
import { openH5 } from './h5-file.js';
import { convertKerasTopology } from './keras-convert.js';
import { parseJsonFile } from './keras-json.js';
import { keras3WeightSource } from './keras-weights.js';
import type { LoaderResult, ModelLoader } from './loader.js';
import { readModelFile } from './read-file.js';

async function load(file: string): Promise<LoaderResult> {
  const bytes = await readModelFile(file);
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (e) {
    fail('corrupt-file', file, `not a valid .keras (zip) archive: ${(e as Error).message}`);
  }
  const configBytes = entries['config.json'];
  const weightBytes = entries['model.weights.h5'];
  if (!configBytes) fail('corrupt-file', file, 'the archive has no config.json');
  if (!weightBytes) fail('corrupt-file', file, 'the archive has no model.weights.h5');
  const json = parseJsonFile(Buffer.from(configBytes).toString('utf8'), `${file}:config.json`);
  let topo;
  try {
    topo = parseKerasTopology(json);
  } catch (e) {
    fail('corrupt-file', file, (e as Error).message);
  }
  const h5 = openH5(Buffer.from(weightBytes), `${file}:model.weights.h5`);
  const source = keras3WeightSource(h5, `${file}:model.weights.h5`, topo.layers.map((l) => ({ name: l.name, className: l.layer.class_name })));
  return { model: convertKerasTopology(topo, source, file), files: [file] };
}

/** Loader for Keras 3 `.keras` archives (QKeras 3 and HGQ2 files included). */
export const kerasV3Loader: ModelLoader = { format: 'keras-v3', extensions: ['.keras'], load };
