// Values flowing through the TF → ONNX conversion, and the layout bookkeeping around them.
//
// [Note: layout] TensorFlow graphs are NHWC; ONNX Conv/Pool/Resize are NCHW. Instead of wrapping
// every convolution in a pair of Transposes, each 4-D value remembers whether its ONNX tensor is
// physically NCHW while `shape` always stays the *logical* TF (NHWC) shape. Layout-neutral ops
// (element-wise, activations) pass the layout through; ops that care (Reshape, ops on plain
// tensors) ask for `plain()` and get one Transpose, cached per value. Constants meeting an NCHW
// value are permuted at conversion time, so a whole MobileNet runs with no Transpose at all.

import type { OnnxGraphBuilder } from './onnx-builder.js';
import type { NamedTensor } from './tfjs-weights.js';

export type Layout = 'nchw' | 'plain';

export interface Value {
  /** Logical TensorFlow shape (NHWC for images). */
  shape: number[];
  layout: Layout;
  /**
   * Pending positive factor: the TF value is `scale ×` the ONNX tensor. Set by fused hard-swish
   * (see [Note: hard-swish]) and carried through linear ops until a convolution absorbs it into
   * its weights; ops that are not linear in their input get it multiplied in first.
   */
  scale?: number;
  /** Cached ONNX name with the pending scale applied. */
  unscaled?: string;
  /** ONNX value name; undefined for constants not materialised yet. */
  onnx?: string;
  /** Compile-time contents, in TF layout. */
  constant?: NamedTensor;
  /** Cached conversions to the other layout. */
  asPlain?: string;
  asNchw?: string;
}

export const NHWC_TO_NCHW = [0, 3, 1, 2];
export const NCHW_TO_NHWC = [0, 2, 3, 1];

/** Physical ONNX axis of logical NHWC axis `axis` when the value is held as NCHW. */
export function nchwAxis(axis: number, rank = 4): number {
  const a = axis < 0 ? axis + rank : axis;
  return NHWC_TO_NCHW.indexOf(a);
}

export const physicalShape = (v: Value): number[] =>
  v.layout === 'nchw' ? NHWC_TO_NCHW.map((i) => v.shape[i]) : v.shape;

/** Generic N-d transpose of a dense row-major array: out[idx] = in[idx permuted]. */
export function transposeArray<T extends Float32Array | Int32Array>(
  data: T,
  shape: number[],
  perm: number[],
): T {
  const rank = shape.length;
  const outShape = perm.map((p) => shape[p]);
  const inStrides = new Array<number>(rank);
  let s = 1;
  for (let i = rank - 1; i >= 0; i--) {
    inStrides[i] = s;
    s *= shape[i];
  }
  const out = new (data.constructor as new (n: number) => T)(data.length);
  const idx = new Array<number>(rank).fill(0);
  const permStrides = perm.map((p) => inStrides[p]);
  for (let o = 0; o < data.length; o++) {
    let src = 0;
    for (let d = 0; d < rank; d++) src += idx[d] * permStrides[d];
    out[o] = data[src];
    for (let d = rank - 1; d >= 0; d--) {
      if (++idx[d] < outShape[d]) break;
      idx[d] = 0;
    }
  }
  return out;
}

export class ValueStore {
  private readonly values = new Map<string, Value>();

  constructor(private readonly b: OnnxGraphBuilder) {}

  set(ref: string, v: Value): void {
    this.values.set(ref, v);
  }

  get(ref: string): Value {
    const v = this.values.get(ref);
    if (!v) throw new Error(`no converted value for ${ref}`);
    return v;
  }

  /** Compile-time constant contents, or a clear error naming the op that needed one. */
  constantOf(ref: string, why: string): NamedTensor {
    const c = this.get(ref).constant;
    if (!c) throw new Error(`${why}: input ${ref} must be a constant`);
    return c;
  }

