// Videos and Live Photos end to end (issue 13): videos the tests make from corpus photos
// (test/helpers/videos.ts), indexed by the real pipeline with the real models, served by the API.

import { copyFileSync, mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Picto } from '../../src/app/picto.js';
import { createServer, type PictoServer } from '../../src/server/server.js';
import { videoTools } from '../../src/media/video/index.js';
import type { TimelineItem, PhotoDetails } from '../../src/shared/api.js';
import { FACE_LANDSCAPE, testVideos, type TestVideos } from '../helpers/videos.js';

const run = promisify(execFile);

let tmp: string;
let lib: string;
let picto: Picto;
let server: PictoServer;
let v: TestVideos;
const ids = new Map<string, string>();

async function json<T>(url: string): Promise<T> {
  const res = await fetch(server.url + url);
  expect(res.status, url).toBe(200);
  return (await res.json()) as T;
}

/** ffprobe of what GET /video sent: codec and duration. */
async function probeBytes(
  bytes: ArrayBuffer,
  name: string,
): Promise<{ codec: string; ms: number }> {
  const file = path.join(tmp, name);
  const { writeFileSync } = await import('node:fs');
  writeFileSync(file, Buffer.from(bytes));
  const { ffprobe } = await videoTools();
  const { stdout } = await run(ffprobe.path, [
    '-v',
    'error',
    '-select_streams',
    'v:0',
    '-show_entries',
    'stream=codec_name:format=duration',
    '-of',
    'json',
    file,
  ]);
  const j = JSON.parse(stdout) as {
    streams: { codec_name: string }[];
    format: { duration: string };
  };
  return { codec: j.streams[0].codec_name, ms: Number(j.format.duration) * 1000 };
}

beforeAll(async () => {
  v = await testVideos();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'picto-videos-'));
  lib = path.join(tmp, 'Library');
  mkdirSync(lib);
  for (const k of [
    'faceH264',
    'faceHevc',
    'rotated',
    'gpsUtc',
    'appleMov',
    'liveStill',
    'liveMov',
    'truncated',
    'emptyMov',
  ] as const)
    copyFileSync(v[k], path.join(lib, path.basename(v[k])));
  copyFileSync(FACE_LANDSCAPE, path.join(lib, 'face-photo.jpg'));
  picto = new Picto({ dataDir: path.join(tmp, 'data'), workers: 2 });
  server = await createServer(picto, { port: 0, heartbeatMs: 200 });
  await picto.folders.add(lib);
  await picto.scan();
  picto.runner.start();
  await picto.runner.drain();
  await picto.people.recluster();
  for (const loc of picto.repos.db.prepare('SELECT l.photo_id, l.path FROM locations l').all() as {
    photo_id: string;
    path: string;
  }[])
    ids.set(path.basename(loc.path), loc.photo_id);
}, 600_000);

