// People at scale, on synthetic descriptors (bench/people-synthetic.ts: 2,000 identities with the
// spread of real dlib descriptors, Zipf-sized, faces grouped into photos, 10 % low quality):
//   - the full consolidation pass over 100k faces (time, CPU, memory, quality against the truth);
//   - 1,000 new faces joining the 100k library through per-person summaries;
//   - a naive DBSCAN over a dense n × n cosine matrix (what PictoPy ships), on the largest subset
//     whose matrix fits comfortably, next to our engine on the same subset.
// `peopleBench()` returns one JSON-able object; `node dist/bench/people.js` prints it.

import { fileURLToPath } from 'node:url';
import { clusterFaces } from '../src/people/cluster.js';
import { PeopleIndex } from '../src/people/incremental.js';
import { PERSON_THRESHOLD } from '../src/people/threshold.js';
import { NO_CONSTRAINTS, type FaceInput } from '../src/people/types.js';
import { packRows, dotF32 } from '../src/people/vectors.js';
import { syntheticFaces } from './people-synthetic.js';

export interface PeopleBenchOptions {
  faces?: number;
  identities?: number;
  added?: number;
  /** Faces in the DBSCAN comparison (its matrix takes 4·n² bytes). */
  dbscanFaces?: number;
  seed?: number;
}

interface Quality {
  pairwisePrecision: number;
  pairwiseRecall: number;
}

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Pairwise precision/recall from cluster × identity counts (no n² loop). */
function quality(clusterOf: (i: number) => number | null, identity: Int32Array): Quality {
  const joint = new Map<string, number>();
  const perCluster = new Map<number, number>();
  const perIdentity = new Map<number, number>();
  for (let i = 0; i < identity.length; i++) {
    perIdentity.set(identity[i], (perIdentity.get(identity[i]) ?? 0) + 1);
    const c = clusterOf(i);
    if (c === null) continue;
    perCluster.set(c, (perCluster.get(c) ?? 0) + 1);
    const key = `${c}:${identity[i]}`;
    joint.set(key, (joint.get(key) ?? 0) + 1);
  }
  const pairs = (m: Map<unknown, number>) =>
    [...m.values()].reduce((s, v) => s + (v * (v - 1)) / 2, 0);
  const [tp, together, same] = [pairs(joint), pairs(perCluster), pairs(perIdentity)];
  return {
    pairwisePrecision: round(together ? tp / together : 1, 4),
    pairwiseRecall: round(same ? tp / same : 1, 4),
  };
}

function timed<T>(fn: () => T): { value: T; seconds: number; cpuSeconds: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const cpu = process.cpuUsage(c0);
  return {
    value,
    seconds: round((performance.now() - t0) / 1000, 2),
    cpuSeconds: round((cpu.user + cpu.system) / 1e6, 2),
  };
}

/**
 * DBSCAN the way PictoPy does it: a dense n × n cosine distance matrix, then region queries by
 * scanning rows. eps = our threshold, minPts = 2 (a face and one neighbour make a core).
 */
function naiveDbscan(faces: readonly FaceInput[], eps: number, minPts: number): Int32Array {
  const n = faces.length;
  const m = packRows(
    faces.map((f) => f.embedding),
    128,
  );
  const dist = new Float32Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const d = 1 - dotF32(m, i, j, 128);
      dist[i * n + j] = d;
      dist[j * n + i] = d;
    }
  }
  const label = new Int32Array(n).fill(-2); // -2 unvisited, -1 noise
  const neighbours = (i: number) => {
    const out: number[] = [];
    for (let j = 0; j < n; j++) if (dist[i * n + j] <= eps) out.push(j);
    return out;
  };
  let cluster = 0;
  for (let i = 0; i < n; i++) {
    if (label[i] !== -2) continue;
    const seeds = neighbours(i);
    if (seeds.length < minPts) {
      label[i] = -1;
      continue;
    }
    label[i] = cluster;
    for (let k = 0; k < seeds.length; k++) {
      const q = seeds[k];
      if (label[q] === -1) label[q] = cluster;
      if (label[q] !== -2) continue;
      label[q] = cluster;
      const more = neighbours(q);
      if (more.length >= minPts) seeds.push(...more);
    }
    cluster++;
  }
  return label;
}

