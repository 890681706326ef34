import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { exampleModel } from '../helpers/shared.js';
import { scratchDir } from '../helpers/tmp.js';

const dir = scratchDir('bad-input');
const write = (name: string, content: string | Buffer): string => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const kerasJson = () => JSON.parse(readFileSync(exampleModel('keras/KERAS_3layer.json'), 'utf8'));
const weights = exampleModel('keras/KERAS_3layer_weights.h5');

/** Asserts the one-line error contract: exit 2, one stderr line `error: <file>: …`, no stack trace. */
function expectError(args: string[], file: string, message: RegExp | string): void {
  const r = runCli(args);
  expect(r.code, r.stderr).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0].startsWith(`error: ${file}: `), lines[0]).toBe(true);
  if (typeof message === 'string') expect(lines[0]).toContain(message);
  else expect(lines[0]).toMatch(message);
  expect(r.stdout).toBe('');
}

describe('bad input gets one clear line and exit code 2', () => {
  it('a missing file', () => expectError(['inspect', join(dir, 'nope.json')], join(dir, 'nope.json'), 'no such file'));

  it('a file type hlsdse does not read', () => {
    const f = write('model.pb', 'x');
    expectError(['inspect', f], f, "unknown model file type '.pb'");
  });

  it('a corrupt JSON architecture', () => {
    const f = write('broken.json', '{"class_name": "Model", "config": {');
    expectError(['inspect', f, '--weights', weights], f, 'not valid JSON');
  });

  it('an empty file', () => {
    const f = write('empty.h5', '');
    expectError(['inspect', f], f, 'the file is empty');
  });

  it('a truncated HDF5 weights file', () => {
    const bytes = readFileSync(weights);
    const w = write('cut_weights.h5', bytes.subarray(0, Math.floor(bytes.length / 2)));
    expectError(['inspect', exampleModel('keras/KERAS_3layer.json'), '--weights', w], w, /truncated HDF5 file: \d+ bytes, but its superblock says 36096/);
  });

  it('a file that is not HDF5 at all', () => {
    const f = write('notes.h5', 'these are not weights');
    expectError(['inspect', f], f, 'not an HDF5 file');
  });

  it('a JSON without its weights file beside it', () => {
    const f = write('lonely.json', JSON.stringify(kerasJson()));
    expectError(['inspect', f], f, /weights file .*lonely_weights\.h5 not found/);
  });

  it('weights of another model', () => {
    const w = exampleModel('keras/KERAS_conv1d_small_weights.h5');
    expectError(['inspect', exampleModel('keras/KERAS_3layer.json'), '--weights', w], w, /holds weights for layer\(s\) conv1_relu/);
  });

  it('an architecture whose sizes disagree with its weights', () => {
    const json = kerasJson();
    json.config.layers[1].config.units = 32;
    const f = write('resized.json', JSON.stringify(json));
    expectError(['inspect', f, '--weights', weights], weights, "layer 'fc1_relu': weight has shape [16,64] but the layer needs [16,32]");
  });

  it('an unsupported layer, named with its type', () => {
    const json = kerasJson();
    json.config.layers.splice(2, 0, { class_name: 'GarNet', name: 'garnet_1', config: { name: 'garnet_1' }, inbound_nodes: [[['fc1_relu', 0, 0, {}]]] });
    json.config.layers[3].inbound_nodes = [[['garnet_1', 0, 0, {}]]];
    const f = write('garnet.json', JSON.stringify(json));
    expectError(['inspect', f, '--weights', weights], f, "layer 'garnet_1' (GarNet) is not supported by hlsdse");
  });

  it('a precision string that does not parse', () => {
    const f = write('badprec.yml', `KerasJson: ${exampleModel('keras/KERAS_3layer.json')}\nHLSConfig:\n  Model:\n    Precision: ap_fixed<16>\n`);
    expectError(['inspect', f], f, "HLSConfig.Model.Precision: cannot parse precision 'ap_fixed<16>'");
  });

  it('a zero width', () => {
    const f = write('zero.yml', `KerasJson: ${exampleModel('keras/KERAS_3layer.json')}\nHLSConfig:\n  LayerName:\n    fc1_relu:\n      Precision:\n        weight: ap_fixed<0,0>\n`);
    expectError(['inspect', f], f, 'width must be at least 1');
  });

  it('a config naming a layer the model does not have', () => {
    const f = write('unknown.yml', `KerasJson: ${exampleModel('keras/KERAS_3layer.json')}\nHLSConfig:\n  LayerName:\n    fc9:\n      ReuseFactor: 4\n`);
    expectError(['inspect', f], f, "HLSConfig.LayerName.fc9: the model has no layer named 'fc9'");
  });

  it('a strategy hls4ml would not recognise', () => {
    const f = write('da.yml', `KerasJson: ${exampleModel('keras/KERAS_3layer.json')}\nHLSConfig:\n  Model:\n    Strategy: Fastest\n`);
    expectError(['inspect', f], f, 'unknown strategy "Fastest"');
  });

  it('a config that names no model', () => {
    const f = write('nomodel.yml', 'IOType: io_parallel\n');
    expectError(['inspect', f], f, 'names no model');
  });

  it('a directory', () => {
    const d = join(dir, 'folder.h5');
    mkdirSync(d, { recursive: true });
    expectError(['inspect', d], d, 'is a directory');
  });

  it('shows the stack trace only with --debug', () => {
    const r = runCli(['inspect', join(dir, 'nope.json'), '--debug']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: ');
    expect(r.stderr).toContain('    at ');
  });

  it('an unknown flag', () => {
    const r = runCli(['inspect', exampleModel('keras/KERAS_3layer.json'), '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('error: Nonexistent flag: --bogus');
  });
});
