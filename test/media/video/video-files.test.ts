// The video core on real videos the tests make (helpers/videos.ts): metadata and local dates,
// upright posters that are not black, AI frames, Live Photo ids, and clear errors for broken files.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { hasCorpus } from '../../helpers/corpus.js';
import { FACE_PORTRAIT, LIVE_ID, testVideos, type TestVideos } from '../../helpers/videos.js';
import { closeMedia, isMediaError, type RawImage } from '../../../src/media/index.js';
import {
  choosePoster,
  frameStats,
  pairLivePhotos,
  probeVideo,
  sampleFrames,
  stillContentIdentifier,
  writePoster,
} from '../../../src/media/video/index.js';
import { meanAbsDiff } from '../pixels.js';

/** The error code and message a call fails with (the test fails if it succeeds). */
async function failure(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    if (isMediaError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected a MediaError');
}

async function reference(file: string, width: number, height: number): Promise<RawImage> {
  const { data, info } = await sharp(file)
    .rotate()
    .resize(width, height, { fit: 'fill' })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: 3 };
}

describe.skipIf(!hasCorpus)('videos made by the tests', () => {
  let v: TestVideos;
  const thumbDir = mkdtempSync(path.join(os.tmpdir(), 'picto-video-thumbs-'));
  beforeAll(async () => {
    v = await testVideos();
  }, 600_000);
  afterAll(async () => {
    await closeMedia();
    rmSync(thumbDir, { recursive: true, force: true });
  });

  it('reads an H.264 MP4: size, duration, fps, codecs, playable as is', async () => {
    const { metadata: m } = await probeVideo(v.faceH264);
    expect(m).toMatchObject({ format: 'mp4', mimeType: 'video/mp4', width: 960, height: 540 });
    expect(m.video).toMatchObject({
      container: 'mp4',
      videoCodec: 'h264',
      audioCodec: 'aac',
      fps: 15,
      rotation: 0,
      playable: true,
    });
    expect(m.video.durationMs).toBeGreaterThan(2900);
    expect(m.video.durationMs).toBeLessThan(3200);
  });

  it('reads an HEVC MOV as not playable in Chromium', async () => {
    const { metadata: m } = await probeVideo(v.faceHevc);
    expect(m).toMatchObject({
      format: 'mov',
      mimeType: 'video/quicktime',
      width: 960,
      height: 540,
    });
    expect(m.video).toMatchObject({ videoCodec: 'hevc', container: 'mov', playable: false });
  });

  it('reports the displayed size of a stored-landscape video with a 90° matrix', async () => {
    const { metadata: m } = await probeVideo(v.rotated);
    expect(m.video).toMatchObject({ codedWidth: 720, codedHeight: 540, rotation: 90 });
    expect([m.width, m.height]).toEqual([540, 720]);
    expect(m.orientation).toBeNull(); // frames come out upright: nothing left to apply
  });

  it('turns a UTC creation time into local time at the GPS position', async () => {
    const { metadata: m } = await probeVideo(v.gpsUtc);
    expect(m.gps).toMatchObject({
      lat: expect.closeTo(48.8584, 4),
      lon: expect.closeTo(2.2945, 4),
    });
    expect(m).toMatchObject({
      takenAt: '2023-07-14T12:22:05',
      takenOffsetMinutes: 120,
      takenAtSource: 'quicktime',
    });
  });

  it("takes Apple's creationdate with its offset, ISO 6709 location, make, model and id", async () => {
    const { metadata: m } = await probeVideo(v.appleMov);
    expect(m).toMatchObject({
      takenAt: '2023-07-14T19:22:05',
      takenOffsetMinutes: 540,
      takenAtSource: 'quicktime',
      camera: { make: 'Apple', model: 'iPhone 12 Pro', lens: null },
      contentIdentifier: '8E1D4C6B-2A53-4F7E-9C1A-0B6D5E4F3A21',
    });
    expect(m.gps).toMatchObject({
      lat: expect.closeTo(35.6586, 4),
      lon: expect.closeTo(139.7454, 4),
      alt: expect.closeTo(40, 1),
    });
  });

  it('keeps a UTC time as UTC (+00:00) when there is no position', async () => {
    // liveStill's MOV has Keys; the H.264 face clip has neither date nor place: file time.
    const { metadata: m } = await probeVideo(v.faceH264);
    expect(m.takenAtSource).toBe('file-mtime');
    const { metadata: hours } = await probeVideo(v.hoursLong);
    expect(hours.video.durationMs).toBe(7_200_000);
  });

  it('pairs a Live Photo: the still and the MOV carry the same ContentIdentifier', async () => {
    expect(await stillContentIdentifier(v.liveStill)).toBe(LIVE_ID);
    const { metadata: mov } = await probeVideo(v.liveMov);
    expect(mov.contentIdentifier).toBe(LIVE_ID);
    expect(mov.video.durationMs).toBeLessThanOrEqual(4000);
    const pairs = pairLivePhotos([
      { id: 's', path: v.liveStill, kind: 'still', contentIdentifier: LIVE_ID },
      {
        id: 'm',
        path: v.liveMov,
        kind: 'video',
        contentIdentifier: mov.contentIdentifier,
        durationMs: mov.video.durationMs,
      },
      {
        id: 'x',
        path: v.appleMov,
        kind: 'video',
        contentIdentifier: '8E1D4C6B-2A53-4F7E-9C1A-0B6D5E4F3A21',
        durationMs: 2000,
      },
    ]);
    expect(pairs).toEqual([{ stillId: 's', videoId: 'm', by: 'content-identifier' }]);
  });

  it('makes an upright poster of the rotated video, in the photo thumbnail sizes', async () => {
    const { probe } = await probeVideo(v.rotated);
    const p = await writePoster(v.rotated, probe, thumbDir, 'rotatedvideo0001');
    expect([p.image.width, p.image.height]).toEqual([540, 720]);
    expect(p.thumb.height).toBeGreaterThan(p.thumb.width);
    expect(Math.min(p.thumb.width, p.thumb.height)).toBe(300);
    expect(p.phash).toMatch(/^[0-9a-f]{16}$/);
    // It is the upright photo, not a turned one.
    const upright = await reference(FACE_PORTRAIT, 540, 720);
    const { data, info } = await sharp(upright.data, {
      raw: { width: 540, height: 720, channels: 3 },
    })
      .rotate(180)
      .raw()
      .toBuffer({ resolveWithObject: true });
    const flipped: RawImage = { data, width: info.width, height: info.height, channels: 3 };
    const right = meanAbsDiff(p.image, upright);
    expect(right).toBeLessThan(12);
    expect(meanAbsDiff(p.image, flipped)).toBeGreaterThan(right * 2);
  });

  it('skips the black start of a video for its poster', async () => {
    const { probe } = await probeVideo(v.startsBlack);
    const poster = await choosePoster(v.startsBlack, probe);
    expect(poster.timeMs).toBeGreaterThanOrEqual(1500);
    expect(poster.stats.mean).toBeGreaterThan(40);
    expect(poster.tried).toBeGreaterThan(1);
  });

  it('samples AI frames at the working size, poster first, one every few seconds', async () => {
    const { probe } = await probeVideo(v.hoursLong);
    const frames: number[] = [];
    for await (const f of sampleFrames(v.hoursLong, probe)) {
      expect([f.image.width, f.image.height]).toEqual([64, 64]);
      frames.push(f.timeMs);
    }
    // capped at 12, spread over the two hours
    expect(frames.length).toBe(12);
    expect(frames.at(-1)!).toBeGreaterThan(6_500_000);

    const face = await probeVideo(v.faceH264);
    const poster = await choosePoster(v.faceH264, face.probe);
    const times: number[] = [];
    for await (const f of sampleFrames(v.faceH264, face.probe, { poster })) {
      expect(f.image.width).toBe(960);
      times.push(f.timeMs);
    }
    expect(times[0]).toBe(poster.timeMs);
    expect(new Set(times).size).toBe(times.length);
  });

  it('makes frames of a 4K video at the 1440-px working size', async () => {
    const { metadata, probe } = await probeVideo(v.uhd);
    expect([metadata.width, metadata.height]).toEqual([3840, 2160]);
    const poster = await choosePoster(v.uhd, probe);
    expect([poster.image.width, poster.image.height]).toEqual([1440, 810]);
    expect(frameStats(poster.image).spread).toBeGreaterThan(10);
  });

  it('gives clear errors for broken files', async () => {
    expect(await failure(probeVideo(v.truncated))).toMatchObject({
      code: 'corrupt',
      message: expect.stringMatching(/truncated video: no moov index/),
    });
    expect(await failure(probeVideo(v.emptyMov))).toEqual({
      code: 'empty',
      message: 'file is empty (0 bytes)',
    });
    expect(await failure(probeVideo(v.audioOnly))).toMatchObject({
      code: 'no-video-stream',
      message: expect.stringMatching(/no video stream .*audio only: aac/),
    });
    expect(await failure(probeVideo(v.jpegNamedMp4))).toMatchObject({
      code: 'unsupported',
      message: 'content is a JPEG image, not a video (despite the .mp4 extension)',
    });
    expect(await failure(probeVideo(path.join(v.dir, 'missing.mp4')))).toMatchObject({
      code: 'unreadable',
    });
  });
});
