// Layout-neutral and layout-sensitive tensor ops (element-wise, reductions, reshapes, matmul).

import { attrBool, attrFloat, attrInts, attrStrings } from './tf-graph.js';
import { applyActivation, type OpHandler } from './tf-ops-spatial.js';
import { broadcastShapes, nchwAxis, type Value } from './tf-values.js';

const BINARY: Record<string, string> = {
  Add: 'Add',
  AddV2: 'Add',
  BiasAdd: 'Add',
  Sub: 'Sub',
  Mul: 'Mul',
  RealDiv: 'Div',
  Div: 'Div',
  Maximum: 'Max',
  Minimum: 'Min',
  Pow: 'Pow',
};

export const binary: OpHandler = ({ b, values, node, inputs }) => {
  const [x, y] = inputs.map((r) => values.get(r));
  // TF's BiasAdd adds a [C] vector to the channel axis: the same as numpy broadcasting on NHWC.
  let layout: 'nchw' | 'plain';
  let names: string[];
  const onnxOp = BINARY[node.op];
  const is4dNchw = (v: Value) => v.layout === 'nchw';
  if (x.constant && y.constant)
    throw new Error(`${node.name}: constant folding is not implemented`);
  if (x.constant || y.constant) {
    const tensor = x.constant ? y : x;
    layout =
      tensor.layout === 'nchw' && (x.constant ?? y.constant)!.shape.length <= 4 ? 'nchw' : 'plain';
    if (onnxOp === 'Mul' && layout === 'nchw') {
      // k·x · c = x · (k·c): fold a pending scale into the constant.
      const { name, scale } = values.nchwScaled(tensor, node.name);
      const cName = values.constantFor(x.constant ? x : y, layout, `${node.name}/const`, scale);
      names = x.constant ? [cName, name] : [name, cName];
    } else {
      const tName =
        layout === 'nchw' ? values.nchw(tensor, node.name) : values.plain(tensor, node.name);
      const cName = values.constantFor(x.constant ? x : y, layout, `${node.name}/const`);
      names = x.constant ? [cName, tName] : [tName, cName];
    }
  } else if (onnxOp === 'Mul' && is4dNchw(x) && is4dNchw(y)) {
    // (k·x)(m·y) = km·(xy): the product carries both pending scales on.
    const a = values.nchwScaled(x, node.name);
    const c = values.nchwScaled(y, node.name);
    return {
      shape: broadcastShapes(x.shape, y.shape),
      layout: 'nchw',
      onnx: b.node('Mul', [a.name, c.name]),
      scale: a.scale * c.scale,
    };
  } else if (is4dNchw(x) && is4dNchw(y)) {
    layout = 'nchw';
    names = [values.nchw(x, node.name), values.nchw(y, node.name)];
  } else if ((is4dNchw(x) || is4dNchw(y)) && x.shape.length === 4 && y.shape.length === 4) {
    layout = 'nchw';
    names = [values.nchw(x, node.name), values.nchw(y, node.name)];
  } else {
    layout = 'plain';
    names = [values.plain(x, node.name), values.plain(y, node.name)];
  }
  return { shape: broadcastShapes(x.shape, y.shape), layout, onnx: b.node(onnxOp, names) };
};

export const binaryOps = Object.keys(BINARY);

const UNARY: Record<string, string> = {
  Relu: 'Relu',
  Sigmoid: 'Sigmoid',
  Tanh: 'Tanh',
  Elu: 'Elu',
  Neg: 'Neg',
  Exp: 'Exp',
  Log: 'Log',
  Sqrt: 'Sqrt',
  Abs: 'Abs',
  Floor: 'Floor',
};

export const unary: OpHandler = ({ b, values, node, inputs }) => {
  const x = values.get(inputs[0]);
  const name = x.layout === 'nchw' ? values.nchw(x, node.name) : values.plain(x, node.name);
  let out: string;
  if (node.op === 'Relu6' || node.op === 'LeakyRelu') out = applyActivation(b, name, node.op, node);
  else if (node.op === 'Rsqrt') out = b.node('Reciprocal', [b.node('Sqrt', [name])]);
  else if (node.op === 'Square') out = b.node('Mul', [name, name]);
  else out = b.node(UNARY[node.op], [name]);
  return { shape: x.shape, layout: x.layout, onnx: out };
};

