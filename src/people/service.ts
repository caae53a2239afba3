// The people feature for the app: what the CLI and the API call. It owns when clustering runs
// (after indexing, on demand), the in-memory per-person summaries, and the read models (people
// list, person pages, faces in a photo, suggestions, find-by-face; their API shapes in pages.ts).
// Corrections live in corrections.ts, the engine in cluster.ts / incremental.ts.
//
// [Note: when clustering runs] After the indexer goes idle (jobs.idle) new faces first try to
// join existing people through the summaries (incremental.ts: < 1 s for 1,000 faces in a 100k
// library). A full consolidation pass runs when there has never been one, or when enough new
// faces matched nobody (they may be new people, and only consolidation may found a person):
// max(25, 1 % of all faces). `picto people recluster` and the API run one on demand. Passes are
// serialised: a second request waits for the first instead of racing it.

import { PictoError } from '../shared/errors.js';
import type { Repos } from '../db/index.js';
import type { PersonFaceRow, PersonSummaryRow } from '../db/repos/people.js';
import type { EventBus } from '../shared/events.js';
import { consolidate, lastPass, type PassStats } from './consolidation.js';
import { Corrections } from './corrections.js';
import { importedSuggestions, nameAllFromImports } from './imported-names.js';
import { closeImageDescriber, describeImageBytes, describeImageFile } from './describe-image.js';
import { PeopleIndex, type NewFace } from './incremental.js';
import { PersonPages } from './pages.js';
import { rankSimilar, type SimilarPerson } from './similar.js';
import { rankSuggestions, type Suggestion } from './suggestions.js';
import { PERSON_THRESHOLD } from './threshold.js';

export interface PeopleServiceDeps {
  repos: Repos;
  events: EventBus;
  /** Cluster after indexing batches (default true). */
  autoCluster?: boolean;
  /** Libraries with more faces read and cluster in a worker thread (default 200). */
  workerAbove?: number;
  /** Where previews are, to cut face crops from (the data directory's thumbs/). */
  thumbDir?: string;
}

export interface PersonSummary {
  id: number;
  name: string | null;
  hidden: boolean;
  faceCount: number;
  photoCount: number;
  /** Face to show for the person (chosen, else the best one). */
  coverFaceId: string | null;
}

export interface FaceView {
  id: string;
  photoId: string;
  /** x, y, w, h as fractions of the oriented photo (0..1). */
  box: [number, number, number, number];
  quality: number;
  personId: number | null;
  personName: string | null;
}

export interface FoundFace {
  box: [number, number, number, number];
  person: { id: number; name: string | null } | null;
  /** Average-linkage distance to the person, or to the nearest face when no person matched. */
  distance: number | null;
  photoIds: string[];
}

const toSummary = (r: PersonSummaryRow): PersonSummary => ({
  id: r.id,
  name: r.name,
  hidden: r.hidden === 1,
  faceCount: r.face_count,
  photoCount: r.photo_count,
  coverFaceId: r.cover,
});

export function relativeBox(
  f: Pick<PersonFaceRow, 'x' | 'y' | 'w' | 'h' | 'width' | 'height'>,
): [number, number, number, number] {
  const W = f.width || 1;
  const H = f.height || 1;
  const r = (v: number) => Math.round(v * 1e4) / 1e4;
  return [r(f.x / W), r(f.y / H), r(f.w / W), r(f.h / H)];
}

export class PeopleService {
  readonly corrections: Corrections;
  /** The people pages as the API shows them (crop URLs, person timelines, crops). */
  readonly pages: PersonPages;
  private decisions = 0;
  private summaries: PeopleIndex | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private idleQueued = false;
  /** Pending faces the incremental path already tried since the last pass. */
  private tried = new Set<string>();
  private readonly off: () => void;

  constructor(private readonly deps: PeopleServiceDeps) {
    this.pages = new PersonPages(deps.repos, this, deps.thumbDir);
    this.corrections = new Corrections({
      repos: deps.repos,
      now: () => new Date().toISOString(),
      changed: this.peopleChanged,
    });
    this.off = deps.events.on((e) => {
      if (e.type === 'photos.changed' && e.reason === 'removed') this.summaries = null;
      if (e.type === 'jobs.idle' && deps.autoCluster !== false && !this.idleQueued) {
        this.idleQueued = true;
        this.afterIndexing()
          .catch((err: unknown) =>
            process.stderr.write(
              `picto: clustering people failed: ${(err as Error).stack ?? err}\n`,
            ),
          )
          .finally(() => (this.idleQueued = false));
      }
    });
  }

