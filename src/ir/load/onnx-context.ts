/**
 * The state of one ONNX → IR translation: which IR layer holds each ONNX tensor (and in which layout), the
 * constants, the specs emitted so far, unique names and warnings. Op handlers read and extend it.
 */
import type { Precision } from '../../fixed/precision.js';
import { fail } from '../../util/errors.js';
import { inferShape } from '../infer-shape.js';
import type { LayerSpec } from '../layer-spec.js';
import type { Shape } from '../tensor.js';
import type { AttrMap, ConstTensor } from './onnx-decode.js';
import { irAxes, irShapeOf, onnxShapeOf, permBetween, sameOrder, sameShape, type Layout } from './onnx-layout.js';

/** An activation tensor of the ONNX graph and the IR layer whose output holds it. */
export interface Activ {
  readonly layer: string;
  /** The ONNX shape with a batch of 1. */
  readonly onnxShape: readonly number[];
  readonly layout: Layout;
  /** The IR output shape of `layer`; equals `irShapeOf(onnxShape, layout)` up to unit axes. */
  readonly irShape: Shape;
  /** Name of the folded ONNX Transpose that made this view, given to the layer if the view must be materialised. */
  readonly viewOf?: string;
}

/** A constant tensor (initializer, `Constant`, or a folded `Quant` of one) with the precision a quantiser fixed. */
export interface ConstVal extends ConstTensor {
  readonly precision?: Precision;
}

/** One ONNX node as the handlers see it. */
export interface OnnxNode {
  /** The node's name in the file, or `<op>_<index>` when it has none (used in messages). */
  readonly label: string;
  /** The name its IR layer gets (before being made unique): `label` with characters C++ rejects replaced. */
  readonly base: string;
  readonly op: string;
  /** Input tensor names; an empty string is an omitted optional input. */
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly attrs: AttrMap;
}

/** Translates one ONNX node, extending the conversion. */
export type OpHandler = (cx: Conversion, node: OnnxNode) => void;

/** Mutable state of one translation (one per loaded file). */
export class Conversion {
  readonly specs: LayerSpec[] = [];
  readonly warnings: string[] = [];
  /** Linear activations that stand for a QONNX `Quant` on an activation (candidates for merging). */
  readonly quantActs = new Set<string>();
  private readonly activs = new Map<string, Activ>();
  private readonly consts = new Map<string, ConstVal>();
  private readonly names = new Set<string>();
  private readonly shapes = new Map<string, Shape>();
  private readonly reads = new Map<string, number>();
  private readonly converted = new Map<string, Activ>();

  /**
   * @param file the model file, for errors
   * @param opset the default-domain opset version (Softmax's axis default changed at 13)
   * @param readers how many node inputs and graph outputs read each tensor
   */
  constructor(
    readonly file: string,
    readonly opset: number,
    private readonly readers: ReadonlyMap<string, number>,
  ) {}

  /** Fails with the one-line `unsupported-layer` error for a node. */
  unsupported(node: OnnxNode, detail?: string): never {
    fail('unsupported-layer', this.file, `node '${node.label}' (op ${node.op}) is not supported by hlsdse${detail ? `: ${detail}` : ''}`);
  }

  /** Fails with a `corrupt-file` error about a node. */
  corrupt(node: OnnxNode, detail: string): never {
    fail('corrupt-file', this.file, `node '${node.label}' (op ${node.op}): ${detail}`);
  }

  /** Adds a warning about a node. */
  warn(node: OnnxNode, message: string): void {
    this.warnings.push(`node '${node.label}' (op ${node.op}): ${message}`);
  }

  /** Reserves a layer name: `base`, or `base_1`, `base_2`, … when taken. */
  uniqueName(base: string): string {
    let name = base;
    for (let k = 1; this.names.has(name); k++) name = `${base}_${k}`;
    this.names.add(name);
    return name;
  }

  /** The constant a tensor holds, or undefined when it is an activation (or unknown). */
  constant(name: string): ConstVal | undefined {
    return this.consts.get(name);
  }

  /** Records a constant tensor. */
  setConst(name: string, value: ConstVal): void {
    this.consts.set(name, value);
  }

  /** The constant input `index` of a node; fails when it is missing or computed from activations. */
  requireConst(node: OnnxNode, index: number, what: string): ConstVal {
    const name = node.inputs[index];
    const c = name ? this.consts.get(name) : undefined;
    if (c) return c;
    if (name && this.activs.has(name)) this.unsupported(node, `its ${what} '${name}' is computed at run time, hlsdse needs a constant`);
    this.corrupt(node, `its ${what} input is missing`);
  }

