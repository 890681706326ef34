/** Every real model in ../shared/models loads (skipped where that folder is absent, e.g. a fresh clone). */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { graphTotals } from '../../../src/ir/graph.js';
import { loadGraph } from '../../../src/ir/load/load-graph.js';
import { loaderRegistry } from '../../../src/ir/load/registry.js';
import { HAVE_SHARED, sharedModel } from '../../helpers/shared.js';

function modelFiles(): string[] {
  if (!HAVE_SHARED) return [];
  const exts = new Set(loaderRegistry.flatMap((l) => l.extensions).concat(['.yml', '.yaml']));
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if ([...exts].some((x) => e.name.endsWith(x)) && !e.name.endsWith('_weights.h5')) out.push(p);
    }
  };
  walk(sharedModel(''));
  return out.sort();
}

describe.skipIf(!HAVE_SHARED)('every model in ../shared/models', () => {
  it.each(modelFiles())('loads %s', async (file) => {
    const g = await loadGraph(file);
    expect(g.layers.length).toBeGreaterThan(1);
    expect(g.layers[0].kind).toBe('Input');
    expect(graphTotals(g).params).toBeGreaterThan(0);
    for (const l of g.layers) {
      expect(l.outputShape.every((d) => Number.isInteger(d) && d > 0)).toBe(true);
    }
  });
});
