// The pure parts of scale-out on small hand-made inputs: the wire form of typed arrays, the
// checks a result from another machine must pass, job ids, queue URLs, the dispatch policy.

import { describe, expect, it } from 'vitest';
import { PIPELINE } from '../../src/jobs/pipeline.js';
import { checkOutcome } from '../../src/jobs/outcome-check.js';
import { checkReturn, looksLikeJpeg } from '../../src/remote/intake.js';
import { taskJob, taskJobId } from '../../src/remote/jobs.js';
import { chooseSide } from '../../src/remote/mixed.js';
import { parseQueueUrl, redactUrl } from '../../src/remote/queue-url.js';
import { versionDifferences } from '../../src/remote/registry.js';
import { safeName } from '../../src/remote/fetch-original.js';
import { fromWire, toWire } from '../../src/remote/wire.js';

const photoId = '0123456789abcdef';
const contentHash = 'ab'.repeat(32);
const stages = ['media', 'objects', 'faces'];

const metadata = {
  format: 'jpeg',
  mimeType: 'image/jpeg',
  width: 640,
  height: 480,
  orientation: null,
  exifOrientation: null,
  takenAt: '2020-01-02T03:04:05',
  takenOffsetMinutes: null,
  takenAtSource: 'exif',
  camera: { make: 'Nikon', model: null, lens: null },
  exposure: { exposureTime: 0.004, fNumber: 2.8, iso: 100, focalLength: 35 },
  gps: { lat: 43.46, lon: 11.88, alt: null },
};
// Thumbnails and previews are both JPEG; a WebP thumbnail (what older builds wrote) is refused.
const webp = Buffer.concat([Buffer.from('RIFF\0\0\0\0WEBPVP8 '), Buffer.alloc(20)]);
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(40)]);
const thumbJpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xdb]), Buffer.alloc(36)]);

function face(extra: Record<string, unknown> = {}) {
  return {
    box: [10, 20, 30, 30],
    score: 0.9,
    quality: 0.8,
    sizePx: 30,
    blur: 12,
    landmarks: new Float32Array(136).fill(1),
    embedding: new Float32Array(128).fill(0.01),
    ...extra,
  };
}

function answer(over: Record<string, unknown> = {}, outcomes: Record<string, unknown> = {}) {
  return JSON.parse(
    JSON.stringify({
      v: 1,
      photoId,
      contentHash,
      ms: 12,
      files: { thumb: thumbJpeg.length, preview: jpeg.length },
      fetched: 1000,
      outcomes: toWire({
        media: {
          ok: true,
          version: PIPELINE.media.version,
          ms: 5,
          data: {
            metadata,
            thumb: { file: 'x', width: 300, height: 225, bytes: thumbJpeg.length },
            preview: { file: 'y', width: 640, height: 480, bytes: jpeg.length },
            phash: '0123456789abcdef',
            warnings: [],
            timings: { decode: 3 },
          },
        },
        objects: {
          ok: true,
          version: PIPELINE.objects.version,
          ms: 5,
          data: [{ label: 'dog', score: 0.7, box: [1, 2, 3, 4] }],
        },
        faces: { ok: true, version: PIPELINE.faces.version, ms: 5, data: [face()] },
        ...outcomes,
      }),
      ...over,
    }),
  ) as unknown;
}

const files = { thumb: thumbJpeg, preview: jpeg };
const expected = { photoId, contentHash, stages };

