// An HEVC video opened while its transcode runs ([Note: live transcode], [Note: the opened video
// goes first]): the answer is the transcode as it is made, a fragmented MP4 that starts before
// ffmpeg exits; the finished copy is the usual faststart MP4 with ranges. Real videos made by the
// tests (a 90-s HEVC MOV whose transcode takes seconds, the 3-s face HEVC), the real Picto.

import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, truncateSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { videoTools } from '../../src/media/video/index.js';
import { videoFilePaths } from '../../src/media/video/preview-clip.js';
import { hasCorpus } from '../helpers/corpus.js';
import { LONG_HEVC_SECONDS, longHevc } from '../helpers/long-hevc.js';
import { hasFirstFragment, readUntil, topBoxes } from '../helpers/mp4-boxes.js';
import { testVideos } from '../helpers/videos.js';
import { startGallery, type Gallery } from './harness.js';

const run = promisify(execFile);

async function probeBytes(g: Gallery, bytes: Buffer): Promise<{ codec: string; s: number }> {
  const file = path.join(g.tmp, `probe-${Date.now()}.mp4`);
  writeFileSync(file, bytes);
  const { ffprobe } = await videoTools();
  const { stdout } = await run(ffprobe.path, [
    ...['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=codec_name'],
    ...['-show_entries', 'format=duration', '-of', 'json', file],
  ]);
  const j = JSON.parse(stdout) as {
    streams: { codec_name: string }[];
    format: { duration: string };
  };
  return { codec: j.streams[0].codec_name, s: Number(j.format.duration) };
}

