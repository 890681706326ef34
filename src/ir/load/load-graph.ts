/** The one entry point from a path on the command line to a {@link Graph}: model files and hls4ml YAML configs. */
import { extname } from 'node:path';
import { buildGraph } from '../build-graph.js';
import type { Graph } from '../graph.js';
import { modelStem } from './model-stem.js';
import { loadFromHls4mlConfig } from './hls4ml-yaml.js';
import { CONFIG_EXTENSIONS, loaderFor } from './registry.js';

/** Options of {@link loadGraph}. */
export interface LoadGraphOptions {
  /** Weights file for a Keras JSON (default `<stem>_weights.h5` beside it). */
  readonly weights?: string;
}

/**
 * Loads a model file (`.json` + weights, `.h5`, `.keras`, `.onnx`) or an hls4ml YAML config into a graph.
 * Every problem is an {@link HlsdseError} naming the file.
 */
export async function loadGraph(file: string, options: LoadGraphOptions = {}): Promise<Graph> {
  if (CONFIG_EXTENSIONS.includes(extname(file).toLowerCase())) return loadFromHls4mlConfig(file, options.weights);
  const loader = loaderFor(file);
  const { model, files } = await loader.load(file, options.weights ? { weights: options.weights } : {});
  return buildGraph(model, {
    name: modelStem(file), format: loader.format, file, sourceFiles: files, ...(files[1] ? { paramsFile: files[1] } : {}) });
}