export const unaryOps = [...Object.keys(UNARY), 'Relu6', 'LeakyRelu', 'Rsqrt', 'Square'];

export const identity: OpHandler = ({ values, inputs }) => values.get(inputs[0]);

const REDUCE: Record<string, string> = {
  Mean: 'ReduceMean',
  Max: 'ReduceMax',
  Min: 'ReduceMin',
  Prod: 'ReduceProd',
};

export const reduce: OpHandler = ({ b, values, node, inputs }) => {
  const x = values.get(inputs[0]);
  const rank = x.shape.length;
  const axes = Array.from(values.constantOf(inputs[1], node.name).data).map((a) =>
    a < 0 ? a + rank : a,
  );
  const keep = attrBool(node, 'keep_dims');
  // Keeping dims preserves rank, so an NCHW value can stay NCHW; otherwise reduce the plain one.
  const stayNchw = keep && x.layout === 'nchw';
  // mean/max/min of k·x is k times that of x (k > 0); a product is not, so Prod unscales first.
  const linear = stayNchw && node.op !== 'Prod';
  const { name: input, scale } = linear
    ? values.nchwScaled(x, node.name)
    : { name: stayNchw ? values.nchw(x, node.name) : values.plain(x, node.name), scale: 1 };
  const physAxes = stayNchw ? axes.map((a) => nchwAxis(a)) : axes;
  const out = b.node(REDUCE[node.op], [input], { axes: physAxes, keepdims: keep ? 1 : 0 });
  const shape = keep
    ? x.shape.map((d, i) => (axes.includes(i) ? 1 : d))
    : x.shape.filter((_, i) => !axes.includes(i));
  return { shape, layout: stayNchw ? 'nchw' : 'plain', onnx: out, scale };
};

export const reduceOps = Object.keys(REDUCE);

export const concat: OpHandler = ({ b, values, node, inputs }) => {
  const parts = inputs.slice(0, -1).map((r) => values.get(r));
  const rank = parts[0].shape.length;
  let axis = Number(values.constantOf(inputs[inputs.length - 1], node.name).data[0]);
  if (axis < 0) axis += rank;
  const nchw = rank === 4 && parts.some((p) => p.layout === 'nchw');
  const names = parts.map((p, i) =>
    p.constant
      ? nchw
        ? values.nchw(p, `${node.name}/c${i}`)
        : values.constantFor(p, 'plain', `${node.name}/c${i}`)
      : nchw
        ? values.nchw(p, node.name)
        : values.plain(p, node.name),
  );
  const shape = [...parts[0].shape];
  shape[axis] = parts.reduce((s, p) => s + p.shape[axis], 0);
  const out = b.node('Concat', names, { axis: nchw ? nchwAxis(axis) : axis });
  return { shape, layout: nchw ? 'nchw' : 'plain', onnx: out };
};

export const reshape: OpHandler = ({ b, values, node, inputs }) => {
  const x = values.get(inputs[0]);
  const target = Array.from(values.constantOf(inputs[1], node.name).data);
  const total = x.shape.reduce((a, d) => a * d, 1);
  const known = target.filter((d) => d !== -1).reduce((a, d) => a * d, 1);
  const shape = target.map((d) => (d === -1 ? total / known : d));
  const out = b.node('Reshape', [
    values.plain(x, node.name),
    b.initInt64(`${node.name}/shape`, target),
  ]);
  return { shape, layout: 'plain', onnx: out };
};

export const squeeze: OpHandler = ({ b, values, node, inputs }) => {
  const x = values.get(inputs[0]);
  const dims =
    attrInts(node, 'squeeze_dims') ??
    x.shape.map((d, i) => (d === 1 ? i : -1)).filter((i) => i >= 0);
  const axes = dims.map((a) => (a < 0 ? a + x.shape.length : a));
  const out = b.node('Squeeze', [
    values.plain(x, node.name),
    b.initInt64(`${node.name}/axes`, axes),
  ]);
  return { shape: x.shape.filter((_, i) => !axes.includes(i)), layout: 'plain', onnx: out };
};