  /** Stops listening and waits for a running pass. */
  async dispose(): Promise<void> {
    this.off();
    await this.queue.catch(() => undefined);
    await closeImageDescriber();
  }

  // ---- clustering -------------------------------------------------------------------------

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Consolidation from scratch over every face (keeps every user decision and person id). */
  recluster(): Promise<PassStats> {
    return this.serial(() => {
      nameAllFromImports(this.deps.repos, this.peopleChanged);
      return this.runPass();
    });
  }

  /** Resolves when the clustering and naming started so far have finished. */
  async settled(): Promise<void> {
    await this.queue.catch(() => undefined);
  }

  /**
   * People changed by a correction or by names from other programs, which go onto the faces
   * waiting for them before each pass so that it groups faces around them ([Note: imported names
   * are constraints]): the summaries are stale.
   */
  private readonly peopleChanged = (ids: number[]): void => {
    this.decisions++;
    this.summaries = null;
    this.deps.events.emit({ type: 'people.changed', ids, reason: 'corrected' });
  };

  private async runPass(): Promise<PassStats> {
    const stats = await consolidate(this.deps.repos, () => this.decisions, {
      workerAbove: this.deps.workerAbove,
    });
    this.summaries = null;
    this.tried.clear();
    this.deps.events.emit({ type: 'people.changed', ids: [], reason: 'clustered' });
    return stats;
  }

  /** New faces join existing people through the summaries; returns how many joined. */
  assignPending(): Promise<{ tried: number; assigned: number }> {
    return this.serial(async () => this.runIncremental());
  }

  private runIncremental(): { tried: number; assigned: number } {
    const { repos } = this.deps;
    const since = lastPass(repos).at;
    const pending: NewFace[] = [];
    for (const f of repos.people.unassignedFaces(since)) {
      if (!this.tried.has(f.id))
        pending.push({ id: f.id, photoId: f.photo_id, embedding: f.embedding });
    }
    if (!pending.length) return { tried: 0, assigned: 0 };
    const index = this.index();
    const inPhoto = new Map<string, Set<number>>();
    const matches = index.assign(
      pending,
      {
        peopleInPhoto: (p) =>
          inPhoto.get(p) ?? inPhoto.set(p, repos.people.peopleInPhoto(p)).get(p),
        rejected: (f) => repos.faceFeedback.rejectionsOf(f),
      },
      PERSON_THRESHOLD,
    );
    repos.db.transaction(() => {
      repos.people.assign([...matches].map(([f, m]) => [f, m.personId] as const));
      repos.people.enforceFeedback();
    })();
    for (const f of pending) this.tried.add(f.id);
    if (matches.size) {
      const ids = [...new Set([...matches.values()].map((m) => m.personId))];
      this.deps.events.emit({ type: 'people.changed', ids, reason: 'assigned' });
    }
    return { tried: pending.length, assigned: matches.size };
  }

  /** What runs when indexing goes idle (see the note on when clustering runs). */
  afterIndexing(): Promise<{ pass: PassStats | null; assigned: number }> {
    return this.serial(async () => {
      const { repos } = this.deps;
      nameAllFromImports(this.deps.repos, this.peopleChanged);
      const faces = repos.people.countFaces();
      if (!faces) return { pass: null, assigned: 0 };
      if (!lastPass(repos).at) return { pass: await this.runPass(), assigned: 0 };
      const { tried, assigned } = this.runIncremental();
      const unmatched = repos.people.countUnassigned(lastPass(repos).at);
      if (tried && unmatched >= Math.max(25, faces / 100))
        return { pass: await this.runPass(), assigned };
      return { pass: null, assigned };
    });
  }

  /** Per-person summaries, built from the catalogue on first use after a change. */
  private index(): PeopleIndex {
    if (!this.summaries) {
      const index = new PeopleIndex();
      for (const r of this.deps.repos.people.assignedEmbeddings())
        index.add(r.person_id, r.embedding);
      this.summaries = index;
    }
    return this.summaries;
  }

