// [Note: Checking results that come from elsewhere]
//
// A local worker's result is what our own code made; a result from another machine is whatever
// arrived in Redis. Before a foreign outcome reaches a stage's applier it must be proved to be
// that stage's result type: one TypeBox schema per stage, next to the table. The map below is
// typed by the table (`StageResults`), so a new stage without a schema does not compile, and a
// schema whose static type is not the stage's result does not compile either: what passes the
// check is a T for the applier, without a cast. Bounds (lengths, ranges, finite numbers) are
// there so a forged result cannot write absurd rows; they are generous for real photos.
//
// Typed arrays (face descriptors, signatures) survive structured clone but not JSON: the wire
// codec (src/remote/wire.ts) turns them back into typed arrays before this check, which then
// also verifies their kind, length and that every float is finite.

import {
  Kind,
  Type,
  TypeRegistry,
  type Static,
  type TSchema,
  type TUnsafe,
} from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { MediaPartial } from '../media/types.js';
import { PIPELINE, type StageName, type StageResults } from './pipeline.js';
import type { StageFailure, StageOutcome } from './task.js';

type TypedArrayKind = 'Float32Array' | 'Int8Array' | 'Uint8Array';
const CONSTRUCTORS = { Float32Array, Int8Array, Uint8Array } as const;

for (const kind of Object.keys(CONSTRUCTORS) as TypedArrayKind[]) {
  const name = `Picto${kind}`;
  if (TypeRegistry.Has(name)) continue;
  TypeRegistry.Set<{ length?: number; maxLength?: number }>(name, (schema, value) => {
    if (!(value instanceof CONSTRUCTORS[kind])) return false;
    if (schema.length !== undefined && value.length !== schema.length) return false;
    if (schema.maxLength !== undefined && value.length > schema.maxLength) return false;
    if (kind === 'Float32Array') {
      for (const v of value as Float32Array) if (!Number.isFinite(v)) return false;
    }
    return true;
  });
}

function typedArray<K extends TypedArrayKind>(
  kind: K,
  size: { length?: number; maxLength?: number },
): TUnsafe<InstanceType<(typeof CONSTRUCTORS)[K]>> {
  return Type.Unsafe<InstanceType<(typeof CONSTRUCTORS)[K]>>({ [Kind]: `Picto${kind}`, ...size });
}

const text = (max: number) => Type.String({ maxLength: max });
const nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const count = Type.Integer({ minimum: 0, maximum: 1_000_000_000 });
const pixels = Type.Integer({ minimum: 1, maximum: 1_000_000 });
const box = Type.Tuple([Type.Number(), Type.Number(), Type.Number(), Type.Number()]);
const unit = Type.Number({ minimum: 0, maximum: 1 });
const timings = Type.Record(Type.String({ maxLength: 40 }), Type.Number(), { maxProperties: 40 });
const warnings = Type.Array(text(2000), { maxItems: 100 });

const Metadata = Type.Object({
  format: text(40),
  mimeType: text(100),
  width: nullable(pixels),
  height: nullable(pixels),
  orientation: nullable(Type.Integer({ minimum: 1, maximum: 8 })),
  exifOrientation: nullable(Type.Integer({ minimum: 0, maximum: 65535 })),
  takenAt: nullable(text(40)),
  takenOffsetMinutes: nullable(Type.Integer({ minimum: -24 * 60, maximum: 24 * 60 })),
  takenAtSource: nullable(
    Type.Union(
      (
        ['exif', 'xmp', 'iptc', 'quicktime', 'exif-modified', 'filename', 'file-mtime'] as const
      ).map((s) => Type.Literal(s)),
    ),
  ),
  camera: Type.Object({
    make: nullable(text(200)),
    model: nullable(text(200)),
    lens: nullable(text(200)),
  }),
  exposure: Type.Object({
    exposureTime: nullable(Type.Number()),
    fNumber: nullable(Type.Number()),
    iso: nullable(Type.Number()),
    focalLength: nullable(Type.Number()),
  }),
  gps: nullable(
    Type.Object({
      lat: Type.Number({ minimum: -90, maximum: 90 }),
      lon: Type.Number({ minimum: -180, maximum: 180 }),
      alt: nullable(Type.Number()),
    }),
  ),
});

