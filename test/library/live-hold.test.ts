// What the gallery and the folder counts show while a folder with copies, Live Photos and videos
// is scanned and indexed: a photo once however many copies a folder holds ([Note: folder counts
// agree with the gallery]), and a Live Photo's MOV never as an item of its own, not even before
// its pairing is decided ([Note: a MOV waits for its pairing]); a MOV that is no motion shows once
// it is probed. Real files: corpus photos, the test videos (test/helpers/videos.ts) and a 6-s MOV
// made here with ffmpeg; the real scanner and pipeline, AI off.

import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Picto } from '../../src/app/picto.js';
import { videoTools } from '../../src/media/video/index.js';
import { FFMPEG_QUIET } from '../../bench/ffmpeg-args.js';
import { corpusPath, hasCorpus } from '../helpers/corpus.js';
import { testVideos, type TestVideos } from '../helpers/videos.js';

const run = promisify(execFile);
const photo = (name: string) => corpusPath('exif', 'camera_jpeg', 'exif-org', name);

describe.skipIf(!hasCorpus)('counts and Live Photos while a folder is indexed', () => {
  let tmp: string;
  let lib: string;
  let picto: Picto;
  let v: TestVideos;
  /** What the gallery listed after every change: ids, and the folder's and library's counts. */
  const seen: { items: string[]; folder: number; library: number }[] = [];

  const at = (name: string) => path.join(lib, name);
  const idOf = (name: string) => picto.repos.locations.byPath(at(name))?.photo_id;
  const gallery = () => picto.gallery.page({ kind: 'all' }, { limit: 100 }).items.map((i) => i.id);
  const folderCount = () => [...picto.repos.folderStats.counts().values()][0]?.photos ?? 0;
  const look = () => {
    const items = gallery();
    seen.push({ items, folder: folderCount(), library: picto.repos.folderStats.library().photos });
    return items;
  };

  beforeAll(async () => {
    v = await testVideos();
    tmp = mkdtempSync(path.join(os.tmpdir(), 'picto-live-hold-'));
    lib = path.join(tmp, 'Pictures');
    mkdirSync(lib);
    // Two copies of one photo in the folder: one photo.
    copyFileSync(photo('canon-ixus.jpg'), at('party.jpg'));
    copyFileSync(photo('canon-ixus.jpg'), at('party copy.jpg'));
    // A Live Photo (the same ContentIdentifier in both), and a standalone video beside it.
    copyFileSync(v.liveStill, at('IMG_0007.JPG'));
    copyFileSync(v.liveMov, at('IMG_0007.MOV'));
    copyFileSync(v.faceH264, at('holiday.mp4'));
    // A still and a 6-s MOV of one name: too long for a Live Photo's motion, a video of its own.
    copyFileSync(photo('fujifilm-dx10.jpg'), at('IMG_0100.JPG'));
    const { ffmpeg } = await videoTools();
    const mov = (seconds: number, to: string) =>
      run(ffmpeg.path, [
        ...FFMPEG_QUIET,
        ...['-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=10', '-t', String(seconds)],
        ...['-c:v', 'libx264', '-pix_fmt', 'yuv420p', to],
      ]);
    await mov(6, at('IMG_0100.MOV'));
    await mov(2, path.join(tmp, 'two-seconds.mov'));
    picto = new Picto({ dataDir: path.join(tmp, 'data'), workers: 1 });
    picto.events.on((e) => {
      if (e.type === 'photos.changed' || e.type === 'scan.progress') look();
    });
  }, 600_000);

  afterAll(async () => {
    await picto?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('scanned, nothing indexed yet: copies are one photo and the MOVs of stills wait', async () => {
    const { folder } = await picto.folders.add(lib);
    picto.folders.setAi(folder.id, false);
    await picto.scan();
    const items = look();
    // party (two files), the Live Photo's still, holiday.mp4, IMG_0100.JPG; both MOVs wait.
    expect(items.sort()).toEqual(
      [idOf('party.jpg'), idOf('IMG_0007.JPG'), idOf('holiday.mp4'), idOf('IMG_0100.JPG')].sort(),
    );
    expect(idOf('party copy.jpg')).toBe(idOf('party.jpg'));
    const [f] = picto.status.summary().folders;
    expect(f).toMatchObject({ photos: 4, pending: 4, errors: 0, trashed: 0 });
    expect(picto.status.summary().library).toMatchObject({ photos: 4, pending: 4 });
    expect(picto.status.photos().total).toBe(4);
  });

  it('indexed: the Live Photo is one item, the long MOV shows as the video it is', async () => {
    picto.runner.start();
    await picto.runner.drain();
    const still = picto.repos.photos.get(idOf('IMG_0007.JPG')!)!;
    expect(still).toMatchObject({ kind: 'live', motion_id: idOf('IMG_0007.MOV') });
    expect(picto.repos.photos.get(idOf('IMG_0100.MOV')!)).toMatchObject({
      kind: 'video',
      live_of: null,
      status: 'ready',
    });
    expect(picto.repos.photos.get(idOf('IMG_0100.JPG')!)).toMatchObject({ kind: 'photo' });
    const items = look();
    expect(items).toHaveLength(5);
    expect(items).toContain(idOf('IMG_0100.MOV'));
    expect(items).not.toContain(idOf('IMG_0007.MOV'));
    expect(picto.status.summary().folders[0]).toMatchObject({ photos: 5, pending: 0, errors: 0 });
    expect(picto.status.summary().library).toMatchObject({ photos: 5, ready: 5 });
  });

  it('never listed the Live Photo’s MOV, and always counted what it listed', () => {
    const motion = idOf('IMG_0007.MOV')!;
    expect(seen.length).toBeGreaterThan(5);
    for (const s of seen) {
      expect(s.items).not.toContain(motion);
      expect(s.folder).toBe(s.items.length);
      expect(s.library).toBe(s.items.length);
    }
  });

  it('a MOV that arrives after its still waits for its pairing too', async () => {
    copyFileSync(photo('fujifilm-mx1700.jpg'), at('IMG_0200.JPG'));
    await picto.scanPaths([at('IMG_0200.JPG')]);
    await picto.runner.drain();
    picto.runner.pause();
    // 2 s long: by name, a Live Photo's motion.
    copyFileSync(path.join(tmp, 'two-seconds.mov'), at('IMG_0200.MOV'));
    await picto.scanPaths([at('IMG_0200.MOV')]);
    expect(look()).not.toContain(idOf('IMG_0200.MOV'));
    expect(folderCount()).toBe(6);
    picto.runner.resume();
    await picto.runner.drain();
    expect(picto.repos.photos.get(idOf('IMG_0200.JPG')!)).toMatchObject({
      kind: 'live',
      motion_id: idOf('IMG_0200.MOV'),
    });
    expect(look()).not.toContain(idOf('IMG_0200.MOV'));
    expect(folderCount()).toBe(6);
  });

  it('a MOV entered before its still is held back once the still arrives', async () => {
    picto.runner.pause();
    copyFileSync(v.faceHevc, at('IMG_0300.MOV'));
    await picto.scanPaths([at('IMG_0300.MOV')]);
    // Nothing of its name yet: a video like any other, listed while it waits for its probe.
    expect(look()).toContain(idOf('IMG_0300.MOV'));
    copyFileSync(photo('kodak-dc210.jpg'), at('IMG_0300.JPG'));
    await picto.scanPaths([at('IMG_0300.JPG')]);
    expect(look()).not.toContain(idOf('IMG_0300.MOV'));
    expect(folderCount()).toBe(7);
    picto.runner.resume();
    await picto.runner.drain();
    expect(picto.repos.photos.get(idOf('IMG_0300.JPG')!)).toMatchObject({ kind: 'live' });
    expect(look()).toHaveLength(7);
    expect(folderCount()).toBe(7);
  });

  it('a MOV beside a still that cannot be read for good shows, with its error', async () => {
    copyFileSync(photo('fujifilm-finepix40i.jpg'), at('IMG_0400.JPG'));
    copyFileSync(v.truncated, at('IMG_0400.MOV'));
    await picto.scanPaths([lib]);
    expect(look()).not.toContain(idOf('IMG_0400.MOV'));
    expect(folderCount()).toBe(8);
    await picto.runner.drain();
    expect(picto.repos.photos.get(idOf('IMG_0400.MOV')!)).toMatchObject({
      kind: 'video',
      live_of: null,
      status: 'error',
    });
    expect(look()).toContain(idOf('IMG_0400.MOV'));
    expect(picto.status.summary().folders[0]).toMatchObject({ photos: 9, errors: 1 });
  });
});
