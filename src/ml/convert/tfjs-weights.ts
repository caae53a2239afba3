// Reads TFJS weight manifests + binary shards into named float32 / int32 arrays.
// The same format serves TFJS graph models (model.json `weightsManifest`) and face-api's
// `*-weights_manifest.json` files, so both converters share this reader.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { widenFloat16 } from './float16.js';

export interface WeightSpec {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32' | 'bool';
  quantization?: { dtype: 'uint8' | 'uint16' | 'float16'; scale?: number; min?: number };
}

export interface WeightGroup {
  paths: string[];
  weights: WeightSpec[];
}

export interface NamedTensor {
  shape: number[];
  dtype: 'float32' | 'int32';
  data: Float32Array | Int32Array;
}

export type WeightMap = Map<string, NamedTensor>;

const elementCount = (shape: number[]): number => shape.reduce((a, b) => a * b, 1);

/** Decodes one weight group whose shards are already concatenated into `buffer`. */
export function decodeWeightGroup(weights: WeightSpec[], buffer: Uint8Array): WeightMap {
  const out: WeightMap = new Map();
  let offset = 0;
  for (const spec of weights) {
    const n = elementCount(spec.shape);
    const q = spec.quantization;
    // Copy each slice into an aligned buffer: shard offsets are not multiples of 4 in general.
    const take = (bytes: number): Uint8Array => {
      if (offset + bytes > buffer.length) {
        throw new Error(
          `weights truncated at ${spec.name}: need ${offset + bytes} bytes, have ${buffer.length}`,
        );
      }
      const slice = buffer.slice(offset, offset + bytes);
      offset += bytes;
      return slice;
    };
    if (q) {
      if (spec.dtype !== 'float32')
        throw new Error(`quantized ${spec.dtype} weight ${spec.name} is not supported`);
      let data: Float32Array;
      if (q.dtype === 'float16') {
        data = widenFloat16(take(n * 2));
      } else if (q.dtype === 'uint8' || q.dtype === 'uint16') {
        const raw = q.dtype === 'uint8' ? take(n) : new Uint16Array(take(n * 2).buffer);
        const scale = q.scale ?? 1;
        const min = q.min ?? 0;
        data = new Float32Array(n);
        // Same affine de-quantization as TFJS (computed in double, stored as float32).
        for (let i = 0; i < n; i++) data[i] = raw[i] * scale + min;
      } else {
        throw new Error(
          `unknown quantization ${String((q as { dtype: string }).dtype)} for ${spec.name}`,
        );
      }
      out.set(spec.name, { shape: spec.shape, dtype: 'float32', data });
    } else if (spec.dtype === 'float32') {
      out.set(spec.name, {
        shape: spec.shape,
        dtype: 'float32',
        data: new Float32Array(take(n * 4).buffer),
      });
    } else if (spec.dtype === 'int32') {
      out.set(spec.name, {
        shape: spec.shape,
        dtype: 'int32',
        data: new Int32Array(take(n * 4).buffer),
      });
    } else if (spec.dtype === 'bool') {
      out.set(spec.name, { shape: spec.shape, dtype: 'int32', data: Int32Array.from(take(n)) });
    } else {
      throw new Error(`unsupported weight dtype ${String(spec.dtype)} for ${spec.name}`);
    }
  }
  if (offset !== buffer.length) {
    throw new Error(
      `weight shards hold ${buffer.length} bytes but the manifest describes ${offset}`,
    );
  }
  return out;
}

/** Reads every group of a manifest; shard paths are relative to `dir`. */
export function readWeightManifest(groups: WeightGroup[], dir: string): WeightMap {
  const all: WeightMap = new Map();
  for (const group of groups) {
    const shards = group.paths.map((p) => readFileSync(path.join(dir, p)));
    const buffer = new Uint8Array(Buffer.concat(shards));
    for (const [name, tensor] of decodeWeightGroup(group.weights, buffer)) all.set(name, tensor);
  }
  return all;
}
