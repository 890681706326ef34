/**
 * Enforces the one direction of flow between source folders: a module may import only from folders at its
 * level or to its left in LAYERS (util → fixed → ir → estimators → search → codegen → synth → cli → commands).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/shared.js';

const LAYERS = ['types', 'util', 'fixed', 'ir', 'estimators', 'search', 'codegen', 'synth', 'cli', 'commands'];
const SRC = join(REPO_ROOT, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function topFolder(file: string): string {
  return relative(SRC, file).split('/')[0];
}

describe('import direction', () => {
  const files = sources(SRC);

  it('knows every top-level folder of src/', () => {
    const folders = new Set(files.map(topFolder).filter((f) => !f.endsWith('.ts')));
    for (const f of folders) expect(LAYERS, `src/${f}/ is not placed in the layer order`).toContain(f);
  });

  it('lets no module import from a higher layer', () => {
    const violations: string[] = [];
    for (const file of files) {
      const from = LAYERS.indexOf(topFolder(file));
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:import|export)[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/g)) {
        const target = resolve(dirname(file), m[1]);
        const to = LAYERS.indexOf(topFolder(target));
        if (to > from) violations.push(`${relative(REPO_ROOT, file)} imports ${m[1]}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('keeps randomness and the clock out of pure code', () => {
    const offenders = files
      .filter((f) => !['commands', 'cli'].includes(topFolder(f)))
      .filter((f) => /Math\.random\(|Date\.now\(/.test(readFileSync(f, 'utf8')))
      .filter((f) => !/journal|progress|runner/.test(f))
      .map((f) => relative(REPO_ROOT, f));
    expect(offenders).toEqual([]);
  });
});
