/** The name hlsdse gives a model: its file name without folder and extension (`KERAS_3layer`). */
import { basename, extname } from 'node:path';

/** File stem of a model path. */
export function modelStem(file: string): string {
  return basename(file, extname(file));
}
