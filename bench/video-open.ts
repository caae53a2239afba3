// Video benchmark, the viewer's wait: a 30-s 1080p HEVC clip is indexed (poster, thumbnails) with
// the transcode lane stopped, so it is not playable yet; then the viewer opens it. The clock runs
// from the first GET /api/photos/{id}/video (202: the video jumps to the front of the lane, the
// lane starts) to the first bytes of the 200 answer, which carry the faststart header and the
// first frame: the time a user looks at the poster and its progress. The real Picto, server and
// Transcoder (nice 19), so it includes the queue, the job bookkeeping and the HTTP serving.

import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { Picto } from '../src/app/picto.js';
import { createServer } from '../src/server/server.js';

export interface OpenToFirstFrame {
  /** GET /video → first bytes of the playable answer */
  ms: number;
  /** how many 202 answers (one a second, as the viewer polls) came before it */
  polls: number;
  /** bytes of the answer's first chunk */
  firstChunkBytes: number;
}

export async function openToFirstFrame(clip: string): Promise<OpenToFirstFrame> {
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
    const url = `${server.url}/api/photos/${id}/video`;
    const t0 = performance.now();
    let polls = 0;
    for (;;) {
      const res = await fetch(url);
      // The lane was idle when the viewer asked (it runs from here on).
      if (polls === 0) picto.transcoder.start();
      if (res.status === 200 || res.status === 206) {
        const reader = res.body!.getReader();
        const first = await reader.read();
        const ms = performance.now() - t0;
        await reader.cancel();
        return { ms: Math.round(ms), polls, firstChunkBytes: first.value?.byteLength ?? 0 };
      }
      if (res.status !== 202) throw new Error(`GET /video answered ${res.status}`);
      await res.arrayBuffer();
      polls++;
      await new Promise((r) => setTimeout(r, 1000));
    }
  } finally {
    await server.close();
    await picto.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}
