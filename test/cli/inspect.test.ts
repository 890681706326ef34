import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { exampleModel } from '../helpers/shared.js';

describe('hlsdse inspect', () => {
  it('prints a layer table with totals', () => {
    const r = runCli(['inspect', exampleModel('keras/KERAS_3layer.json')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^model KERAS_3layer \(keras-json\)\s+io_parallel\s+part xcvu13p-flga2577-2-e\s+clock 5 ns/);
    expect(r.stdout).toMatch(/fc1_relu\s+Dense\s+\[16\]\s+\[64\]\s+1,088\s+1,024\s+ap_fixed<16,6>/);
    expect(r.stdout).toContain('total: 9 layers, 4,389 parameters, 4,256 MACs');
  });

  it('gives the same description as JSON', () => {
    const r = runCli(['inspect', exampleModel('config-files/qkeras_3layer_config.yml'), '--json']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.totals.params).toBe(4389);
    expect(d.config.part).toBe('xcvu9p-flga2577-2-e');
    const relu1 = d.layers.find((l: { name: string }) => l.name === 'relu1');
    expect(relu1.precisions.result).toEqual({ type: 'ap_fixed<7,1,AP_RND_CONV,AP_SAT>', source: 'LayerName' });
    expect(d.layers[1].params).toEqual({ weight: [16, 64], bias: [64] });
  });

  it('explains itself with --help', () => {
    const r = runCli(['inspect', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Show the layers of a model');
    expect(r.stdout).toContain('--weights');
  });
});
