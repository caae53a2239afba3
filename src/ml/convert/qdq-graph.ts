// Static int8 quantisation of a float ONNX model in the QDQ form: QuantizeLinear → DequantizeLinear
// pairs on activations and DequantizeLinear on int8 weights, which onnxruntime's graph optimiser
// fuses into integer kernels (QLinearConv and friends) at session creation. The arithmetic is in
// qdq-math.ts ([Note: int8 scheme]); this file decides where the pairs go and rewrites the graph.
//
// [Note: where QDQ goes] Convolutions carry nearly all the compute, so quantisation is placed for
// them: every convolution's data input is quantised, and so is its output — after its ReLU/Clip
// when one follows (onnxruntime then folds the activation into the quantiser: ReLU is exactly
// "clamp at the zero point"), so the optimiser sees DQ → Conv → Q and makes one QLinearConv.
// Convolutions whose result reaches a graph output without passing another convolution (the
// detection heads) keep a float output: their values are what post-processing thresholds, and
// 256 levels per tensor would show up directly as score steps. Everything between convolutions
// (hard-swish, squeeze-excite gates, residual adds, resizes, concats) runs in float on
// dequantised values.

import onnxProto from 'onnx-proto';
import type { onnx as OnnxTypes } from 'onnx-proto';
import { activationParams, quantizeBias, quantizeWeights } from './qdq-math.js';

const { onnx } = onnxProto;
type Node = OnnxTypes.INodeProto;
type Tensor = OnnxTypes.ITensorProto;

const FLOAT = 1;
const UINT8 = 2;
const INT8 = 3;
const INT32 = 6;

export type TensorRanges = Record<string, [number, number]>;

export interface QuantizeOptions {
  /** Node names kept entirely in float (their inputs and outputs are not quantised for them). */
  keepFloat?: string[];
  /** Quantise head convolutions' outputs too (default false: see [Note: where QDQ goes]). */
  quantizeHeads?: boolean;
}

function floatsOf(t: Tensor): Float32Array {
  if (t.dataType !== FLOAT) throw new Error(`initializer ${t.name} is not float`);
  if (t.rawData && t.rawData.length > 0) {
    const raw = t.rawData;
    return new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
  }
  return Float32Array.from(t.floatData ?? []);
}

const bytesOf = (a: Int8Array | Int32Array | Float32Array | Uint8Array) =>
  new Uint8Array(a.buffer.slice(a.byteOffset, a.byteOffset + a.byteLength));

function tensor(name: string, dataType: number, dims: number[], data: Uint8Array): Tensor {
  return { name, dataType, dims, rawData: data };
}

const isActivation = (op: string | null | undefined) => op === 'Relu' || op === 'Clip';

interface GraphIndex {
  inits: Map<string, Tensor>;
  producer: Map<string, Node>;
  consumers: Map<string, Node[]>;
  outputs: Set<string>;
}

function indexGraph(g: OnnxTypes.IGraphProto): GraphIndex {
  const inits = new Map((g.initializer ?? []).map((t) => [t.name!, t]));
  const producer = new Map<string, Node>();
  const consumers = new Map<string, Node[]>();
  for (const n of g.node ?? []) {
    for (const o of n.output ?? []) producer.set(o, n);
    for (const i of n.input ?? []) {
      if (!i) continue;
      const list = consumers.get(i) ?? [];
      list.push(n);
      consumers.set(i, list);
    }
  }
  return { inits, producer, consumers, outputs: new Set((g.output ?? []).map((o) => o.name!)) };
}

/** Tensors that reach a graph output without passing through another convolution. */
function headTensors(g: OnnxTypes.IGraphProto, ix: GraphIndex): Set<string> {
  const heads = new Set<string>();
  const stack = [...ix.outputs];
  while (stack.length) {
    const t = stack.pop()!;
    if (heads.has(t)) continue;
    heads.add(t);
    const p = ix.producer.get(t);
    if (!p || p.opType === 'Conv') continue;
    for (const i of p.input ?? []) if (i && !ix.inits.has(i)) stack.push(i);
  }
  return heads;
}

/**
 * The activation tensors to quantise, in graph order (also what calibration must measure). See
 * [Note: where QDQ goes].
 */
export function tensorsToQuantize(modelBytes: Uint8Array, opts: QuantizeOptions = {}): string[] {
  const g = onnx.ModelProto.decode(modelBytes).graph!;
  return chooseTensors(g, indexGraph(g), opts);
}

function chooseTensors(g: OnnxTypes.IGraphProto, ix: GraphIndex, opts: QuantizeOptions): string[] {
  const keep = new Set(opts.keepFloat ?? []);
  const heads = opts.quantizeHeads ? new Set<string>() : headTensors(g, ix);
  const chosen = new Set<string>();
  for (const n of g.node ?? []) {
    if (n.opType !== 'Conv' || keep.has(n.name!)) continue;
    const x = n.input![0];
    if (!ix.inits.has(x)) chosen.add(x);
    const y = n.output![0];
    if (heads.has(y)) continue;
    const next = ix.consumers.get(y) ?? [];
    const act = next.length === 1 && isActivation(next[0].opType) ? next[0] : null;
    if (act && !keep.has(act.name!)) chosen.add(act.output![0]);
    else chosen.add(y);
  }
  // Graph order: graph inputs first, then node outputs as they are produced.
  const order = [
    ...(g.input ?? []).map((i) => i.name!),
    ...(g.node ?? []).flatMap((n) => n.output ?? []),
  ];
  return order.filter((t) => chosen.has(t));
}

