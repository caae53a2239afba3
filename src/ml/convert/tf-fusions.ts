// Pattern rewrites on the TF graph before conversion.
//
// [Note: hard-swish] MobileNetV3 writes hard-swish as four element-wise ops:
//   Mul(c, x), Add(x, 3), Relu6, Mul  =  c · x · relu6(x + 3)
// with c = float16(1/6) = 0.16662598. Since relu6(x + 3) / 6 = clip(x/6 + 1/2, 0, 1) =
// HardSigmoid(x), this is exactly (6c) · x · HardSigmoid(x): two ops instead of four (all opset 13),
// and the constant 6c ≠ 1 is not multiplied in but carried as a pending scale into the next
// convolution's weights (tf-values.ts). On CenterNet this cut onnxruntime time by ~20 % with
// outputs equal to the unfused graph within 1.4e-6.

import { parseInputRef, type TfNode } from './tf-graph.js';
import type { WeightMap } from './tfjs-weights.js';

export const HARD_SWISH_OP = '_PictoHardSwish';

function scalarConst(
  nodes: Map<string, TfNode>,
  weights: WeightMap,
  ref: string,
): number | undefined {
  const n = nodes.get(parseInputRef(ref)!.node);
  if (n?.op !== 'Const') return undefined;
  const w = weights.get(n.name);
  return w && w.data.length === 1 ? Number(w.data[0]) : undefined;
}

/**
 * Returns a copy of `nodes` in which every hard-swish pattern is replaced by one synthetic node
 * `{ op: HARD_SWISH_OP, input: [x], attr: { scale } }` named like the final Mul, so consumers
 * keep their references. The pattern's inner nodes become unreachable and are never converted.
 */
export function fuseHardSwish(
  nodes: Map<string, TfNode>,
  weights: WeightMap,
): { nodes: Map<string, TfNode>; fused: number } {
  const out = new Map(nodes);
  let fused = 0;
  for (const node of nodes.values()) {
    if (node.op !== 'Mul' || (node.input ?? []).length !== 2) continue;
    const [p, q] = node.input!.map((r) => nodes.get(parseInputRef(r)!.node));
    for (const [scaled, relu6] of [
      [p, q],
      [q, p],
    ]) {
      if (scaled?.op !== 'Mul' || relu6?.op !== 'Relu6') continue;
      const add = nodes.get(parseInputRef(relu6.input![0])!.node);
      if (add?.op !== 'Add' && add?.op !== 'AddV2') continue;
      // add = x + 3 (either operand order); scaled = c · x (either order)
      const [a0, a1] = add.input!;
      const x =
        scalarConst(nodes, weights, a1) === 3
          ? a0
          : scalarConst(nodes, weights, a0) === 3
            ? a1
            : undefined;
      if (!x) continue;
      const [s0, s1] = scaled.input!;
      const c =
        s1 === x
          ? scalarConst(nodes, weights, s0)
          : s0 === x
            ? scalarConst(nodes, weights, s1)
            : undefined;
      if (c === undefined) continue;
      out.set(node.name, {
        name: node.name,
        op: HARD_SWISH_OP,
        input: [x],
        attr: { scale: { f: 6 * c } },
      });
      fused++;
      break;
    }
  }
  return { nodes: out, fused };
}
