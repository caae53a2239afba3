import { statSync } from 'node:fs';
import os from 'node:os';
import { timeAdd } from '../cli.js';
import { decodeOnlyRate } from '../ingest.js';
import { peerIngest, peersDir, peerUnavailable, type PeerIngest } from '../peer.js';
import { benchPhotos, log, median, repoRoot, round, workers } from './common.js';

/**
 * Issue 12: PictoPy's own no-AI ingest and `picto add --no-ai --wait` on the same grainy 12 MP
 * JPEGs in one run, with the 256 px decode-only rate as the ceiling for a visible grid.
 *
 * [Note: leaving start-up out] PictoPy's script times only image_util_process_folder_images (its
 * imports, table creation and folder registration are outside the clock). Picto is timed through
 * the built CLI, spawn to exit, and the same command on an empty folder is subtracted: what is left
 * is the scan, fingerprints, media work and catalogue writes of the photos, while node start-up,
 * module loading, catalogue creation, worker start and shut-down (all paid by the empty run too)
 * are left out. Worker threads start in both runs (the pool starts with the runner). The rounds
 * alternate the three measurements, and medians are reported, since the machine is shared.
 */
export async function run() {
  const count = Number(process.env.PICTO_BENCH_PEER_PHOTOS ?? 100);
  const rounds = Number(process.env.PICTO_BENCH_PEER_ROUNDS ?? 3);
  const peers = peersDir(repoRoot);
  const unavailable = await peerUnavailable(peers);
  if (unavailable) {
    log(`pictopy: skipped: ${unavailable}`);
    return { skipped: unavailable, peers };
  }
  const files = await benchPhotos(count);
  const folder = files[0].replace(/\/[^/]+$/, '');
  const meanMb = files.reduce((s, f) => s + statSync(f).size, 0) / files.length / 1e6;

  const loadAtStart = os.loadavg()[0];
  const peer: PeerIngest[] = [];
  const picto: { seconds: number; emptySeconds: number; photosPerSecond: number }[] = [];
  const decode: number[] = [];
  for (let r = 0; r < rounds; r++) {
    log(`pictopy round ${r + 1}/${rounds}: PictoPy ingest of ${count} photos…`);
    peer.push(await peerIngest(peers, folder));
    log(`pictopy round ${r + 1}/${rounds}: picto add --no-ai --wait (and an empty folder)…`);
    const t = await timeAdd(folder, { ai: false });
    picto.push({ ...t, photosPerSecond: count / (t.seconds - t.emptySeconds) });
    log(`pictopy round ${r + 1}/${rounds}: decode-only at 256 px, ${workers} in flight…`);
    decode.push((await decodeOnlyRate(files, workers, 256)).photosPerSecond);
  }
  const peerRate = median(peer.map((p) => p.photosPerSecond));
  const pictoRate = median(picto.map((p) => p.photosPerSecond));
  const decodeRate = median(decode);
  return {
    photos: count,
    photoMeanMb: round(meanMb),
    rounds,
    // Other jobs' load favours Picto's two workers over PictoPy's one process (the scheduler gives
    // each runnable thread a share): compare ratios measured at similar load.
    loadAverage: { start: round(loadAtStart), end: round(os.loadavg()[0]) },
    pictopy: {
      photosPerSecond: round(peerRate),
      perRound: peer.map((p) => round(p.photosPerSecond)),
      peakRssMb: Math.max(...peer.map((p) => p.peakRssMb)),
      importSecondsLeftOut: round(median(peer.map((p) => p.importSeconds))),
    },
    picto: {
      command: 'picto add --no-ai --wait',
      workers,
      photosPerSecond: round(pictoRate),
      perRound: picto.map((p) => round(p.photosPerSecond)),
      secondsMedian: round(median(picto.map((p) => p.seconds))),
      emptyFolderSecondsMedian: round(median(picto.map((p) => p.emptySeconds))),
    },
    decode256PhotosPerSecond: round(decodeRate),
    ratioToPictopy: round(pictoRate / peerRate),
    ratioToDecode256: round(pictoRate / decodeRate),
    targets: { ratioToPictopy: 2, ratioToDecode256: 0.6 },
  };
}