  status(): { faces: number; people: number; lastPassAt: string | null; pending: number } {
    const { repos } = this.deps;
    const last = lastPass(repos);
    return {
      faces: repos.people.countFaces(),
      people: this.list({ includeHidden: true }).length,
      lastPassAt: last.at || null,
      pending: repos.people.countUnassigned(last.at),
    };
  }

  // ---- read models ------------------------------------------------------------------------

  /** Named people first (by name), then the rest by how often they appear. */
  list(opts: { includeHidden?: boolean } = {}): PersonSummary[] {
    return this.deps.repos.people
      .summaries()
      .map(toSummary)
      .filter((p) => (p.faceCount > 0 || p.name !== null) && (opts.includeHidden || !p.hidden))
      .sort(
        (a, b) =>
          (a.name === null ? 1 : 0) - (b.name === null ? 1 : 0) ||
          (a.name !== null && b.name !== null ? a.name.localeCompare(b.name) : 0) ||
          b.faceCount - a.faceCount ||
          a.id - b.id,
      );
  }

  get(id: number): PersonSummary {
    const p = this.corrections.person(id);
    const s = this.deps.repos.people.summaries().find((r) => r.id === p.id);
    if (!s) throw new PictoError('not-found', `no person with id ${id}`);
    return toSummary(s);
  }

  photoIds(id: number, limit = 100, offset = 0): string[] {
    return this.deps.repos.people.photoIdsOf([this.corrections.person(id).id], limit, offset);
  }

  faces(id: number, limit = 100, offset = 0): FaceView[] {
    const p = this.corrections.person(id);
    return this.deps.repos.people.facesOf(p.id, limit, offset).map((f) => this.view(f, p.name));
  }

  /** Faces of a photo with their people (the viewer's boxes). */
  facesInPhoto(photoId: string): FaceView[] {
    const names = new Map<number, string | null>();
    return this.deps.repos.people.facesInPhoto(photoId).map((f) => {
      if (f.person_id !== null && !names.has(f.person_id))
        names.set(f.person_id, this.deps.repos.people.get(f.person_id)?.name ?? null);
      return this.view(f, f.person_id !== null ? (names.get(f.person_id) ?? null) : null);
    });
  }

  private view(f: PersonFaceRow, name: string | null): FaceView {
    return {
      id: f.id,
      photoId: f.photo_id,
      box: relativeBox(f),
      quality: f.quality,
      personId: f.person_id,
      personName: name,
    };
  }

  /** Unnamed people and lone faces that may be this person, nearest first. */
  suggestions(
    id: number,
    limit = 50,
  ): (Suggestion & { coverFaceId: string | null; photoId: string | null })[] {
    const { repos } = this.deps;
    const target = this.corrections.person(id);
    const people = this.list({ includeHidden: false });
    const rejectedCounts = repos.faceFeedback.rejectedCountsFor(target.id);
    const candidates = people
      .filter((p) => p.id !== target.id && p.name === null)
      .map((p) => ({
        personId: p.id,
        rejectedShare: (rejectedCounts.get(p.id) ?? 0) / Math.max(1, p.faceCount),
      }));
    const rejectedFaces = repos.faceFeedback.rejectedFor(target.id);
    const photoOf = new Map<string, string>();
    const faces: NewFace[] = [];
    for (const f of repos.people.unassignedFaces()) {
      if (rejectedFaces.has(f.id)) continue;
      faces.push({ id: f.id, photoId: f.photo_id, embedding: f.embedding });
      photoOf.set(f.id, f.photo_id);
    }
    const cover = new Map(people.map((p) => [p.id, p.coverFaceId]));
    // Faces another program gave this name come first (people/imported-names.ts).
    const imported = importedSuggestions(repos, this.index(), target, rejectedFaces, photoOf);
    const fromImports = new Set(imported.map((s) => s.faceId));
    const ranked = rankSuggestions({
      index: this.index(),
      target: target.id,
      people: candidates,
      faces,
      limit,
    }).filter((s) => s.kind !== 'face' || !fromImports.has(s.faceId));
    return [...imported, ...ranked]
      .slice(0, limit)
      .map((s) =>
        s.kind === 'person'
          ? { ...s, coverFaceId: cover.get(s.personId) ?? null, photoId: null }
          : { ...s, coverFaceId: s.faceId, photoId: photoOf.get(s.faceId) ?? null },
      );
  }