export const expandDims: OpHandler = ({ b, values, node, inputs }) => {
  const x = values.get(inputs[0]);
  let axis = Number(values.constantOf(inputs[1], node.name).data[0]);
  if (axis < 0) axis += x.shape.length + 1;
  const out = b.node('Unsqueeze', [
    values.plain(x, node.name),
    b.initInt64(`${node.name}/axes`, [axis]),
  ]);
  const shape = [...x.shape];
  shape.splice(axis, 0, 1);
  return { shape, layout: 'plain', onnx: out };
};

export const transpose: OpHandler = ({ b, values, node, inputs }) => {
  const x = values.get(inputs[0]);
  const perm = Array.from(values.constantOf(inputs[1], node.name).data);
  const out = b.node('Transpose', [values.plain(x, node.name)], { perm });
  return { shape: perm.map((p) => x.shape[p]), layout: 'plain', onnx: out };
};

export const softmax: OpHandler = ({ b, values, node, inputs }) => {
  const x = values.get(inputs[0]);
  // TF's Softmax works on the last logical axis; for NCHW values that is physical axis 1.
  const nchw = x.layout === 'nchw';
  const out = b.node('Softmax', [nchw ? values.nchw(x, node.name) : values.plain(x, node.name)], {
    axis: nchw ? 1 : -1,
  });
  return { shape: x.shape, layout: x.layout, onnx: out };
};

export const matmul: OpHandler = ({ b, values, node, inputs }) => {
  const [x, y] = inputs.slice(0, 2).map((r) => values.get(r));
  if (x.shape.length !== 2 || y.shape.length !== 2)
    throw new Error(`${node.name}: only 2-D MatMul is supported`);
  const ta = attrBool(node, 'transpose_a');
  const tb = attrBool(node, 'transpose_b');
  let a = x.constant
    ? values.constantFor(x, 'plain', `${node.name}/A`)
    : values.plain(x, node.name);
  let bb = y.constant
    ? values.constantFor(y, 'plain', `${node.name}/B`)
    : values.plain(y, node.name);
  if (ta) a = b.node('Transpose', [a], { perm: [1, 0] });
  if (tb) bb = b.node('Transpose', [bb], { perm: [1, 0] });
  let out = b.node('MatMul', [a, bb]);
  const shape = [ta ? x.shape[1] : x.shape[0], tb ? y.shape[0] : y.shape[1]];
  const fused = node.op === '_FusedMatMul' ? attrStrings(node, 'fused_ops') : [];
  if (fused.length > 0) {
    if (fused[0] !== 'BiasAdd')
      throw new Error(`${node.name}: unsupported fused_ops ${fused.join('+')}`);
    out = b.node('Add', [
      out,
      values.constantFor(values.get(inputs[2]), 'plain', `${node.name}/bias`),
    ]);
    if (fused[1]) out = applyActivation(b, out, fused[1], node);
  }
  return { shape, layout: 'plain', onnx: out };
};

export const addN: OpHandler = ({ b, values, node, inputs }) => {
  const parts = inputs.map((r) => values.get(r));
  const nchw = parts.every((p) => p.layout === 'nchw');
  const names = parts.map((p) => (nchw ? values.nchw(p, node.name) : values.plain(p, node.name)));
  return { shape: parts[0].shape, layout: nchw ? 'nchw' : 'plain', onnx: b.node('Sum', names) };
};

/** Synthetic node from tf-fusions: scale · x · HardSigmoid(x) (= scale · hard-swish, opset 13). */
export const hardSwish: OpHandler = ({ b, values, node, inputs }) => {
  const x = values.get(inputs[0]);
  const name = x.layout === 'nchw' ? values.nchw(x, node.name) : values.plain(x, node.name);
  const gate = b.node('HardSigmoid', [name], { alpha: { float: 1 / 6 }, beta: { float: 0.5 } });
  // The factor stays pending and is folded into the next convolution (see [Note: hard-swish]).
  return {
    shape: x.shape,
    layout: x.layout,
    onnx: b.node('Mul', [name, gate]),
    scale: attrFloat(node, 'scale') ?? 1,
  };
};
