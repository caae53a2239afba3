// Main-thread side of the semantic slot: embeds the words of a search with text.onnx and finds
// the photos whose image embeddings are most similar (a brute-force scan of the embeddings, held
// in one Float32Array: 100k × 512 dims is ~25 ms).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type * as Ort from 'onnxruntime-node';
import type { Repos } from '../../db/index.js';
import type { SemanticRanker } from '../service.js';
import {
  l2normalize,
  readSemanticSpec,
  semanticVersion,
  tokenize,
  type SemanticSpec,
} from './model.js';

const TOP = 500;

export class SemanticSearch implements SemanticRanker {
  private text: {
    version: string;
    session: Promise<Ort.InferenceSession>;
    vocab: Record<string, number>;
  } | null = null;
  private matrix: {
    version: string;
    count: number;
    ids: string[];
    dims: number;
    data: Float32Array;
  } | null = null;

  constructor(
    private readonly repos: Repos,
    readonly dir: string,
  ) {}

  /** The model in the slot, or why there is none. */
  status(): { available: boolean; name: string | null; reason: string; version: string | null } {
    const { spec, reason } = readSemanticSpec(this.dir);
    return {
      available: Boolean(spec),
      name: spec?.name ?? null,
      reason,
      version: spec ? semanticVersion(spec) : null,
    };
  }

  spec(): SemanticSpec | null {
    return readSemanticSpec(this.dir).spec;
  }

  async rank(words: string): Promise<Map<string, number> | null> {
    const spec = this.spec();
    if (!spec) return null;
    const version = semanticVersion(spec);
    if (!this.text || this.text.version !== version) {
      this.text = {
        version,
        // onnxruntime loads with the first semantic search, not with the app.
        session: import('onnxruntime-node').then((ort) =>
          ort.InferenceSession.create(path.join(spec.dir, 'text.onnx'), { intraOpNumThreads: 1 }),
        ),
        vocab: JSON.parse(readFileSync(path.join(spec.dir, 'vocab.json'), 'utf8')) as Record<
          string,
          number
        >,
      };
    }
    const ids = tokenize(words, this.text.vocab, spec);
    const known = words
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .some((w) => w && this.text!.vocab[w] !== undefined);
    if (!known) return null;
    const session = await this.text.session;
    const ort = await import('onnxruntime-node');
    const out = await session.run({
      [session.inputNames[0]]: new ort.Tensor('int64', ids, [1, spec.contextLength]),
    });
    const q = l2normalize(Float32Array.from(out[session.outputNames[0]].data as Float32Array));
    const m = this.embeddings(spec.name, version);
    if (!m.count || m.dims !== q.length) return new Map();
    const scores: { i: number; s: number }[] = [];
    for (let i = 0; i < m.count; i++) {
      let s = 0;
      const base = i * m.dims;
      for (let k = 0; k < m.dims; k++) s += m.data[base + k] * q[k];
      if (s >= spec.minSimilarity) scores.push({ i, s });
    }
    scores.sort((a, b) => b.s - a.s);
    return new Map(scores.slice(0, TOP).map(({ i, s }) => [m.ids[i], Math.round(s * 1e4) / 1e4]));
  }

  /** Every photo's embedding of this model in one array, reloaded when the set changed. */
  private embeddings(model: string, version: string) {
    const count = this.repos.discovery.embeddings.count(model);
    if (this.matrix && this.matrix.version === version && this.matrix.count === count)
      return this.matrix;
    const rows = this.repos.discovery.embeddings.all(model);
    const dims = rows[0] ? rows[0].vector.byteLength / 4 : 0;
    const data = new Float32Array(rows.length * dims);
    rows.forEach((r, i) =>
      data.set(new Float32Array(r.vector.buffer, r.vector.byteOffset, dims), i * dims),
    );
    this.matrix = { version, count, ids: rows.map((r) => r.photo_id), dims, data };
    return this.matrix;
  }
}
