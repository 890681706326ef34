/** The plug-in interface every model-file loader implements (one file per format, one line in the registry). */
import type { ModelFormat } from '../graph.js';
import type { LoadedModel } from '../layer-spec.js';

/** Options every loader accepts. */
export interface LoadOptions {
  /** Weights file for formats that keep weights apart (Keras JSON → `<stem>_weights.h5` by default). */
  readonly weights?: string;
}

/** What a loader returns: the model plus the files it actually read. */
export interface LoaderResult {
  readonly model: LoadedModel;
  readonly files: readonly string[];
}

/** A model-file loader. */
export interface ModelLoader {
  readonly format: ModelFormat;
  /** File name endings this loader reads, lower case with the dot (`.json`, `.h5`). */
  readonly extensions: readonly string[];
  /** Reads and translates the file; throws an {@link HlsdseError} naming the file on any problem. */
  load(file: string, options: LoadOptions): Promise<LoaderResult>;
}
