/** File reading with the errors users should see (missing file, a directory, an empty file). */
import { readFile, stat } from 'node:fs/promises';
import { fail } from '../../util/errors.js';

/** Reads a whole file; a missing, unreadable or empty file becomes a one-line {@link HlsdseError}. */
export async function readModelFile(file: string): Promise<Buffer> {
  let info;
  try {
    info = await stat(file);
  } catch {
    fail('file-not-found', file, 'no such file');
  }
  if (info.isDirectory()) fail('unsupported-format', file, 'is a directory, expected a model file');
  let buf: Buffer;
  try {
    buf = await readFile(file);
  } catch (e) {
    fail('file-not-found', file, `cannot read: ${(e as Error).message}`);
  }
  if (buf.length === 0) fail('corrupt-file', file, 'the file is empty');
  return buf;
}

/** An ArrayBuffer holding exactly the bytes of a Node buffer (libraries such as jsfive want one). */
export function toArrayBuffer(buf: Buffer): ArrayBuffer {
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
}
