/**
 * hls4ml YAML configurations: read the file, load the model it names (paths relative to the YAML's folder),
 * and build the graph with its `HLSConfig`, part, clock and IO type.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fail } from '../../util/errors.js';
import { buildGraph } from '../build-graph.js';
import { parseHls4mlConfig, type Hls4mlConfigFile } from '../formats/hls4ml-config.js';
import { parseYamlText } from '../formats/yaml-text.js';
import type { Graph } from '../graph.js';
import { modelStem } from './model-stem.js';
import { readModelFile } from './read-file.js';
import { loaderFor } from './registry.js';

/** Reads and validates an hls4ml YAML file. */
export async function readHls4mlConfig(file: string): Promise<Hls4mlConfigFile> {
  const text = (await readModelFile(file)).toString('utf8');
  return parseHls4mlConfig(file, parseYamlText(text, file));
}

/**
 * Resolves a path written in an hls4ml config: against the YAML's folder first (the rule hlsdse documents),
 * then the working directory and the YAML's parent folders (hls4ml itself resolves against the working
 * directory, so configs kept in a sub-folder of a model collection name paths from its root).
 */
export function resolveConfigPath(p: string, file: string): string {
  if (isAbsolute(p)) return p;
  const first = join(dirname(file), p);
  if (existsSync(first)) return first;
  const candidates = [resolve(p)];
  for (let dir = dirname(resolve(file)); dirname(dir) !== dir; dir = dirname(dir)) candidates.push(join(dirname(dir), p));
  return candidates.find((c) => existsSync(c)) ?? first;
}

/** The model file (and separate weights, if any) an hls4ml config names, resolved with {@link resolveConfigPath}. */
export function modelPathsOf(cfg: Hls4mlConfigFile, file: string): { model: string; weights?: string } {
  const at = (p: string) => resolveConfigPath(p, file);
  if (cfg.kerasJson) return { model: at(cfg.kerasJson), ...(cfg.kerasH5 ? { weights: at(cfg.kerasH5) } : {}) };
  if (cfg.onnxModel) return { model: at(cfg.onnxModel) };
  if (cfg.kerasModel) return { model: at(cfg.kerasModel) };
  if (cfg.kerasH5) return { model: at(cfg.kerasH5) };
  fail('bad-config', file, 'names no model (expected KerasJson, KerasH5, KerasModel or OnnxModel)');
}

/** Loads the graph an hls4ml YAML describes, with its configuration applied. */
export async function loadFromHls4mlConfig(file: string, weightsOverride?: string): Promise<Graph> {
  const cfg = await readHls4mlConfig(file);
  const paths = modelPathsOf(cfg, file);
  const weights = weightsOverride ?? paths.weights;
  const loader = loaderFor(paths.model);
  const { model, files } = await loader.load(paths.model, weights ? { weights } : {});
  return buildGraph(model, {
    name: modelStem(paths.model),
    format: loader.format,
    file: paths.model,
    configFile: file,
    ...(files[1] ? { paramsFile: files[1] } : {}),
    sourceFiles: [file, ...files],
    hls: cfg.hlsConfig,
    config: {
      ...(cfg.ioType ? { ioType: cfg.ioType } : {}),
      ...(cfg.part ? { part: cfg.part } : {}),
      ...(cfg.clockPeriodNs ? { clockPeriodNs: cfg.clockPeriodNs } : {}),
      ...(cfg.backend ? { backend: cfg.backend } : {}),
      ...(cfg.projectName ? { projectName: cfg.projectName } : {}),
    },
  });
}