afterAll(async () => {
  await server?.close();
  await picto?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('videos in the catalogue', () => {
  it('lists videos with kind and duration; the Live Photo is one item', async () => {
    const page = await json<{ items: TimelineItem[] }>('/api/timeline?limit=100');
    const byId = new Map(page.items.map((i) => [i.id, i]));
    const h264 = byId.get(ids.get('face-h264.mp4')!)!;
    expect(h264.kind).toBe('video');
    expect(h264.durationMs).toBeGreaterThan(2500);
    expect(h264.durationMs).toBeLessThan(3500);
    expect(byId.get(ids.get('face-photo.jpg')!)!.kind).toBe('photo');
    const live = byId.get(ids.get('IMG_0007.JPG')!)!;
    expect(live.kind).toBe('live');
    expect(live.durationMs).toBeGreaterThan(2000);
    expect(byId.has(ids.get('IMG_0007.MOV')!)).toBe(false);
    // 6 videos, the Live Photo and the face photo, the two broken videos: the MOV half is no tile
    expect(page.items.length).toBe(9);
    // status counts items as the gallery shows them: the MOV half is not a photo of its own
    const system = await json<{ photos: { total: number; ready: number; error: number } }>(
      '/api/system',
    );
    expect(system.photos).toMatchObject({ total: 9, ready: 7, error: 2 });
  });

  it('runs the video stages on videos and the photo stages on stills, and no AI on a Live MOV', () => {
    const stages = (file: string) =>
      picto.repos.jobs
        .stagesForPhoto(ids.get(file)!)
        .map((j) => j.stage)
        .sort();
    expect(stages('face-h264.mp4')).toEqual(['video', 'video-ai']);
    expect(stages('face-hevc.mov')).toEqual(['transcode', 'video', 'video-ai']);
    // the motion of the Live Photo (H.264 here: it plays as it is) is probed, with a poster; its
    // still has the tags and faces, so its frames never go through the models
    expect(stages('IMG_0007.MOV')).toEqual(['video']);
    expect(stages('IMG_0007.JPG')).toEqual(
      expect.arrayContaining(['media', 'objects', 'faces', 'similarity', 'categories']),
    );
    expect(stages('IMG_0007.JPG').some((s) => s.startsWith('video') || s === 'transcode')).toBe(
      false,
    );
    expect(stages('face-photo.jpg')).not.toContain('video-ai');
  });

  it('reads metadata and local dates', async () => {
    const apple = await json<PhotoDetails>(`/api/photos/${ids.get('IMG_0042.MOV')}`);
    expect(apple.takenAt).toBe('2023-07-14T19:22:05+09:00');
    expect(apple.gps?.lat).toBeCloseTo(35.6, 0);
    expect(apple.camera.make).toBeTruthy();
    const gps = await json<PhotoDetails>(`/api/photos/${ids.get('gps-utc.mp4')}`);
    // 10:22:05 UTC in Paris in July is 12:22:05 local (+02:00)
    expect(gps.takenAt).toBe('2023-07-14T12:22:05+02:00');
    const rotated = await json<PhotoDetails>(`/api/photos/${ids.get('rotated-90.mp4')}`);
    expect(rotated.height!).toBeGreaterThan(rotated.width!);
    expect(rotated.previewHeight!).toBeGreaterThan(rotated.previewWidth!);
    const hevc = await json<PhotoDetails>(`/api/photos/${ids.get('face-hevc.mov')}`);
    expect(hevc.video).toMatchObject({ codec: 'hevc', playable: false, transcode: 'done' });
    const h264 = await json<PhotoDetails>(`/api/photos/${ids.get('face-h264.mp4')}`);
    expect(h264.video).toMatchObject({ codec: 'h264', playable: true, transcode: 'none' });
    expect(h264.video!.fps).toBeCloseTo(15, 0);
  });

  it('broken files carry errors and the scan went on', async () => {
    for (const name of ['truncated.mp4', 'empty.mov']) {
      const d = await json<PhotoDetails>(`/api/photos/${ids.get(name)}`);
      expect(d.status, name).toBe('error');
      expect(d.error, name).toBeTruthy();
      expect(d.kind).toBe('video');
    }
    const res = await fetch(`${server.url}/api/photos/${ids.get('truncated.mp4')}/video`);
    expect(res.status).toBe(422);
  });

  it('serves every video as H.264 of the right duration, with ranges', async () => {
    for (const [name, ms] of [
      ['face-h264.mp4', 3000],
      ['face-hevc.mov', 3000],
      ['rotated-90.mp4', 0],
      ['gps-utc.mp4', 0],
      ['IMG_0042.MOV', 0],
      ['IMG_0007.JPG', 2500],
    ] as const) {
      const res = await fetch(`${server.url}/api/photos/${ids.get(name)}/video`);
      expect(res.status, name).toBe(200);
      expect(res.headers.get('content-type'), name).toMatch(/^video\/(mp4|webm)/);
      const p = await probeBytes(await res.arrayBuffer(), `${name}.out`);
      expect(['h264', 'vp9', 'av1'], name).toContain(p.codec);
      const d = await json<PhotoDetails>(`/api/photos/${ids.get(name)}`);
      expect(Math.abs(p.ms - (d.durationMs ?? ms)), name).toBeLessThan(300);
    }
    const ranged = await fetch(`${server.url}/api/photos/${ids.get('face-hevc.mov')}/video`, {
      headers: { range: 'bytes=0-99' },
    });
    expect(ranged.status).toBe(206);
    expect((await ranged.arrayBuffer()).byteLength).toBe(100);
    const still = await fetch(`${server.url}/api/photos/${ids.get('face-photo.jpg')}/video`);
    expect(still.status).toBe(404);
  });

  it('makes a hover preview clip', async () => {
    const res = await fetch(`${server.url}/api/photos/${ids.get('face-hevc.mov')}/video/preview`);
    expect(res.status).toBe(200);
    const p = await probeBytes(await res.arrayBuffer(), 'preview.out');
    expect(p.codec).toBe('h264');
    expect(p.ms).toBeLessThanOrEqual(3100);
  });

  it('tags videos from their frames and the face joins the person of the photo', async () => {
    const photoFaces = picto.repos.faces.facesForPhoto(ids.get('face-photo.jpg')!);
    const videoFaces = picto.repos.faces.facesForPhoto(ids.get('face-h264.mp4')!);
    expect(photoFaces.length).toBeGreaterThan(0);
    expect(videoFaces.length).toBe(1);
    expect(videoFaces[0].time_ms).not.toBeNull();
    expect(videoFaces[0].person_id).not.toBeNull();
    expect(photoFaces.map((f) => f.person_id)).toContain(videoFaces[0].person_id);
    expect(
      picto.repos.objects.objectsForPhoto(ids.get('face-h264.mp4')!).map((o) => o.label),
    ).toContain('person');
  });

  it('finds videos by search', async () => {
    const r = await json<{ items: TimelineItem[]; total?: number }>('/api/search?q=videos');
    const kinds = new Set(r.items.map((i) => i.kind));
    expect(kinds.has('video')).toBe(true);
    expect(kinds.has('photo')).toBe(false);
    const live = await json<{ items: TimelineItem[] }>('/api/search?q=live%20photos');
    expect(live.items.map((i) => i.id)).toEqual([ids.get('IMG_0007.JPG')]);
  });
});