export async function peopleBench(opts: PeopleBenchOptions = {}) {
  const faces = opts.faces ?? 100_000;
  const identities = opts.identities ?? 2_000;
  const added = opts.added ?? 1_000;
  const dbscanFaces = opts.dbscanFaces ?? 8_000;
  const data = syntheticFaces({ identities, faces: faces + added, seed: opts.seed ?? 1 });
  const library = data.faces.slice(0, faces);
  const fresh = data.faces.slice(faces);

  // 1. Full consolidation pass over the library.
  const rssBefore = process.memoryUsage().rss;
  const full = timed(() => clusterFaces({ faces: library, constraints: NO_CONSTRAINTS }));
  const rssAfter = process.memoryUsage().rss;
  const index = new Map(library.map((f, i) => [f.id, i]));
  const clusterOfFace = new Int32Array(faces).fill(-1);
  full.value.people.forEach((p, k) => p.faceIds.forEach((f) => (clusterOfFace[index.get(f)!] = k)));
  const fullQuality = quality(
    (i) => (clusterOfFace[i] >= 0 ? clusterOfFace[i] : null),
    data.identity.subarray(0, faces),
  );

  // 2. 1,000 new faces join through per-person summaries (built once, as the service keeps them).
  const summaries = timed(() => {
    const people = new PeopleIndex();
    full.value.people.forEach((p, k) =>
      p.faceIds.forEach((f) => people.add(k, library[index.get(f)!].embedding)),
    );
    return people;
  });
  const photosPeople = new Map<string, Set<number>>();
  library.forEach((f, i) => {
    if (clusterOfFace[i] < 0) return;
    const s = photosPeople.get(f.photoId) ?? new Set<number>();
    s.add(clusterOfFace[i]);
    photosPeople.set(f.photoId, s);
  });
  const assign = timed(() =>
    summaries.value.assign(
      fresh,
      { peopleInPhoto: (p) => photosPeople.get(p), rejected: () => undefined },
      PERSON_THRESHOLD,
    ),
  );
  // Correct when the person it joined holds mostly the new face's identity.
  const majority = new Map<number, number>();
  {
    const counts = new Map<string, number>();
    for (let i = 0; i < faces; i++) {
      if (clusterOfFace[i] < 0) continue;
      const key = `${clusterOfFace[i]}:${data.identity[i]}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const best = new Map<number, number>();
    for (const [key, c] of counts) {
      const [k, id] = key.split(':').map(Number);
      if (c > (best.get(k) ?? 0)) {
        best.set(k, c);
        majority.set(k, id);
      }
    }
  }
  let right = 0;
  fresh.forEach((f, i) => {
    const m = assign.value.get(f.id);
    if (m && majority.get(m.personId) === data.identity[faces + i]) right++;
  });

  // 3. Naive n × n DBSCAN against our engine on the same subset.
  const subset = library.slice(0, Math.min(dbscanFaces, faces));
  const subsetTruth = data.identity.subarray(0, subset.length);
  const dbscan = timed(() => naiveDbscan(subset, PERSON_THRESHOLD, 2));
  const ours = timed(() => clusterFaces({ faces: subset, constraints: NO_CONSTRAINTS }));
  const oursIndex = new Map(subset.map((f, i) => [f.id, i]));
  const oursOf = new Int32Array(subset.length).fill(-1);
  ours.value.people.forEach((p, k) => p.faceIds.forEach((f) => (oursOf[oursIndex.get(f)!] = k)));

  return {
    synthetic: { identities, threshold: PERSON_THRESHOLD, lowQualityShare: 0.1, zipfSkew: 0.7 },
    fullPass: {
      faces,
      seconds: full.seconds,
      cpuSeconds: full.cpuSeconds,
      neighbourSeconds: round(full.value.stats.neighbourMs / 1000, 2),
      linkageSeconds: round(full.value.stats.linkageMs / 1000, 2),
      people: full.value.people.length,
      unassigned: full.value.unassigned.length,
      rssGrowthMb: mb(rssAfter - rssBefore),
      peakRssMb: peakRssMb(),
      ...fullQuality,
      targets: { seconds: 30, peakRssMb: 1024 },
    },
    addFaces: {
      libraryFaces: faces,
      added,
      seconds: assign.seconds,
      cpuSeconds: assign.cpuSeconds,
      summariesBuildSeconds: summaries.seconds,
      joined: assign.value.size,
      joinedCorrectly: right,
      leftForConsolidation: added - assign.value.size,
      target: { seconds: 1 },
    },
    dbscanComparison: {
      faces: subset.length,
      naiveDbscan: {
        seconds: dbscan.seconds,
        cpuSeconds: dbscan.cpuSeconds,
        matrixMb: mb(4 * subset.length * subset.length),
        clusters: new Set([...dbscan.value].filter((c) => c >= 0)).size,
        ...quality((i) => (dbscan.value[i] >= 0 ? dbscan.value[i] : null), subsetTruth),
        matrixAt100kGb: round((4 * 100_000 ** 2) / 2 ** 30, 1),
      },
      picto: {
        seconds: ours.seconds,
        clusters: ours.value.people.length,
        ...quality((i) => (oursOf[i] >= 0 ? oursOf[i] : null), subsetTruth),
      },
    },
    at: new Date().toISOString(),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const n = Number(process.env.PICTO_BENCH_FACES ?? 100_000);
  process.stdout.write(
    JSON.stringify(
      await peopleBench({ faces: n, identities: Math.max(20, Math.round(n / 50)) }),
      null,
      2,
    ) + '\n',
  );
}