const Thumbnail = Type.Object({ file: text(300), width: pixels, height: pixels, bytes: count });

const Media = Type.Object({
  metadata: Metadata,
  thumb: nullable(Thumbnail),
  preview: nullable(Thumbnail),
  phash: nullable(Type.String({ pattern: '^[0-9a-f]{16}$' })),
  warnings,
  timings,
});

const MediaPartialSchema = Type.Object({ metadata: Metadata, warnings, timings });

const Objects = Type.Array(Type.Object({ label: text(100), score: unit, box }), { maxItems: 1000 });

const Faces = Type.Array(
  Type.Object({
    box,
    score: unit,
    quality: Type.Number(),
    sizePx: Type.Number({ minimum: 0 }),
    blur: Type.Number(),
    landmarks: typedArray('Float32Array', { length: 136 }),
    embedding: typedArray('Float32Array', { length: 128 }),
  }),
  { maxItems: 1000 },
);

const Similarity = Type.Object({
  pixels: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  dct: typedArray('Int8Array', { length: 64 }),
  windows: typedArray('Uint8Array', { maxLength: 4096 }),
});

const Text = Type.Array(Type.Object({ text: text(10_000), score: Type.Number(), box }), {
  maxItems: 5000,
});

const Embedding = Type.Object({
  model: text(300),
  vector: typedArray('Float32Array', { maxLength: 8192 }),
});

/** One schema per stage; `static` must be the stage's result type (see the note above). */
const RESULT_SCHEMAS: { readonly [K in StageName]: TSchema & { static: StageResults[K] } } = {
  media: Media,
  objects: Objects,
  faces: Faces,
  similarity: Similarity,
  ocr: Text,
  semantic: Embedding,
};

const Failure = Type.Object({
  ok: Type.Literal(false),
  code: text(64),
  error: text(4000),
  permanent: Type.Boolean(),
  partial: Type.Optional(Type.Unknown()),
  ms: Type.Number({ minimum: 0 }),
});

const Success = Type.Object({
  ok: Type.Literal(true),
  version: text(400),
  data: Type.Unknown(),
  ms: Type.Number({ minimum: 0 }),
});

function firstError(schema: TSchema, value: unknown, where: string): string {
  const e = Value.Errors(schema, value).First();
  return e ? `${where}${e.path || ''}: ${e.message}` : `${where}: not valid`;
}

export type Checked<T> = { ok: true; outcome: StageOutcome<T> } | { ok: false; reason: string };

/**
 * Proves a stage outcome from elsewhere is what the stage's worker half returns: a failure of the
 * right shape (a media failure keeps its partial metadata only when that is valid), or a success
 * of this build's version whose data matches the stage's schema.
 */
export function checkOutcome<K extends StageName>(
  stage: K,
  value: unknown,
): Checked<StageResults[K]> {
  if (typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false) {
    if (!Value.Check(Failure, value))
      return { ok: false, reason: firstError(Failure, value, stage) };
    const f: StageFailure = { ...(value as Static<typeof Failure>) };
    if (f.partial !== undefined && !(stage === 'media' && isMediaPartial(f.partial)))
      f.partial = undefined;
    return { ok: true, outcome: f };
  }
  if (!Value.Check(Success, value)) return { ok: false, reason: firstError(Success, value, stage) };
  const s = value as Static<typeof Success>;
  if (s.version !== PIPELINE[stage].version) {
    return {
      ok: false,
      reason: `${stage}: made by version "${s.version}", this primary runs "${PIPELINE[stage].version}"`,
    };
  }
  const schema = RESULT_SCHEMAS[stage];
  if (!Value.Check(schema, s.data))
    return { ok: false, reason: firstError(schema, s.data, `${stage}.data`) };
  return {
    ok: true,
    outcome: { ok: true, version: s.version, ms: s.ms, data: s.data as StageResults[K] },
  };
}

function isMediaPartial(p: unknown): p is MediaPartial {
  return Value.Check(MediaPartialSchema, p);
}
