/** A content hash of a calibration, so a journal knows exactly which coefficients scored its points. */
import { stableHash } from '../../util/stable-hash.js';
import type { Calibration } from '../types.js';

/** SHA-256 of the calibration's canonical JSON (first 16 hex digits). */
export function calibrationHash(calibration: Calibration): string {
  return stableHash(calibration).slice(0, 16);
}
