// [Note: Checking results that come from elsewhere]
//
// A local worker's result is what our own code made; a result from another machine is whatever
// arrived in Redis. Before a foreign outcome reaches a stage's applier it must be proved to be
// that stage's result type. Every stage of the table has a `validate` (stage.ts: required, so a
// new stage without one does not compile), and it is a type guard for the stage's own result
// type: what passes is a T for the applier, without a cast. The guards here are TypeBox schemas
// (`guard()`: a schema whose static type is not the stage's result does not compile in the table);
// the categories stages check their plain results by hand (categories/results.ts). Bounds
// (lengths, ranges, finite numbers) are there so a forged result cannot write absurd rows; they
// are generous for real photos. apply.ts checks every outcome, local ones too (a local result
// that failed would be a bug here, and becomes a failed job saying so, not a bad row);
// outcome-check.ts adds what only a result from elsewhere needs (the version, a failure's shape).
//
// Typed arrays (face descriptors, signatures) survive structured clone but not JSON: the wire
// codec (src/remote/wire.ts) turns them back into typed arrays before this check, which then
// also verifies their kind, length and that every float is finite.

import { createRequire } from 'node:module';
import type * as TypeBox from '@sinclair/typebox';
import type { TSchema, TUnsafe } from '@sinclair/typebox';
import type * as TypeBoxValue from '@sinclair/typebox/value';

import type { TextLine } from '../db/repos/photo-text.js';
import type { PhotoSidecarData } from '../interchange/read-photo.js';
import type { MediaPartial, MediaResult } from '../media/types.js';
import type { Signature } from '../search/duplicates/signature.js';
import type { PhotoEmbedding } from '../search/index-photo.js';
import type { VideoAiResult } from './video-frames.js';
import type { FaceResult, ObjectResult } from './worker-ai.js';
import type { TranscodeOutcome } from './worker-transcode.js';
import type { VideoResult } from './worker-video.js';

// TypeBox loads on the first check, not with the pipeline table: the app and the CLI open without
// it ([Note: lazy start] in cli/main.ts; it costs ~200 ms to load), and the first result to apply
// pays for it once.
const load = createRequire(import.meta.url);