  /** Every other person (hidden ones too), likeliest to be this one first: merge candidates. */
  similar(id: number, limit = 200): (SimilarPerson & { person: PersonSummary })[] {
    const target = this.corrections.person(id);
    const people = this.list({ includeHidden: true });
    const byId = new Map(people.map((p) => [p.id, p]));
    const rejected = this.deps.repos.faceFeedback.rejectedCountsFor(target.id);
    const candidates = people.map((p) => ({
      personId: p.id,
      rejectedShare: (rejected.get(p.id) ?? 0) / Math.max(1, p.faceCount),
    }));
    return rankSimilar(this.index(), target.id, candidates)
      .slice(0, limit)
      .map((s) => ({ ...s, person: byId.get(s.personId)! }));
  }

  /**
   * Find by face: for each face (a box and a descriptor, from a photo of the library or an
   * uploaded one), the person it is (same threshold and summaries as clustering) and their
   * photos; a face that is nobody yet finds the photos of faces within the threshold.
   */
  findByFaces(
    query: { box: [number, number, number, number]; embedding: ArrayLike<number> }[],
    limit = 200,
  ): FoundFace[] {
    const { repos } = this.deps;
    const index = this.index();
    let all: { photo: string; embedding: Float32Array }[] | null = null;
    return query.map((q) => {
      const best = index.nearest(q.embedding, PERSON_THRESHOLD)[0];
      if (best) {
        const p = repos.people.resolve(best.personId);
        return {
          box: q.box,
          person: p ? { id: p.id, name: p.name } : null,
          distance: best.distance,
          photoIds: repos.people.photoIdsOf([best.personId], limit),
        };
      }
      all ??= [...repos.people.clusteringFaces()].map((f) => ({
        photo: f.photo_id,
        embedding: f.embedding,
      }));
      const hits = new Map<string, number>();
      for (const f of all) {
        let dot = 0;
        for (let k = 0; k < f.embedding.length; k++) dot += f.embedding[k] * q.embedding[k];
        const d = 1 - dot;
        if (d <= PERSON_THRESHOLD && d < (hits.get(f.photo) ?? Infinity)) hits.set(f.photo, d);
      }
      const ranked = [...hits].sort((a, b) => a[1] - b[1]);
      return {
        box: q.box,
        person: null,
        distance: ranked[0]?.[1] ?? null,
        photoIds: ranked.slice(0, limit).map(([p]) => p),
      };
    });
  }

  /** Find by face for any image file (an upload): its faces are detected and described now. */
  async findByImageFile(file: string, limit = 200): Promise<FoundFace[]> {
    const faces = await describeImageFile(file);
    return this.findByFaces(faces, limit);
  }

  /** Find by face for an image given as bytes (an upload); nothing of it is kept. */
  async findByImage(bytes: Uint8Array, limit = 200): Promise<FoundFace[]> {
    return this.findByFaces(await describeImageBytes(bytes), limit);
  }

  /** Find by face for a photo of the library: its faces, as stored. */
  findByPhoto(photoId: string, limit = 200): FoundFace[] {
    const faces = this.deps.repos.people.facesInPhoto(photoId);
    const found = this.findByFaces(
      faces.map((f) => ({
        box: relativeBox(f),
        embedding: this.deps.repos.people.face(f.id)!.embedding,
      })),
      limit,
    );
    // A face already in a person is that person, whatever the summaries say.
    return found.map((r, i) => {
      const pid = faces[i].person_id;
      if (pid === null || r.person?.id === pid) return r;
      const p = this.deps.repos.people.get(pid);
      return {
        ...r,
        person: { id: pid, name: p?.name ?? null },
        distance: 0,
        photoIds: this.deps.repos.people.photoIdsOf([pid], limit),
      };
    });
  }

  /** For export: the person of every face and every live person. */
  exportData(): {
    faceToPerson: Map<string, number | null>;
    people: { id: number; name: string | null; faceCount: number; hidden: boolean }[];
  } {
    return {
      faceToPerson: this.deps.repos.people.assignments(),
      people: this.list({ includeHidden: true }).map((p) => ({
        id: p.id,
        name: p.name,
        faceCount: p.faceCount,
        hidden: p.hidden,
      })),
    };
  }
}
