// What reading a photo costs, step by step, today and with one read of the file.
//   node dist/bench/probes/one-read.js [photos] [rounds]
//
// Today: the scan fingerprints the file (16 reads of 64 KiB + sha256), then the media stage reads
// its first 64 KiB, then the whole file, parses sharp's header and exifr's tags from the buffer,
// and decodes. "One read": readFile once, the fingerprint hashed from the same windows of the
// buffer (the same digest), metadata and decode from the buffer.
// Warm: the file is in the page cache (as in the other benchmarks). Cold: evicted first with
// posix_fadvise(DONTNEED) (through python: node has no fadvise), which shows what the disk adds.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { fingerprintFile, sampleWindows } from '../../src/library/fingerprint.js';
import { collectMetadata, readHead, statFile } from '../../src/media/metadata.js';
import { interleaved, log, median, poolPhotos, r1 } from './common.js';

function fingerprintOf(buf: Buffer): string {
  const hash = createHash('sha256');
  const header = Buffer.alloc(16);
  header.write('pfp1', 0, 'latin1');
  header.writeBigUInt64LE(BigInt(buf.length), 8);
  hash.update(header);
  for (const [start, length] of sampleWindows(buf.length))
    hash.update(buf.subarray(start, start + length));
  return hash.digest('hex');
}

const decode256 = (buf: Buffer) =>
  sharp(buf)
    .rotate()
    .resize({ width: 256, height: 256, fit: 'inside' })
    .removeAlpha()
    .raw()
    .toBuffer();

function evict(files: string[]): void {
  execFileSync('/usr/bin/python3', [
    '-c',
    'import os,sys\nfor p in sys.argv[1:]:\n fd=os.open(p,os.O_RDONLY); os.posix_fadvise(fd,0,0,os.POSIX_FADV_DONTNEED); os.close(fd)',
    ...files,
  ]);
}

export async function oneRead(photos: number, rounds: number) {
  sharp.concurrency(1);
  sharp.cache(false);
  const files = poolPhotos(photos);
  for (const f of files) {
    const buf = await readFile(f);
    if (fingerprintOf(buf) !== (await fingerprintFile(f)))
      throw new Error('in-memory fingerprint differs from the file fingerprint');
  }
  const steps = {
    'fingerprint (16×64 KiB reads + sha256)': (f: string) => fingerprintFile(f),
    'readHead 64 KiB': (f: string) => readHead(f),
    'readFile whole': (f: string) => readFile(f),
    'fingerprint from buffer': async (f: string) => fingerprintOf(await readFile(f)),
    'metadata from buffer (sharp header + exifr)': async (f: string) =>
      collectMetadata(f, await readFile(f), await statFile(f)),
    'decode 256 from buffer': async (f: string) => decode256(await readFile(f)),
    'today: fingerprint + head + readFile + metadata + decode256': async (f: string) => {
      await fingerprintFile(f);
      await readHead(f);
      const buf = await readFile(f);
      await collectMetadata(f, buf, await statFile(f));
      await decode256(buf);
    },
    'one read: readFile + fingerprint + metadata + decode256': async (f: string) => {
      const buf = await readFile(f);
      fingerprintOf(buf);
      await collectMetadata(f, buf, await statFile(f));
      await decode256(buf);
    },
  };
  log(`warm: ${files.length} photos × ${Object.keys(steps).length} steps × ${rounds} rounds…`);
  const warm = await interleaved(files, steps, rounds);
  // Cold: every measurement starts from an evicted file. The readFile-alone steps are subtracted
  // by the reader; eviction itself is outside the clock.
  const cold: Record<string, number[]> = {};
  const coldSteps = {
    'fingerprint (16×64 KiB reads + sha256)': steps['fingerprint (16×64 KiB reads + sha256)'],
    'readFile whole': steps['readFile whole'],
    'today: fingerprint + head + readFile + metadata + decode256':
      steps['today: fingerprint + head + readFile + metadata + decode256'],
    'one read: readFile + fingerprint + metadata + decode256':
      steps['one read: readFile + fingerprint + metadata + decode256'],
  };
  log('cold (evicted before each measurement)…');
  for (let round = 0; round < rounds; round++) {
    for (const f of files) {
      for (const [name, fn] of Object.entries(coldSteps)) {
        evict([f]);
        const t0 = performance.now();
        await fn(f);
        (cold[name] ??= []).push(performance.now() - t0);
      }
    }
  }
  return {
    photos: files.length,
    rounds,
    vipsThreads: 1,
    warmMedianPerPhoto: warm,
    coldWallMsMedianPerPhoto: Object.fromEntries(
      Object.entries(cold).map(([k, xs]) => [k, r1(median(xs))]),
    ),
  };
}

const photos = Number(process.argv[2] ?? 10);
const rounds = Number(process.argv[3] ?? 3);
process.stdout.write(JSON.stringify(await oneRead(photos, rounds), null, 2) + '\n');
