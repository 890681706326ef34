/**
 * On-disk Keras model configuration (`model.to_json()`, the `model_config` attribute of a Keras 2 `.h5`, the
 * `config.json` of a Keras 3 `.keras`): just the fields hlsdse reads, and the topology (who feeds whom).
 * File-format types stay here; the IR never sees them.
 */

/** One layer entry of a Keras model config. */
export interface KerasLayerJson {
  readonly class_name: string;
  readonly name?: string;
  readonly config: Readonly<Record<string, unknown>>;
  readonly inbound_nodes?: unknown;
  readonly module?: string;
}

/** A layer with the names of the layers feeding it, in argument order. */
export interface KerasLayerRef {
  readonly layer: KerasLayerJson;
  readonly name: string;
  readonly inbound: readonly string[];
}

/** A Keras model reduced to an ordered layer list with explicit inbound names. */
export interface KerasTopology {
  readonly name: string;
  readonly layers: readonly KerasLayerRef[];
  readonly outputs?: readonly string[];
  readonly kerasVersion?: string;
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Names referenced by one inbound-node entry, Keras 2 (`[[name, i, j, kw], …]`) or Keras 3 (`{args: …}`). */
function inboundNames(nodes: unknown): string[] {
  if (!Array.isArray(nodes) || nodes.length === 0) return [];
  if (nodes.length > 1) throw new Error('the layer is called more than once (shared layers are not supported)');
  const node = nodes[0];
  const out: string[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) {
      if (typeof v[0] === 'string' && typeof v[1] === 'number') out.push(v[0]);
      else v.forEach(visit);
    } else if (isObj(v)) {
      if (v.class_name === '__keras_tensor__' && isObj(v.config) && Array.isArray(v.config.keras_history)) {
        out.push(String(v.config.keras_history[0]));
      } else if (Array.isArray(v.args)) visit(v.args);
    }
  };
  visit(node);
  return out;
}

/** Name of a Keras layer entry. */
export function kerasLayerName(layer: KerasLayerJson): string {
  const n = layer.config?.name ?? layer.name;
  if (typeof n !== 'string' || n === '') throw new Error(`a ${layer.class_name} layer has no name`);
  return n;
}

/** Batch input shape of a layer config (`batch_input_shape` in Keras 2, `batch_shape` in Keras 3), batch dim dropped. */
export function batchShapeOf(config: Readonly<Record<string, unknown>>): number[] | undefined {
  const s = config.batch_input_shape ?? config.batch_shape;
  if (!Array.isArray(s)) return undefined;
  return s.slice(1).map((d) => (typeof d === 'number' ? d : NaN));
}

function outputNames(config: Record<string, unknown>): string[] | undefined {
  const o = config.output_layers;
  if (!Array.isArray(o)) return undefined;
  if (typeof o[0] === 'string') return [String(o[0])];
  return o.map((e) => String((e as unknown[])[0]));
}

/**
 * Reads a Keras model config (Sequential or Functional) into a {@link KerasTopology}; Sequential models get
 * the implicit `<first layer>_input` InputLayer Keras adds. Throws a plain Error with a one-line reason.
 */
export function parseKerasTopology(json: unknown): KerasTopology {
  if (!isObj(json)) throw new Error('expected a Keras model configuration object');
  const className = String(json.class_name ?? '');
  const config = json.config;
  const kerasVersion = typeof json.keras_version === 'string' ? json.keras_version : undefined;
  if (className === 'Sequential') {
    const list = Array.isArray(config) ? config : isObj(config) ? config.layers : undefined;
    if (!Array.isArray(list)) throw new Error('Sequential model without a layer list');
    const layers = list as KerasLayerJson[];
    const refs: KerasLayerRef[] = [];
    let prev: string | undefined;
    if (layers.length === 0) throw new Error('the model has no layers');
    if (layers[0].class_name !== 'InputLayer') {
      const shape = batchShapeOf(layers[0].config ?? {});
      if (!shape) throw new Error(`the first layer '${kerasLayerName(layers[0])}' does not state its input shape`);
      const inputName = `${kerasLayerName(layers[0])}_input`;
      refs.push({ name: inputName, inbound: [], layer: { class_name: 'InputLayer', config: { name: inputName, batch_input_shape: [null, ...shape] } } });
      prev = inputName;
    }
    for (const layer of layers) {
      const name = kerasLayerName(layer);
      refs.push({ name, layer, inbound: prev === undefined ? [] : [prev] });
      prev = name;
    }
    const modelName = isObj(config) && typeof config.name === 'string' ? config.name : 'sequential';
    return { name: modelName, layers: refs, kerasVersion };
  }
  if (className === 'Model' || className === 'Functional') {
    if (!isObj(config) || !Array.isArray(config.layers)) throw new Error(`${className} model without a layer list`);
    const refs = (config.layers as KerasLayerJson[]).map((layer) => {
      const name = kerasLayerName(layer);
      try {
        return { name, layer, inbound: inboundNames(layer.inbound_nodes) };
      } catch (e) {
        throw new Error(`layer '${name}': ${(e as Error).message}`);
      }
    });
    return { name: typeof config.name === 'string' ? config.name : 'model', layers: refs, outputs: outputNames(config), kerasVersion };
  }
  throw new Error(`unknown Keras model class '${className}' (expected Sequential, Functional or Model)`);
}
