/** A thin typed view over jsfive's HDF5 reader: groups, attributes and float datasets, with clean errors. */
import * as hdf5 from 'jsfive';
import { fail } from '../../util/errors.js';
import { tensor, type Tensor } from '../tensor.js';
import { toArrayBuffer } from './read-file.js';

/** The HDF5 signature every file starts with (`\x89HDF\r\n\x1a\n`). */
const HDF5_MAGIC = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];

/** A group of an open HDF5 file. */
export interface H5Group {
  readonly keys: readonly string[];
  readonly attrs: Readonly<Record<string, unknown>>;
  get(path: string): H5Group | H5Dataset | undefined;
}

/** A dataset of an open HDF5 file. */
export interface H5Dataset {
  readonly shape: readonly number[];
  readonly value: ArrayLike<number>;
}

/** True when a node is a group. */
export function isGroup(n: H5Group | H5Dataset | undefined): n is H5Group {
  return n instanceof hdf5.Group;
}

/** Opens HDF5 bytes; a non-HDF5 or damaged file becomes an {@link HlsdseError} naming `file`. */
export function openH5(bytes: Buffer, file: string): H5Group {
  if (bytes.length < 8 || HDF5_MAGIC.some((b, i) => bytes[i] !== b)) {
    fail('corrupt-file', file, 'not an HDF5 file (bad signature)');
  }
  const eof = declaredEndOfFile(bytes);
  if (eof !== undefined && eof > bytes.length) {
    fail('corrupt-file', file, `truncated HDF5 file: ${bytes.length} bytes, but its superblock says ${eof}`);
  }
  try {
    const f = new hdf5.File(toArrayBuffer(bytes), file) as unknown as H5Group;
    void f.keys; // force the root group to be read
    return f;
  } catch (e) {
    fail('corrupt-file', file, `damaged HDF5 file: ${(e as Error).message}`);
  }
}

/**
 * The end-of-file address the HDF5 superblock records (versions 0–3), or undefined if it cannot be read.
 * @see HDF5 File Format Specification, section II.A "Disk Format: Level 0A - Format Signature and Superblock"
 */
export function declaredEndOfFile(bytes: Buffer): number | undefined {
  const version = bytes[8];
  let sizeOfOffsets: number;
  let at: number;
  if (version === 0 || version === 1) {
    sizeOfOffsets = bytes[13];
    at = 24 + (version === 1 ? 4 : 0) + 2 * sizeOfOffsets;
  } else if (version === 2 || version === 3) {
    sizeOfOffsets = bytes[9];
    at = 12 + 2 * sizeOfOffsets;
  } else return undefined;
  if (sizeOfOffsets !== 8 || bytes.length < at + 8) return undefined;
  const eof = bytes.readBigUInt64LE(at);
  return eof > BigInt(Number.MAX_SAFE_INTEGER) ? undefined : Number(eof);
}

/** Reads a child by path, returning undefined when absent (jsfive throws on missing links). */
export function h5Get(g: H5Group, path: string): H5Group | H5Dataset | undefined {
  try {
    return g.get(path);
  } catch {
    return undefined;
  }
}

/** A string attribute (jsfive keeps NUL/space padding of fixed-length strings; it is stripped). */
export function h5StringAttr(g: H5Group, name: string): string | undefined {
  const v = g.attrs[name];
  if (v === undefined) return undefined;
  return cleanString(Array.isArray(v) ? String(v[0]) : String(v));
}

/** A string-array attribute (e.g. Keras' `layer_names`, `weight_names`). */
export function h5StringListAttr(g: H5Group, name: string): string[] | undefined {
  const v = g.attrs[name];
  if (v === undefined) return undefined;
  const list = Array.isArray(v) ? v : typeof v === 'string' ? [v] : Array.from(v as ArrayLike<unknown>);
  return list.map((s) => cleanString(String(s)));
}

/** Strips the NUL and space padding jsfive leaves on fixed-length strings. */
export function cleanString(s: string): string {
  return s.replace(/[\0\s]+$/, '');
}

/** Reads a dataset into a float tensor; a damaged dataset becomes an error naming `file` and the path. */
export function h5Tensor(ds: H5Dataset, file: string, path: string): Tensor {
  try {
    const shape = [...ds.shape];
    return tensor(shape, Float32Array.from(ds.value));
  } catch (e) {
    fail('corrupt-file', file, `cannot read dataset '${path}': ${(e as Error).message}`);
  }
}
