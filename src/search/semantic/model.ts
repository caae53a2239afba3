// [Note: the semantic model slot] No image–text model ships with Picto: none is obtainable
// offline as an npm package (CLIP, SigLIP and the like are only on model hubs). People who have
// one can drop an ONNX pair into <data>/models/semantic/ and search gains "looks like" ranking:
//
//   model.json   { "name": "my-clip", "imageSize": 224, "mean": [0.481, 0.458, 0.408],
//                  "std": [0.269, 0.261, 0.276], "contextLength": 77, "bos": 1, "eos": 2, "pad": 0,
//                  "minSimilarity": 0.2 }
//   image.onnx   float32 [1, 3, imageSize, imageSize] RGB (normalised with mean/std) → [1, D]
//   text.onnx    int64 [1, contextLength] token ids → [1, D]
//   vocab.json   { "word": id, … }: the tokenizer is whole lower-case words (a model that needs
//                another tokenizer must be exported with this vocabulary)
//
// Both outputs are L2-normalised by Picto; similarity is their dot product. Photos are embedded
// by a low-priority indexing stage; a search's free words are embedded at query time and the
// most similar photos match them too, ranked by similarity (see SearchService.searchAsync).

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface SemanticSpec {
  name: string;
  imageSize: number;
  mean: [number, number, number];
  std: [number, number, number];
  contextLength: number;
  bos?: number;
  eos?: number;
  pad: number;
  minSimilarity: number;
  dir: string;
}

/** Where the slot is for a data directory. */
export function semanticDir(dataDir: string): string {
  return path.join(dataDir, 'models', 'semantic');
}

/** The model in the slot, or why there is none. Cheap: reads model.json only. */
export function readSemanticSpec(dir: string): { spec: SemanticSpec | null; reason: string } {
  const need = ['model.json', 'image.onnx', 'text.onnx', 'vocab.json'];
  const missing = need.filter((f) => !existsSync(path.join(dir, f)));
  if (missing.length === need.length)
    return { spec: null, reason: `no model in ${dir} (none ships with Picto)` };
  if (missing.length)
    return { spec: null, reason: `incomplete model in ${dir}: missing ${missing.join(', ')}` };
  try {
    const j = JSON.parse(
      readFileSync(path.join(dir, 'model.json'), 'utf8'),
    ) as Partial<SemanticSpec>;
    const spec: SemanticSpec = {
      name: String(j.name ?? 'semantic'),
      imageSize: Number(j.imageSize ?? 224),
      mean: (j.mean ?? [0.5, 0.5, 0.5]) as [number, number, number],
      std: (j.std ?? [0.5, 0.5, 0.5]) as [number, number, number],
      contextLength: Number(j.contextLength ?? 77),
      bos: j.bos,
      eos: j.eos,
      pad: Number(j.pad ?? 0),
      minSimilarity: Number(j.minSimilarity ?? 0.2),
      dir,
    };
    if (!(spec.imageSize > 0) || !(spec.contextLength > 0))
      throw new Error('imageSize and contextLength must be positive');
    return { spec, reason: 'ok' };
  } catch (err) {
    return { spec: null, reason: `model.json in ${dir} is not valid: ${(err as Error).message}` };
  }
}

/** Names what produced an embedding: a replaced model re-embeds every photo. */
export function semanticVersion(spec: SemanticSpec): string {
  const h = createHash('sha1');
  for (const f of ['model.json', 'image.onnx']) {
    const st = statSync(path.join(spec.dir, f));
    h.update(`${f}:${st.size}:${st.mtimeMs}`);
  }
  return `semantic@1:${spec.name}:${h.digest('hex').slice(0, 12)}`;
}

/** Whole lower-case words to ids, framed and padded to the context length. */
export function tokenize(
  text: string,
  vocab: Record<string, number>,
  spec: SemanticSpec,
): BigInt64Array {
  const ids: number[] = [];
  if (spec.bos !== undefined) ids.push(spec.bos);
  for (const w of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (w && vocab[w] !== undefined) ids.push(vocab[w]);
  }
  if (spec.eos !== undefined) ids.push(spec.eos);
  const out = new BigInt64Array(spec.contextLength).fill(BigInt(spec.pad));
  ids.slice(0, spec.contextLength).forEach((id, i) => (out[i] = BigInt(id)));
  return out;
}

export function l2normalize(v: Float32Array): Float32Array {
  let s = 0;
  for (const x of v) s += x * x;
  const n = Math.sqrt(s) || 1;
  return v.map((x) => x / n);
}
