/**
 * YAML's flow style splits `{weight: ap_fixed<6,3>}` at the comma into `weight: ap_fixed<6` and a key `3>`.
 * Before validating a YAML document, look for that pattern and say how to fix it, instead of a puzzling
 * "unknown key '3>'".
 */
import { fail } from '../../util/errors.js';

/** Fails with a one-line hint when a document holds a precision string cut at its comma by YAML flow style. */
export function checkCutPrecisions(value: unknown, file: string, path = ''): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => checkCutPrecisions(v, file, `${path}[${i}]`));
    return;
  }
  if (typeof value === 'string' && /^\s*(ap_|ac_)?u?(fixed|int)\s*<[^>]*$/i.test(value)) {
    fail('bad-precision', file, `${path || 'a value'}: '${value}' is a precision cut at its comma by YAML flow style; quote it ('ap_fixed<W,I>') or use block style`);
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = path ? `${path}.${k}` : k;
      if (/^\s*-?\d+\s*(,.*)?>\s*$/.test(k)) fail('bad-precision', file, `${p}: a precision was cut at its comma by YAML flow style; quote it ('ap_fixed<W,I>') or use block style`);
      checkCutPrecisions(v, file, p);
    }
  }
}