/** The schemas, built on first use. */
function buildSchemas() {
  const { Kind, Type, TypeRegistry } = load('@sinclair/typebox') as typeof TypeBox;
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
  // Local results are checked too (apply.ts), so no bound may refuse what a real file gives: text
  // read from a file (EXIF strings live in one 64 KB segment) and sizes from its header are bounded
  // by what the formats can hold, not by what is usual.
  const FILE_TEXT = 65_536;
  const fileSize = Type.Integer({ minimum: 0, maximum: 2 ** 31 - 1 });
  const nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
  const count = Type.Integer({ minimum: 0, maximum: 1_000_000_000 });
  const pixels = Type.Integer({ minimum: 1, maximum: 1_000_000 });
  const box = Type.Tuple([Type.Number(), Type.Number(), Type.Number(), Type.Number()]);
  const unit = Type.Number({ minimum: 0, maximum: 1 });
  const timings = Type.Record(Type.String({ maxLength: 40 }), Type.Number(), { maxProperties: 40 });
  const warnings = Type.Array(text(FILE_TEXT), { maxItems: 10_000 });

  const Metadata = Type.Object({
    format: text(200),
    mimeType: text(200),
    width: nullable(fileSize),
    height: nullable(fileSize),
    orientation: nullable(Type.Integer({ minimum: 1, maximum: 8 })),
    exifOrientation: nullable(Type.Integer({ minimum: 0, maximum: 65535 })),
    takenAt: nullable(text(40)),
    takenOffsetMinutes: nullable(Type.Number({ minimum: -24 * 60, maximum: 24 * 60 })),
    takenAtSource: nullable(
      Type.Union(
        (
          ['exif', 'xmp', 'iptc', 'quicktime', 'exif-modified', 'filename', 'file-mtime'] as const
        ).map((s) => Type.Literal(s)),
      ),
    ),
    camera: Type.Object({
      make: nullable(text(FILE_TEXT)),
      model: nullable(text(FILE_TEXT)),
      lens: nullable(text(FILE_TEXT)),
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
    hints: Type.Optional(
      Type.Object({
        lensMake: nullable(text(FILE_TEXT)),
        software: nullable(text(FILE_TEXT)),
        userComment: nullable(text(FILE_TEXT)),
        panorama: nullable(text(FILE_TEXT)),
      }),
    ),
    contentIdentifier: Type.Optional(nullable(text(FILE_TEXT))),
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

  const Objects = Type.Array(Type.Object({ label: text(100), score: unit, box }), {
    maxItems: 1000,
  });

  const Face = Type.Object({
    box,
    score: unit,
    quality: Type.Number(),
    sizePx: Type.Number({ minimum: 0 }),
    blur: Type.Number(),
    landmarks: typedArray('Float32Array', { length: 136 }),
    embedding: typedArray('Float32Array', { length: 128 }),
  });

  const Faces = Type.Array(Face, { maxItems: 1000 });

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
    vector: typedArray('Float32Array', { maxLength: 65_536 }),
  });

  const ms = Type.Number({ minimum: 0 });

  const VideoInfoSchema = Type.Object({
    durationMs: nullable(ms),
    container: text(200),
    videoCodec: text(200),
    audioCodec: nullable(text(200)),
    fps: nullable(Type.Number({ minimum: 0 })),
    bitRate: nullable(Type.Number({ minimum: 0 })),
    codedWidth: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
    codedHeight: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
    rotation: Type.Union([0, 90, 180, 270].map((d) => Type.Literal(d))),
    pixelFormat: nullable(text(200)),
    playable: Type.Boolean(),
  });

  const Video = Type.Composite([Media, Type.Object({ video: VideoInfoSchema, posterTimeMs: ms })]);

  const VideoAi = Type.Object({
    objects: Objects,
    faces: Type.Array(Type.Composite([Face, Type.Object({ timeMs: ms })]), { maxItems: 10_000 }),
    frames: count,
    timings,
  });

  const Transcode = Type.Object({
    bytes: count,
    ms,
    speed: nullable(Type.Number({ minimum: 0 })),
    mode: text(100),
  });

  const rect = Type.Tuple([unit, unit, unit, unit]);
  const name = text(FILE_TEXT);
  const Sidecars = Type.Object({
    regions: Type.Array(Type.Object({ name, rect }), { maxItems: 10_000 }),
    people: Type.Array(name, { maxItems: 10_000 }),
    keywords: Type.Array(
      Type.Object({ path: Type.Array(name, { maxItems: 100 }), text: name, leaf: name }),
      { maxItems: 10_000 },
    ),
    rating: nullable(Type.Integer({ minimum: 0, maximum: 5 })),
    rejected: Type.Boolean(),
    description: nullable(text(FILE_TEXT)),
    read: Type.Array(text(FILE_TEXT), { maxItems: 100 }),
    failed: Type.Array(Type.Object({ path: text(FILE_TEXT), error: text(FILE_TEXT) }), {
      maxItems: 100,
    }),
  });

  return {
    Media,
    MediaPartialSchema,
    Objects,
    Faces,
    Similarity,
    Text,
    Embedding,
    Video,
    VideoAi,
    Transcode,
    Sidecars,
  };
}

type Schemas = ReturnType<typeof buildSchemas>;
let built: { schemas: Schemas; Value: typeof TypeBoxValue.Value } | undefined;
function lib(): { schemas: Schemas; Value: typeof TypeBoxValue.Value } {
  built ??= {
    schemas: buildSchemas(),
    Value: (load('@sinclair/typebox/value') as typeof TypeBoxValue).Value,
  };
  return built;
}

/**
 * Loads TypeBox and builds the schemas now (~250 ms on the main thread): the runner calls it once
 * it has sent its first task, while that photo is decoded, so the first thumbnail is not written
 * a quarter of a second late (and a run with nothing to index never loads it).
 */
export function prepareResultChecks(): void {
  lib();
}

/** Schemas behind the guards: for the reason a value fails (`whyNot`). */
const SCHEMAS = new WeakMap<(data: unknown) => boolean, () => TSchema>();

/** A type guard for T from a schema whose static type is a T. */
function guard<T>(pick: (s: Schemas) => TSchema & { static: T }): (data: unknown) => data is T {
  const schema = () => pick(lib().schemas);
  const check = (data: unknown): data is T => lib().Value.Check(schema(), data);
  SCHEMAS.set(check, schema);
  return check;
}

export const isMediaResult = guard<MediaResult>((s) => s.Media);
export const isMediaPartial = guard<MediaPartial>((s) => s.MediaPartialSchema);
export const isObjectList = guard<ObjectResult[]>((s) => s.Objects);
export const isFaceList = guard<FaceResult[]>((s) => s.Faces);
export const isSignature = guard<Signature>((s) => s.Similarity);
export const isTextLines = guard<TextLine[]>((s) => s.Text);
export const isEmbedding = guard<PhotoEmbedding>((s) => s.Embedding);
export const isVideoResult = guard<VideoResult>((s) => s.Video);
export const isVideoAiResult = guard<VideoAiResult>((s) => s.VideoAi);
export const isTranscodeOutcome = guard<TranscodeOutcome>((s) => s.Transcode);
export const isSidecarData = guard<PhotoSidecarData>((s) => s.Sidecars);

/** Why `data` fails a guard: the first schema error with its path, when the guard has a schema. */
export function whyNot(check: (data: unknown) => boolean, data: unknown, where: string): string {
  const schema = SCHEMAS.get(check)?.();
  const e = schema && lib().Value.Errors(schema, data).First();
  return e ? `${where}${e.path || ''}: ${e.message}` : `${where}: not a result of this stage`;
}