  /** ONNX name of the value in its own layout, with any pending scale multiplied in. */
  private base(v: Value, hint: string): string {
    const name = this.materialise(v, hint);
    if (v.scale === undefined || v.scale === 1) return name;
    v.unscaled ??= this.b.node('Mul', [
      name,
      this.b.initFloat(`${hint}/scale`, [], new Float32Array([v.scale])),
    ]);
    return v.unscaled;
  }

  /** ONNX name of the value in plain (logical) layout. */
  plain(v: Value, hint: string): string {
    if (v.layout === 'plain') return this.base(v, hint);
    v.asPlain ??= this.b.node('Transpose', [this.base(v, hint)], { perm: NCHW_TO_NHWC });
    return v.asPlain;
  }

  /** ONNX name of a 4-D value held as NCHW. */
  nchw(v: Value, hint: string): string {
    if (v.layout === 'nchw') return this.base(v, hint);
    if (v.shape.length !== 4)
      throw new Error(`${hint}: expected a 4-D tensor, got shape [${v.shape.join(',')}]`);
    if (v.constant) {
      if (!v.asNchw) {
        const data = transposeArray(v.constant.data as Float32Array, v.shape, NHWC_TO_NCHW);
        v.asNchw = this.b.initFloat(hint, physicalShape({ ...v, layout: 'nchw' }), data);
      }
      return v.asNchw;
    }
    v.asNchw ??= this.b.node('Transpose', [this.base(v, hint)], { perm: NHWC_TO_NCHW });
    return v.asNchw;
  }

  /**
   * For ops linear in this input: the NCHW ONNX name *without* the pending scale, and the scale
   * the op must account for. Values not already NCHW come back unscaled (scale 1).
   */
  nchwScaled(v: Value, hint: string): { name: string; scale: number } {
    if (v.layout === 'nchw' && !v.constant) return { name: v.onnx!, scale: v.scale ?? 1 };
    return { name: this.nchw(v, hint), scale: 1 };
  }

  /**
   * ONNX name of a constant used as an operand next to a value in layout `partner`. A constant
   * broadcasting against an NCHW tensor is padded to rank 4 (numpy rules align trailing axes)
   * and permuted, e.g. a per-channel [C] vector becomes [1,C,1,1].
   */
  constantFor(v: Value, partner: Layout, hint: string, multiplier = 1): string {
    const c = v.constant!;
    if (c.dtype !== 'float32')
      throw new Error(`${hint}: integer constants as data are not supported`);
    const src = c.data as Float32Array;
    const scaled = multiplier === 1 ? src : src.map((x) => x * multiplier);
    if (partner === 'plain' || c.shape.length === 0) {
      return multiplier === 1 ? this.materialise(v, hint) : this.b.initFloat(hint, c.shape, scaled);
    }
    if (c.shape.length > 4)
      throw new Error(`${hint}: constant of rank ${c.shape.length} next to a 4-D tensor`);
    const padded = [...new Array<number>(4 - c.shape.length).fill(1), ...c.shape];
    const data = transposeArray(scaled, padded, NHWC_TO_NCHW);
    return this.b.initFloat(
      hint,
      NHWC_TO_NCHW.map((i) => padded[i]),
      data,
    );
  }

  private materialise(v: Value, hint: string): string {
    if (v.onnx) return v.onnx;
    const c = v.constant;
    if (!c) throw new Error(`${hint}: value has neither an ONNX name nor constant contents`);
    if (c.dtype !== 'float32')
      throw new Error(`${hint}: integer constants as data are not supported`);
    v.onnx = this.b.initFloat(hint, c.shape, c.data as Float32Array);
    return v.onnx;
  }
}

/** Numpy-style broadcast of two logical shapes. */
export function broadcastShapes(a: number[], b: number[]): number[] {
  const rank = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < rank; i++) {
    const x = a[a.length - rank + i] ?? 1;
    const y = b[b.length - rank + i] ?? 1;
    if (x !== y && x !== 1 && y !== 1)
      throw new Error(`shapes [${a.join(',')}] and [${b.join(',')}] do not broadcast`);
    out.push(x === 1 ? y : x);
  }
  return out;
}