/** The model with extra float graph outputs, so a calibration run can read those tensors. */
export function withTensorOutputs(modelBytes: Uint8Array, tensors: string[]): Uint8Array {
  const model = onnx.ModelProto.decode(modelBytes);
  const g = model.graph!;
  const have = new Set((g.output ?? []).map((o) => o.name));
  for (const t of tensors) {
    if (have.has(t)) continue;
    g.output!.push({ name: t, type: { tensorType: { elemType: FLOAT } } });
  }
  return onnx.ModelProto.encode(model).finish();
}

/**
 * The QDQ model: every tensor of `ranges` quantised to uint8, the weights (and biases) of every
 * convolution whose input is quantised stored as int8 (int32). Deterministic for given inputs.
 */
export function quantizeModel(
  modelBytes: Uint8Array,
  ranges: TensorRanges,
  opts: QuantizeOptions = {},
): Uint8Array {
  const model = onnx.ModelProto.decode(modelBytes);
  const g = model.graph!;
  const ix = indexGraph(g);
  const targets = chooseTensors(g, ix, opts);
  const missing = targets.filter((t) => !ranges[t]);
  if (missing.length) throw new Error(`no calibrated range for ${missing.slice(0, 5).join(', ')}…`);
  const params = new Map(targets.map((t) => [t, activationParams(...ranges[t])]));
  const keep = new Set(opts.keepFloat ?? []);
  const newInits: Tensor[] = [];
  const nodes: Node[] = [];
  const dq = (t: string) => (params.has(t) ? `${t}__dq` : t);

  const quantizePair = (t: string) => {
    const p = params.get(t)!;
    newInits.push(tensor(`${t}__scale`, FLOAT, [], bytesOf(Float32Array.of(p.scale))));
    newInits.push(tensor(`${t}__zp`, UINT8, [], Uint8Array.of(p.zeroPoint)));
    nodes.push(
      {
        opType: 'QuantizeLinear',
        name: `${t}__Q`,
        input: [t, `${t}__scale`, `${t}__zp`],
        output: [`${t}__q`],
      },
      {
        opType: 'DequantizeLinear',
        name: `${t}__DQ`,
        input: [`${t}__q`, `${t}__scale`, `${t}__zp`],
        output: [`${t}__dq`],
      },
    );
  };

  for (const i of g.input ?? []) if (params.has(i.name!)) quantizePair(i.name!);
  const replaced = new Set<string>();
  for (const n of g.node ?? []) {
    const inputs = [...(n.input ?? [])];
    if (n.opType === 'Conv' && !keep.has(n.name!) && params.has(inputs[0])) {
      const w = ix.inits.get(inputs[1]);
      if (w && w.dataType === FLOAT) {
        const channels = Number(w.dims![0]);
        const qw = quantizeWeights(floatsOf(w), channels);
        const name = inputs[1];
        newInits.push(tensor(`${name}__q`, INT8, w.dims!.map(Number), bytesOf(qw.values)));
        newInits.push(tensor(`${name}__scale`, FLOAT, [channels], bytesOf(qw.scales)));
        newInits.push(tensor(`${name}__zp`, INT8, [channels], new Uint8Array(channels)));
        nodes.push({
          opType: 'DequantizeLinear',
          name: `${name}__DQ`,
          input: [`${name}__q`, `${name}__scale`, `${name}__zp`],
          output: [`${name}__dq`],
          attribute: [{ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 0 }],
        });
        replaced.add(name);
        inputs[1] = `${name}__dq`;
        const b = inputs[2] ? ix.inits.get(inputs[2]) : undefined;
        if (b && b.dataType === FLOAT) {
          const qb = quantizeBias(floatsOf(b), params.get(inputs[0])!.scale, qw.scales);
          const bn = inputs[2];
          newInits.push(tensor(`${bn}__q`, INT32, [channels], bytesOf(qb.values)));
          newInits.push(tensor(`${bn}__scale`, FLOAT, [channels], bytesOf(qb.scales)));
          newInits.push(tensor(`${bn}__zp`, INT32, [channels], new Uint8Array(4 * channels)));
          nodes.push({
            opType: 'DequantizeLinear',
            name: `${bn}__DQ`,
            input: [`${bn}__q`, `${bn}__scale`, `${bn}__zp`],
            output: [`${bn}__dq`],
            attribute: [{ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 0 }],
          });
          replaced.add(bn);
          inputs[2] = `${bn}__dq`;
        }
      }
    }
    nodes.push({ ...n, input: inputs.map((i, k) => (k === 0 || n.opType !== 'Conv' ? dq(i) : i)) });
    for (const o of n.output ?? []) if (params.has(o)) quantizePair(o);
  }
  // Graph outputs stay the float tensors themselves (consumers inside read the DQ copies).
  g.node = nodes;
  const unused = (t: Tensor) => replaced.has(t.name!) && !stillUsed(t.name!, nodes);
  g.initializer = [...(g.initializer ?? []).filter((t) => !unused(t)), ...newInits];
  return onnx.ModelProto.encode(model).finish();
}

function stillUsed(name: string, nodes: Node[]): boolean {
  return nodes.some((n) => (n.input ?? []).includes(name));
}