  /** The activation a tensor holds; fails when it is a constant or nothing produced it yet. */
  activ(node: OnnxNode, index = 0): Activ {
    const name = node.inputs[index];
    const a = name ? this.activs.get(name) : undefined;
    if (a) return a;
    if (name && this.consts.has(name)) this.unsupported(node, `input '${name}' is a constant where hlsdse expects an activation`);
    this.corrupt(node, name ? `reads '${name}', which no earlier node or graph input produces` : `input ${index} is missing`);
  }

  /** The activation a tensor holds, if any. */
  lookup(tensor: string): Activ | undefined {
    return this.activs.get(tensor);
  }

  /** Number of node inputs and graph outputs that read a tensor. */
  readerCount(tensor: string): number {
    return this.readers.get(tensor) ?? 0;
  }

  /** Number of readers of an IR layer's output over every ONNX tensor that aliases it. */
  layerReads(layer: string): number {
    return this.reads.get(layer) ?? 0;
  }

  /** Makes `tensor` another name for an existing activation (Identity, a folded Transpose, a fused bias add). */
  alias(tensor: string, a: Activ): void {
    this.activs.set(tensor, a);
    this.reads.set(a.layer, this.layerReads(a.layer) - 1 + this.readerCount(tensor));
  }

  /** The spec of an emitted layer. */
  spec(layer: string): LayerSpec | undefined {
    return this.specs.find((s) => s.name === layer);
  }

  /** Replaces an emitted spec (to add a bias or a quantiser). */
  patch(layer: string, update: (s: LayerSpec) => LayerSpec): void {
    const i = this.specs.findIndex((s) => s.name === layer);
    if (i >= 0) this.specs[i] = update(this.specs[i]);
  }

  /** Appends a spec, infers its IR shape and returns the activation it produces (not yet bound to a tensor). */
  emit(spec: LayerSpec, layout: Layout, onnxShape?: readonly number[]): Activ {
    let out: Shape;
    try {
      out = inferShape(spec, spec.inputs.map((i) => this.shapes.get(i) ?? [])).outputShape;
    } catch (e) {
      fail('corrupt-file', this.file, `layer '${spec.name}' (${spec.sourceClass}): ${(e as Error).message}`);
    }
    this.specs.push(spec);
    this.shapes.set(spec.name, out);
    return { layer: spec.name, onnxShape: onnxShape ?? onnxShapeOf(out, layout), layout, irShape: out };
  }

  /** Binds an emitted activation to the ONNX tensor it computes. */
  bind(tensor: string, a: Activ): void {
    this.activs.set(tensor, a);
    this.reads.set(a.layer, this.readerCount(tensor));
  }

  /** The activation in `want` layout with exactly its IR shape, inserting a Reshape or Transpose layer if needed. */
  ensureLayout(a: Activ, want: Layout): Activ {
    const target = irShapeOf(a.onnxShape, want);
    if (a.layout === want && sameShape(a.irShape, target)) return a;
    const rank = a.onnxShape.length;
    if (sameOrder(a.onnxShape, irAxes(rank, a.layout), irAxes(rank, want))) {
      if (sameShape(a.irShape, target)) return { ...a, layout: want };
      return this.convert(a, want, 'reshape', { targetShape: target });
    }
    const exact = this.ensureLayout(a, a.layout);
    return this.convert(exact, want, 'transpose', { perm: permBetween(irAxes(rank, a.layout), irAxes(rank, want)) });
  }

  /** The activation with the element order of `want` (shape free up to unit axes), inserting a Transpose if needed. */
  ensureOrder(a: Activ, want: Layout): Activ {
    const rank = a.onnxShape.length;
    if (sameOrder(a.onnxShape, irAxes(rank, a.layout), irAxes(rank, want))) return { ...a, layout: want };
    return this.ensureLayout(a, want);
  }

  private convert(a: Activ, want: Layout, how: 'reshape' | 'transpose', attrs: Record<string, readonly number[]>): Activ {
    const key = [a.layer, a.layout, a.onnxShape.join('x'), want].join('|');
    const known = this.converted.get(key);
    if (known) return known;
    const kind = how === 'reshape' ? 'Reshape' : 'Transpose';
    const name = this.uniqueName(a.viewOf ?? `${a.layer}_${how}`);
    const out = this.emit({ name, kind, sourceClass: kind, inputs: [a.layer], attrs }, want, a.onnxShape);
    this.converted.set(key, out);
    return out;
  }
}