describe('wire form', () => {
  it('round-trips typed arrays through JSON', () => {
    const value = {
      a: new Float32Array([1.5, -2]),
      b: [new Int8Array([-3, 4])],
      c: new Uint8Array([255]),
    };
    const back = fromWire(JSON.parse(JSON.stringify(toWire(value)))) as typeof value;
    expect(back.a).toBeInstanceOf(Float32Array);
    expect([...back.a]).toEqual([1.5, -2]);
    expect(back.b[0]).toBeInstanceOf(Int8Array);
    expect([...back.b[0]]).toEqual([-3, 4]);
    expect([...back.c]).toEqual([255]);
  });

  it('refuses malformed typed arrays and ignores __proto__', () => {
    expect(() => fromWire({ $typed: 'f32', base64: 'AAA=' })).toThrow(/divisible by 4/);
    expect(() => fromWire({ $typed: 'f64', base64: '' })).toThrow(/malformed/);
    const v = fromWire(JSON.parse('{"__proto__": {"polluted": true}, "x": 1}')) as object;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});

describe('checking a result from another machine', () => {
  it('accepts a well-formed result and rebuilds its typed arrays', () => {
    const r = checkReturn(expected, answer(), files);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const faces = r.result.outcomes.faces;
    expect(faces?.ok && faces.data[0].embedding).toBeInstanceOf(Float32Array);
    expect(r.files.thumb?.equals(thumbJpeg)).toBe(true);
    expect(r.fetched).toBe(1000);
  });

  it.each([
    ['another photo', answer({ photoId: 'ffffffffffffffff' }), /names photo ffffffffffffffff/],
    ['other content', answer({ contentHash: 'cd'.repeat(32) }), /other content/],
    ['not ours at all', 'hello', /not a Picto task result/],
    [
      'a stage not asked for',
      answer({}, { ocr: { ok: true, version: 'x', ms: 1, data: [] } }),
      /not asked for: ocr/,
    ],
    [
      'another version',
      answer({}, { objects: { ok: true, version: 'objects/0 old', ms: 1, data: [] } }),
      /made by version "objects\/0 old"/,
    ],
    [
      'the wrong shape',
      answer({}, { objects: { ok: true, version: PIPELINE.objects.version, ms: 1, data: 'lots' } }),
      /objects\.data: /,
    ],
    [
      'a descriptor of the wrong length',
      answer(
        {},
        {
          faces: {
            ok: true,
            version: PIPELINE.faces.version,
            ms: 1,
            data: [face({ embedding: new Float32Array(3) })],
          },
        },
      ),
      /faces\.data\/0\/embedding/,
    ],
    [
      'a NaN in a descriptor',
      answer(
        {},
        {
          faces: {
            ok: true,
            version: PIPELINE.faces.version,
            ms: 1,
            data: [face({ embedding: new Float32Array(128).fill(NaN) })],
          },
        },
      ),
      /embedding/,
    ],
    [
      'a score out of range',
      answer(
        {},
        {
          objects: {
            ok: true,
            version: PIPELINE.objects.version,
            ms: 1,
            data: [{ label: 'x', score: 7, box: [1, 2, 3, 4] }],
          },
        },
      ),
      /objects\.data\/0\/score/,
    ],
  ])('rejects %s', (_what, value, reason) => {
    const r = checkReturn(expected, value, files);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('rejects a missing outcome and missing or fake derived files', () => {
    const noFaces = checkReturn(
      { ...expected, stages: [...stages, 'similarity'] },
      answer(),
      files,
    );
    expect(!noFaces.ok && noFaces.reason).toMatch(/no outcome for similarity/);
    const noThumb = checkReturn(expected, answer(), { thumb: null, preview: jpeg });
    expect(!noThumb.ok && noThumb.reason).toMatch(/thumb file .* missing/);
    const fake = checkReturn(expected, answer(), {
      thumb: thumbJpeg,
      preview: Buffer.alloc(jpeg.length),
    });
    expect(!fake.ok && fake.reason).toMatch(/preview file is not a JPEG/);
    const oldThumb = checkReturn(expected, answer(), {
      thumb: Buffer.concat([webp, Buffer.alloc(thumbJpeg.length - webp.length)]),
      preview: jpeg,
    });
    expect(!oldThumb.ok && oldThumb.reason).toMatch(/thumb file is not a JPEG/);
    expect(looksLikeJpeg(webp)).toBe(false);
    expect(looksLikeJpeg(thumbJpeg)).toBe(true);
  });

  it('keeps a failure, and its partial metadata only when that is valid', () => {
    const failure = { ok: false, code: 'corrupt', error: 'truncated', permanent: true, ms: 1 };
    const good = checkOutcome('media', {
      ...failure,
      partial: { metadata, warnings: [], timings: {} },
    });
    expect(good.ok && !good.outcome.ok && good.outcome.partial).toBeTruthy();
    const bad = checkOutcome('media', { ...failure, partial: { metadata: 'x' } });
    expect(bad.ok && !bad.outcome.ok && bad.outcome.partial).toBeUndefined();
    expect(checkOutcome('media', { ...failure, permanent: 'yes' }).ok).toBe(false);
  });
});

describe('the categories stages from elsewhere', () => {
  const paper = (data: unknown) =>
    checkOutcome('paper-text', { ok: true, version: PIPELINE['paper-text'].version, ms: 1, data });
  const signals = (data: unknown) =>
    checkOutcome('categories', { ok: true, version: PIPELINE.categories.version, ms: 1, data });

  it('are checked by the stage validate of the table', () => {
    expect(paper({ region: [0.1, 0.1, 0.5, 0.5], boxes: [[0.2, 0.2, 0.3, 0.25]] }).ok).toBe(true);
    expect(paper({ region: null, boxes: [] }).ok).toBe(true);
    // Lines without a sheet of paper, a box outside the frame: not what the detector makes.
    const orphan = paper({ region: null, boxes: [[0.2, 0.2, 0.3, 0.25]] });
    expect(!orphan.ok && orphan.reason).toMatch(/paper-text\.data: not a result/);
    expect(paper({ region: [0, 0, 7, 1], boxes: [] }).ok).toBe(false);
    expect(signals({ hints: null, pixels: null }).ok).toBe(true);
    expect(signals({ hints: null, pixels: { width: 'wide' } }).ok).toBe(false);
  });
});

describe('names and addresses', () => {
  it('a job id is stable for the same task and new for another attempt', () => {
    const task = { photoId, contentHash, stages, path: '/x', thumbDir: '/t' };
    const a = taskJobId(taskJob(task), 0);
    expect(taskJobId(taskJob({ ...task, path: '/elsewhere' }), 0)).toBe(a);
    expect(taskJobId(taskJob(task), 1)).not.toBe(a);
    expect(taskJobId(taskJob({ ...task, contentHash: 'cd'.repeat(32) }), 0)).not.toBe(a);
    expect(a).toMatch(/^p0123456789abcdef-[0-9a-f]{16}$/);
    expect(JSON.stringify(taskJob(task))).not.toContain('/x');
    expect(
      taskJob({ ...task, stages: ['media', 'from-a-newer-build'] }).stages.map((s) => s.name),
    ).toEqual(['media']);
  });

  it('parses Redis URLs and never shows a password', () => {
    const a = parseQueueUrl('redis://:s3cret@nas.local:6380/2');
    expect(a.options).toMatchObject({ host: 'nas.local', port: 6380, db: 2, password: 's3cret' });
    expect(a.shown).toBe('redis://:***@nas.local:6380/2');
    expect(parseQueueUrl('redis://localhost').options).toMatchObject({ port: 6379, db: 0 });
    expect(parseQueueUrl('rediss://u:p%40ss@h').options).toMatchObject({
      username: 'u',
      password: 'p@ss',
      tls: {},
    });
    expect(redactUrl('redis://user:pw@h:1')).toBe('redis://user:***@h:1');
    expect(() => parseQueueUrl('http://h')).toThrow(/redis:\/\//);
    expect(() => parseQueueUrl('redis://:pw@h/x')).toThrow(/database must be a number/);
    expect(() => parseQueueUrl('not a url :pw@')).toThrow(/redis:\/\/ URL/);
  });

  it('file names from the primary stay inside the temp folder', () => {
    expect(safeName('../../etc/passwd')).toBe('passwd');
    expect(safeName('IMG_2020\u0000.jpg')).toBe('IMG_2020.jpg');
    expect(safeName('..')).toBe('original');
  });
});

describe('dispatch and versions', () => {
  it('sends a task to the less loaded side', () => {
    expect(chooseSide(2, 0, 4, 0)).toBe('local');
    expect(chooseSide(2, 2, 4, 1)).toBe('remote');
    expect(chooseSide(2, 4, 0, 0)).toBe('local');
    expect(chooseSide(0, 0, 2, 3)).toBe('remote');
  });

  it('names the stages whose versions differ', () => {
    expect(versionDifferences({ faces: 'a', media: 'm' }, { faces: 'b', media: 'm' })).toEqual([
      'faces: primary "a", worker "b"',
    ]);
    expect(versionDifferences({ ocr: 'o' }, {})).toEqual(['ocr: primary "o", worker "none"']);
  });
});
