/** The model loaders hlsdse knows, chosen by file extension. A new format is one file plus one line here. */
import { extname } from 'node:path';
import { fail } from '../../util/errors.js';
import { kerasH5Loader } from './keras-h5.js';
import { kerasJsonLoader } from './keras-json.js';
import { kerasV3Loader } from './keras-v3.js';
import type { ModelLoader } from './loader.js';
import { onnxLoader } from './onnx.js';

/** Every registered loader. */
export const loaderRegistry: readonly ModelLoader[] = [kerasJsonLoader, kerasH5Loader, kerasV3Loader, onnxLoader];

/** File extensions of hls4ml configuration files. */
export const CONFIG_EXTENSIONS: readonly string[] = ['.yml', '.yaml'];

/** The loader for a file by its extension; an unknown extension is a one-line error listing the known ones. */
export function loaderFor(file: string): ModelLoader {
  const ext = extname(file).toLowerCase();
  const loader = loaderRegistry.find((l) => l.extensions.includes(ext));
  if (!loader) {
    const known = [...loaderRegistry.flatMap((l) => l.extensions), ...CONFIG_EXTENSIONS].join(', ');
    fail('unsupported-format', file, `unknown model file type '${ext || '(none)'}' (expected ${known})`);
  }
  return loader;
}
