// Which new MOVs a scan enters held back ([Note: a MOV waits for its pairing] in live-photo.ts).

import type { Repos } from '../db/index.js';
import { liveNameKey, stemOf } from './live-photo.js';

/** One scan's view of the stills around the MOVs it enters. */
export class LiveHold {
  /** Names (folder + base name) of the stills this scan is about to enter. */
  private readonly stills = new Set<string>();

  /** `files`: what the scan is about to enter. */
  constructor(
    private readonly repos: Repos,
    files: { file: { path: string } }[],
  ) {
    for (const f of files) {
      const k = liveNameKey(f.file.path);
      if (k?.half === 'still') this.stills.add(k.key);
    }
  }

  /** A new photo or video is entered at this path: true when it is a MOV to hold back. */
  entering(p: string, kind: 'photo' | 'video', now: string): boolean {
    if (kind === 'video') return this.holds(p);
    this.stillEntered(p, now);
    return false;
  }

  /** A new MOV at this path waits for its pairing when a still of its name is here or known. */
  private holds(p: string): boolean {
    const k = liveNameKey(p);
    if (k?.half !== 'motion') return false;
    if (this.stills.has(k.key)) return true;
    return this.siblings(p).some(
      (r) => r.kind !== 'video' && liveNameKey(r.path)?.half === 'still',
    );
  }

  /**
   * A new still: a MOV of its name that an earlier scan entered (the watcher saw it first) and
   * that is not probed yet waits for its pairing from now on, instead of showing until then.
   */
  private stillEntered(p: string, now: string): void {
    if (liveNameKey(p)?.half !== 'still') return;
    for (const r of this.siblings(p)) {
      if (r.kind !== 'video' || r.status !== 'pending' || r.live_of || r.motion_id) continue;
      if (liveNameKey(r.path)?.half === 'motion') this.repos.videos.hold(r.id, now);
    }
  }

  /** Catalogue entries in the same folder with the same base name (any extension). */
  private siblings(p: string) {
    const stem = stemOf(p);
    if (!stem) return [];
    const key = liveNameKey(p)?.key;
    return this.repos.videos
      .pairCandidates(null, [stem])
      .filter((r) => r.path !== p && liveNameKey(r.path)?.key === key);
  }
}
