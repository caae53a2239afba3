// TFJS graph model → ONNX (opset 13). Walks only the sub-graph that feeds the requested outputs,
// so a model can be cut at its heads (CenterNet: heatmap + sizes, no in-graph TopK decode).

import { OnnxGraphBuilder } from './onnx-builder.js';
import {
  attrShape,
  parseInputRef,
  reachableInOrder,
  type TfGraphModel,
  type TfNode,
} from './tf-graph.js';
import { fuseHardSwish, HARD_SWISH_OP } from './tf-fusions.js';
import { convolution, pad, pooling, resize, type OpHandler } from './tf-ops-spatial.js';
import {
  addN,
  binary,
  hardSwish,
  binaryOps,
  concat,
  expandDims,
  identity,
  matmul,
  reduce,
  reduceOps,
  reshape,
  softmax,
  squeeze,
  transpose,
  unary,
  unaryOps,
} from './tf-ops-tensor.js';
import { physicalShape, ValueStore, type Value } from './tf-values.js';

const HANDLERS: Record<string, OpHandler> = {
  Conv2D: convolution,
  _FusedConv2D: convolution,
  DepthwiseConv2dNative: convolution,
  FusedDepthwiseConv2dNative: convolution,
  MaxPool: pooling,
  AvgPool: pooling,
  ResizeBilinear: resize,
  ResizeNearestNeighbor: resize,
  Pad: pad,
  PadV2: pad,
  MirrorPad: pad,
  Identity: identity,
  StopGradient: identity,
  ConcatV2: concat,
  Reshape: reshape,
  Squeeze: squeeze,
  ExpandDims: expandDims,
  Transpose: transpose,
  Softmax: softmax,
  MatMul: matmul,
  _FusedMatMul: matmul,
  AddN: addN,
  [HARD_SWISH_OP]: hardSwish,
  ...Object.fromEntries(binaryOps.map((op) => [op, binary])),
  ...Object.fromEntries(unaryOps.map((op) => [op, unary])),
  ...Object.fromEntries(reduceOps.map((op) => [op, reduce])),
};

export interface OutputSpec {
  /** TF node (optionally ":index") to export. */
  tf: string;
  /** ONNX output name. */
  name: string;
  /** Physical layout of a 4-D output; ignored for other ranks. */
  layout: 'nchw' | 'nhwc';
}

export interface ConvertOptions {
  /** ONNX input name; the model's single Placeholder is fed through it. */
  inputName: string;
  /** Physical layout of the (4-D) input tensor. */
  inputLayout: 'nchw' | 'nhwc';
  outputs: OutputSpec[];
  graphName: string;
  metadata?: Record<string, string>;
  /** Rewrite MobileNetV3 hard-swish chains into HardSwish (see [Note: hard-swish]). */
  fuseHardSwish?: boolean;
}

export interface ConvertedModel {
  bytes: Uint8Array;
  input: { name: string; dims: number[] };
  outputs: { name: string; dims: number[] }[];
  /** Ops seen in the converted sub-graph, with counts (reported by provisioning). */
  ops: Record<string, number>;
}

export function convertTfGraph(model: TfGraphModel, opts: ConvertOptions): ConvertedModel {
  const b = new OnnxGraphBuilder(opts.graphName);
  const values = new ValueStore(b);
  const nodes = opts.fuseHardSwish ? fuseHardSwish(model.nodes, model.weights).nodes : model.nodes;
  const order = reachableInOrder(
    nodes,
    opts.outputs.map((o) => parseInputRef(o.tf)!.node),
  );
  const ops: Record<string, number> = {};
  let input: ConvertedModel['input'] | undefined;

  for (const node of order) {
    ops[node.op] = (ops[node.op] ?? 0) + 1;
    if (node.op === 'Const') {
      values.set(node.name, constValue(model, node));
      continue;
    }
    if (node.op === 'Placeholder') {
      if (input)
        throw new Error(`more than one Placeholder (${input.name}, ${node.name}) is not supported`);
      const shape = (attrShape(node, 'shape') ?? []).map((d) => (d < 0 ? 1 : d));
      if (shape.length !== 4)
        throw new Error(`Placeholder ${node.name} must be 4-D, got [${shape.join(',')}]`);
      const v: Value = { shape, layout: opts.inputLayout === 'nchw' ? 'nchw' : 'plain' };
      const dims = physicalShape(v);
      v.onnx = b.input(opts.inputName, dims);
      input = { name: opts.inputName, dims };
      values.set(node.name, v);
      continue;
    }
    const handler = HANDLERS[node.op];
    if (!handler) throw new Error(`TF op ${node.op} (node ${node.name}) has no ONNX mapping`);
    const inputs = (node.input ?? [])
      .filter((r) => !r.startsWith('^'))
      .map((r) => {
        const ref = parseInputRef(r)!;
        return ref.index === 0 ? ref.node : `${ref.node}:${ref.index}`;
      });
    values.set(node.name, handler({ b, values, node, inputs }));
  }
  if (!input) throw new Error('the requested outputs do not depend on any Placeholder');

  const outputs = opts.outputs.map((o) => {
    const v = values.get(o.tf);
    let name: string;
    let dims: number[];
    if (v.shape.length === 4 && o.layout === 'nchw') {
      name = values.nchw(v, o.name);
      dims = physicalShape({ ...v, layout: 'nchw' });
    } else {
      name = values.plain(v, o.name);
      dims = v.shape;
    }
    b.node('Identity', [name], {}, [o.name]);
    b.output(o.name, dims);
    return { name: o.name, dims };
  });

  const { bytes } = b.build(opts.metadata ?? {});
  return { bytes, input, outputs, ops };
}

function constValue(model: TfGraphModel, node: TfNode): Value {
  const w = model.weights.get(node.name);
  if (!w) throw new Error(`Const ${node.name} has no entry in the weights manifest`);
  return { shape: w.shape, layout: 'plain', constant: w };
}
