import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import onnxProto from 'onnx-proto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { semanticDir } from '../../src/search/semantic/model.js';
import { FakeLibrary } from './fixture.js';

const { onnx } = onnxProto;
const FLOAT = 1;
const INT64 = 7;

function tensor(name: string, dims: number[], values: number[]) {
  return { name, dims, dataType: FLOAT, rawData: new Uint8Array(new Float32Array(values).buffer) };
}

function io(name: string, type: number, dims: (number | string)[]) {
  return {
    name,
    type: {
      tensorType: {
        elemType: type,
        shape: {
          dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })),
        },
      },
    },
  };
}

function model(graph: object): Uint8Array {
  return onnx.ModelProto.encode(
    onnx.ModelProto.create({
      irVersion: 8,
      opsetImport: [{ domain: '', version: 13 }],
      producerName: 'picto-test',
      graph,
    }),
  ).finish();
}

// Tiny stand-ins for a CLIP pair, 4-d embeddings: the image model averages each colour channel,
// the text model looks words up in a table where "red", "green", "blue" point the same ways.
const imageModel = () =>
  model({
    name: 'image',
    input: [io('pixels', FLOAT, [1, 3, 8, 8])],
    output: [io('embedding', FLOAT, [1, 4])],
    initializer: [
      tensor('w', [3, 4], [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0]),
      tensor('b', [4], [0, 0, 0, 0.1]),
    ],
    node: [
      { opType: 'GlobalAveragePool', input: ['pixels'], output: ['pooled'] },
      {
        opType: 'Flatten',
        input: ['pooled'],
        output: ['flat'],
        attribute: [{ name: 'axis', i: 1, type: 2 }],
      },
      { opType: 'Gemm', input: ['flat', 'w', 'b'], output: ['embedding'] },
    ],
  });

const textModel = () =>
  model({
    name: 'text',
    input: [io('ids', INT64, [1, 4])],
    output: [io('embedding', FLOAT, [1, 4])],
    initializer: [
      tensor(
        'table',
        [5, 4],
        [
          0, 0, 0, 0, /* red */ 1, 0, 0, 0, /* green */ 0, 1, 0, 0, /* blue */ 0, 0, 1, 0,
          /* pad */ 0, 0, 0, 0,
        ],
      ),
    ],
    node: [
      {
        opType: 'Gather',
        input: ['table', 'ids'],
        output: ['vectors'],
        attribute: [{ name: 'axis', i: 0, type: 2 }],
      },
      {
        opType: 'ReduceMean',
        input: ['vectors'],
        output: ['embedding'],
        attribute: [
          { name: 'axes', ints: [1], type: 7 },
          { name: 'keepdims', i: 0, type: 2 },
        ],
      },
    ],
  });

describe('semantic model slot (tiny ONNX models built by the test)', () => {
  let lib: FakeLibrary;
  let photos: string;
  beforeAll(async () => {
    lib = new FakeLibrary();
    const dir = semanticDir(lib.dir);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'image.onnx'), imageModel());
    writeFileSync(path.join(dir, 'text.onnx'), textModel());
    writeFileSync(
      path.join(dir, 'vocab.json'),
      JSON.stringify({ red: 1, green: 2, blue: 3, scarlet: 1 }),
    );
    writeFileSync(
      path.join(dir, 'model.json'),
      JSON.stringify({
        name: 'tiny',
        imageSize: 8,
        mean: [0, 0, 0],
        std: [1, 1, 1],
        contextLength: 4,
        pad: 4,
        minSimilarity: 0.5,
      }),
    );
    // Three photo files of one colour each, indexed for real (media + semantic stages).
    photos = mkdtempSync(path.join(os.tmpdir(), 'picto-semantic-photos-'));
    for (const [name, rgb] of [
      ['tomato', [220, 30, 20]],
      ['leaf', [30, 200, 40]],
      ['sky', [40, 60, 230]],
    ] as const) {
      await sharp({
        create: {
          width: 64,
          height: 48,
          channels: 3,
          background: { r: rgb[0], g: rgb[1], b: rgb[2] },
        },
      })
        .jpeg()
        .toFile(path.join(photos, `${name}.jpg`));
    }
    await lib.picto.folders.add(photos);
    await lib.picto.scan();
    lib.picto.runner.start();
    await lib.picto.runner.drain({ background: true });
  });
  afterAll(async () => {
    await lib.close();
    rmSync(photos, { recursive: true, force: true });
  });

  it('says plainly when no model is there, and which one is', () => {
    expect(lib.picto.discovery.semantic.status()).toMatchObject({ available: true, name: 'tiny' });
    expect(lib.picto.repos.discovery.embeddings.count('tiny')).toBe(3);
  });

  it('free words also find the photos that look like them, ranked by similarity', async () => {
    const search = lib.picto.discovery.search;
    const names = (rows: { id: string }[]) =>
      rows.map((r) => path.basename(lib.picto.repos.locations.forPhoto(r.id)[0].path));
    // No file name or text says "red": only the model knows.
    expect(names((await search.searchAsync({ q: 'red' })).rows)).toEqual(['tomato.jpg']);
    expect(names((await search.searchAsync({ q: 'scarlet' })).rows)).toEqual(['tomato.jpg']);
    expect(names((await search.searchAsync({ q: 'blue' })).rows)).toEqual(['sky.jpg']);
    // File names still match as text; the plain search (no model) never sees "red".
    expect(names((await search.searchAsync({ q: 'leaf' })).rows)).toEqual(['leaf.jpg']);
    expect(search.search({ q: 'red' }).rows).toEqual([]);
    // Words the model does not know: text search only.
    expect((await search.searchAsync({ q: 'purple' })).rows).toEqual([]);
  });
});