describe.skipIf(!hasCorpus)('an HEVC video opened while its transcode runs', () => {
  let g: Gallery;
  let id: (name: string) => string;
  const video = (name: string) => `${g.url}/api/photos/${id(name)}/video`;
  const row = (name: string) => g.picto.repos.photos.get(id(name))!;
  const copyOf = (name: string) =>
    videoFilePaths(g.picto.layout.videos, row(name).content_hash).browserCopy;
  const ready = (name: string) =>
    g.picto.events.once((e) => e.type === 'video.ready' && e.photoId === id(name));

  beforeAll(async () => {
    const long = await longHevc();
    const v = await testVideos();
    g = await startGallery({ photos: [] });
    copyFileSync(long, path.join(g.lib, 'long-hevc.mov'));
    copyFileSync(v.faceHevc, path.join(g.lib, 'face-hevc.mov'));
    // Cut before its index (ffmpeg writes the MOV's moov at the end): unreadable.
    const cut = path.join(g.lib, 'cut-hevc.mov');
    copyFileSync(long, cut);
    truncateSync(cut, Math.floor(statSync(long).size / 2));
    // Indexed (posters, thumbnails) with the transcode lane stopped: nothing is playable yet.
    await g.picto.transcoder.stop();
    const { folder } = await g.picto.folders.add(g.lib);
    g.picto.folders.setAi(folder.id, false);
    await g.picto.scan();
    g.picto.runner.start();
    while (g.picto.repos.jobs.hasOpenWork(['video'])) await new Promise((r) => setTimeout(r, 100));
    id = (name) => g.picto.repos.locations.byPath(path.join(g.lib, name))!.photo_id;
  }, 600_000);
  afterAll(async () => {
    await g?.close();
  });

  it('stops a background transcode of another video for the one opened', async () => {
    // The long video is first in the lane (as the oldest would be), in the background.
    g.picto.repos.jobs.prioritize(id('long-hevc.mov'), 1, new Date().toISOString(), 'transcode');
    g.picto.transcoder.start();
    await expect
      .poll(() => g.picto.transcoder.progress(id('long-hevc.mov')), { timeout: 30_000 })
      .not.toBeUndefined();
    const done = ready('face-hevc.mov');
    const res = await fetch(video('face-hevc.mov'));
    expect(res.status).toBe(200);
    expect(res.headers.get('x-picto-transcode')).toBe('running');
    // The long one went back to the queue to make way.
    expect(row('long-hevc.mov').transcode).toBe('pending');
    expect(g.picto.transcoder.progress(id('long-hevc.mov'))).toBeUndefined();
    // The growing answer ends with the transcode: the whole video, 3 s of H.264.
    const whole = Buffer.from(await res.arrayBuffer());
    expect(topBoxes(whole).map((b) => b.type)).toEqual(
      expect.arrayContaining(['ftyp', 'moov', 'moof', 'mdat']),
    );
    const p = await probeBytes(g, whole);
    expect(p.codec).toBe('h264');
    expect(p.s).toBeGreaterThan(2.5);
    await done;
    // Then the lane takes the long one up again.
    await expect
      .poll(() => g.picto.transcoder.progress(id('long-hevc.mov')), { timeout: 30_000 })
      .not.toBeUndefined();
  }, 120_000);

  it('sends the transcode as it is made: a fragmented MP4 whose first fragment comes before ffmpeg exits', async () => {
    const done = ready('long-hevc.mov');
    const res = await fetch(video('long-hevc.mov'), { headers: { range: 'bytes=0-' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('video/mp4');
    expect(res.headers.get('x-picto-transcode')).toBe('running');
    expect(res.headers.get('accept-ranges')).toBe('none');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-length')).toBeNull();
    const { bytes, met } = await readUntil(res, hasFirstFragment);
    expect(met).toBe(true);
    // A first frame is here while ffmpeg still works: no finished copy yet.
    expect(row('long-hevc.mov').transcode).toBe('running');
    expect(g.picto.transcoder.progress(id('long-hevc.mov'))).toBeLessThan(1);
    expect(existsSync(copyOf('long-hevc.mov'))).toBe(false);
    const boxes = topBoxes(bytes).map((b) => b.type);
    expect(boxes.slice(0, 4)).toEqual(['ftyp', 'moov', 'moof', 'mdat']);

    // A range of what exists is answered, its total length unknown.
    const part = await fetch(video('long-hevc.mov'), { headers: { range: 'bytes=0-99' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 0-99/*');
    const head = Buffer.from(await part.arrayBuffer());
    expect(head.length).toBe(100);
    expect(head.toString('latin1', 4, 8)).toBe('ftyp');

    // A reader that stays to the end gets the whole video when the transcode finishes.
    const whole = await fetch(video('long-hevc.mov'));
    expect(whole.headers.get('x-picto-transcode')).toBe('running');
    const all = Buffer.from(await whole.arrayBuffer());
    await done;
    const p = await probeBytes(g, all);
    expect(p.codec).toBe('h264');
    expect(Math.abs(p.s - LONG_HEVC_SECONDS)).toBeLessThan(1);
  }, 300_000);

  it('serves the finished transcode as the usual faststart MP4, with ranges, and no temporary file', async () => {
    expect(row('long-hevc.mov').transcode).toBe('done');
    const res = await fetch(video('long-hevc.mov'));
    expect(res.status).toBe(200);
    expect(res.headers.get('x-picto-transcode')).toBeNull();
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    const size = statSync(copyOf('long-hevc.mov')).size;
    expect(Number(res.headers.get('content-length'))).toBe(size);
    // Its index (a large one: 90 s of samples) comes before the media.
    const { bytes } = await readUntil(res, (b) => topBoxes(b).some((x) => x.type === 'mdat'));
    const boxes = topBoxes(bytes).map((b) => b.type);
    expect(boxes.indexOf('moov')).toBeGreaterThanOrEqual(0);
    expect(boxes.indexOf('moov')).toBeLessThan(boxes.indexOf('mdat'));
    expect(boxes).not.toContain('moof');
    const part = await fetch(video('long-hevc.mov'), { headers: { range: 'bytes=1000-1999' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 1000-1999/${size}`);
    expect((await part.arrayBuffer()).byteLength).toBe(1000);
    const { readdirSync } = await import('node:fs');
    expect(
      readdirSync(path.dirname(copyOf('long-hevc.mov'))).filter((f) => f.startsWith('.')),
    ).toEqual([]);
  });

  it('answers a broken video with a clear error, not a stream', async () => {
    const res = await fetch(video('cut-hevc.mov'));
    expect(res.status).toBe(422);
    const body = (await res.json()) as { message: string };
    expect(body.message).toMatch(/truncated|moov|corrupt|cannot/i);
  });
});
