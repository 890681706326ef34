/**
 * Every YAML (and JSON, which is YAML) document hlsdse reads goes through here: a syntax error becomes one line
 * naming the file, and a precision string cut at its comma by YAML flow style gets its own hint.
 */
import { parse as parseYaml } from 'yaml';
import { fail } from '../../util/errors.js';
import { checkCutPrecisions } from './yaml-precision-hint.js';

/** Parses YAML/JSON text into plain values. */
export function parseYamlText(text: string, file: string): unknown {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    fail('corrupt-file', file, `not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  checkCutPrecisions(raw, file);
  return raw;
}
