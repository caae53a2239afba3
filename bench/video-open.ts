// Video benchmark, the viewer's wait: a 30-s 1080p HEVC clip is indexed (poster, thumbnails) with
// the transcode lane stopped, so it is not playable yet; then the viewer opens it. The clock runs
// from the first GET /api/photos/{id}/video (the video jumps to the front of the lane, the lane
// starts; a 202 is polled again each second as the viewer does) to the first frame in the answer:
// the bytes of its first complete `moof` + `mdat` fragment (the transcode as it is being made,
// [Note: live transcode]), or for a finished faststart file its `moov` and the start of its `mdat`.
// The real Picto, server and Transcoder, so it includes the queue, the job bookkeeping and the
// HTTP serving. It also says whether the answer was the growing transcode, and how long after the
// first frame the transcode finished (what the viewer would have waited before).

import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { Picto } from '../src/app/picto.js';
import { createServer } from '../src/server/server.js';
import { launchChromium } from './headless.js';

export interface OpenToFirstFrame {
  /** GET /video → the first frame's bytes in the playable answer */
  ms: number;
  /** GET /video → the answer's first bytes */
  firstBytesMs: number;
  /** how many 202 answers (one a second, as the viewer polls) came before it */
  polls: number;
  /** the answer was the transcode while it was being made (x-picto-transcode: running) */
  growing: boolean;
  /** GET /video → the transcode finished (the video became seekable) */
  transcodeDoneMs: number;
}

/**
 * Where the first frame's bytes end in the start of an MP4: after the first complete `mdat` that
 * follows a `moof` (fragmented), or 64 KiB into the `mdat` after a `moov` (faststart). Null while
 * `bytes` do not reach that far.
 */
export function firstFrameEnd(bytes: Buffer): number | null {
  let at = 0;
  let sawMoof = false;
  let sawMoov = false;
  while (at + 8 <= bytes.length) {
    const size = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (size < 8) return null;
    if (type === 'moof') sawMoof = true;
    if (type === 'moov') sawMoov = true;
    if (type === 'mdat' && sawMoof) return at + size <= bytes.length ? at + size : null;
    if (type === 'mdat' && sawMoov) return at + 65536 <= bytes.length ? at + 65536 : null;
    at += size;
  }
  return null;
}

interface Opened {
  picto: Picto;
  base: string;
  id: string;
  /** resolves at the performance.now() of the video's `video.ready` */
  done: Promise<number>;
}

/** The clip indexed in a fresh Picto with the transcode lane stopped; `fn` opens it. */
async function withUnconverted<T>(clip: string, fn: (o: Opened) => Promise<T>): Promise<T> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'picto-bench-open-'));
  const lib = path.join(tmp, 'Library');
  mkdirSync(lib);
  copyFileSync(clip, path.join(lib, path.basename(clip)));
  const picto = new Picto({ dataDir: path.join(tmp, 'data'), workers: 1 });
  const server = await createServer(picto, { port: 0, heartbeatMs: 1000 });
  try {
    await picto.transcoder.stop();
    const { folder } = await picto.folders.add(lib);
    picto.folders.setAi(folder.id, false);
    await picto.scan();
    picto.runner.start();
    // Not drain(): it waits for every video to be playable, and the lane is stopped.
    while (picto.repos.jobs.hasOpenWork(['video'])) await new Promise((r) => setTimeout(r, 200));
    const id = picto.repos.locations.byPath(path.join(lib, path.basename(clip)))!.photo_id;
    const done = new Promise<number>((resolve) => {
      const off = picto.events.on((e) => {
        if (e.type === 'video.ready' && e.photoId === id) {
          off();
          resolve(performance.now());
        }
      });
    });
    return await fn({ picto, base: server.url, id, done });
  } finally {
    await server.close();
    await picto.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

export function openToFirstFrame(clip: string): Promise<OpenToFirstFrame> {
  return withUnconverted(clip, async ({ picto, base, id, done }) => {
    const url = `${base}/api/photos/${id}/video`;
    const t0 = performance.now();
    let polls = 0;
    for (;;) {
      const asked = fetch(url);
      // The lane was idle when the viewer asked: it starts as the request goes out (and takes
      // this video, the only one queued, which the request then raises to nice 5).
      if (polls === 0) picto.transcoder.start();
      const res = await asked;
      if (res.status === 200 || res.status === 206) {
        const growing = res.headers.get('x-picto-transcode') === 'running';
        const reader = res.body!.getReader();
        let got = Buffer.alloc(0);
        let firstBytesMs = 0;
        for (;;) {
          const { value, done: ended } = await reader.read();
          if (value) {
            if (got.length === 0) firstBytesMs = performance.now() - t0;
            got = Buffer.concat([got, value]);
          }
          if (firstFrameEnd(got) !== null) break;
          if (ended) throw new Error(`the answer ended after ${got.length} bytes, before a frame`);
        }
        const ms = performance.now() - t0;
        await reader.cancel();
        const transcodeDoneMs = (await done) - t0;
        return {
          ms: Math.round(ms),
          firstBytesMs: Math.round(firstBytesMs),
          polls,
          growing,
          transcodeDoneMs: Math.round(transcodeDoneMs),
        };
      }
      if (res.status !== 202) throw new Error(`GET /video answered ${res.status}`);
      await res.arrayBuffer();
      polls++;
      await new Promise((r) => setTimeout(r, 1000));
    }
  });
}

export interface ViewerFirstFrame {
  /** page load of the viewer on the video → its <video> has a frame and plays (currentTime > 0) */
  ms: number;
  /** it was playing from the growing transcode (the transcode still ran at that moment) */
  whileConverting: boolean;
  /** page load → the transcode finished */
  transcodeDoneMs: number;
}

/**
 * The same open in the real viewer in headless Chromium (web/dist, which `npm run bench` builds):
 * from loading `/?photo=<id>` to the video element playing its first frame.
 */
export function openInViewer(clip: string): Promise<ViewerFirstFrame> {
  return withUnconverted(clip, async ({ picto, base, id, done }) => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const t0 = performance.now();
      const loaded = page.goto(`${base}/?photo=${id}`);
      picto.transcoder.start();
      await loaded;
      // Browser-side code reaches the DOM through globalThis (compiled without DOM types).
      await page.waitForFunction(
        () => {
          const v = (globalThis as any).document.querySelector('.viewer-video');
          return Boolean(v && v.readyState >= 2 && v.currentTime > 0);
        },
        undefined,
        { timeout: 120_000, polling: 20 },
      );
      const ms = performance.now() - t0;
      const whileConverting = picto.repos.photos.get(id)?.transcode === 'running';
      const transcodeDoneMs = (await done) - t0;
      return {
        ms: Math.round(ms),
        whileConverting,
        transcodeDoneMs: Math.round(transcodeDoneMs),
      };
    } finally {
      await browser.close();
    }
  });
}
