/** Full Keras 2 HDF5 models (`model.save('m.h5')`): architecture in the `model_config` attribute, weights in `model_weights`. */
import { fail } from '../../util/errors.js';
import { parseKerasTopology } from '../formats/keras-config.js';
import { h5Get, h5StringAttr, isGroup, openH5 } from './h5-file.js';
import { convertKerasTopology } from './keras-convert.js';
import { parseJsonFile } from './keras-json.js';
import { keras2WeightSource } from './keras-weights.js';
import type { LoaderResult, ModelLoader } from './loader.js';
import { readModelFile } from './read-file.js';

async function load(file: string): Promise<LoaderResult> {
  const h5 = openH5(await readModelFile(file), file);
  const config = h5StringAttr(h5, 'model_config');
  if (!config) {
    fail('unsupported-format', file, "holds weights only (no 'model_config'); pass the architecture JSON and this file as --weights");
  }
  let topo;
  try {
    topo = parseKerasTopology(parseJsonFile(config, file));
  } catch (e) {
    fail('corrupt-file', file, (e as Error).message);
  }
  const mw = h5Get(h5, 'model_weights');
  if (!isGroup(mw)) fail('corrupt-file', file, "no 'model_weights' group");
  const { source } = keras2WeightSource(mw, file);
  return { model: convertKerasTopology(topo, source, file), files: [file] };
}

/** Loader for full Keras 2 `.h5` models (QKeras and HGQ proxy models included). */
export const kerasH5Loader: ModelLoader = { format: 'keras-h5', extensions: ['.h5', '.hdf5'], load };
