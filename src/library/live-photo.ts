// Live Photos: which still and which short MOV are one moment. Pure.
//
// [Note: Live Photo pairing] An iPhone writes the same asset id into both halves (the still's
// Apple MakerNote 0x11, the MOV's Keys `com.apple.quicktime.content.identifier`); that id pairs
// them wherever they are, so a pair survives being moved or renamed apart. Files that lost their
// ids (some exports and editors strip MakerNotes) still pair the way they leave the phone:
// IMG_1234.HEIC + IMG_1234.MOV in the same folder, when the MOV is at most 4 s long (a Live Photo's
// motion is ~3 s; a longer MOV of the same name is a video of its own). Two different ids never
// pair, whatever the names say. Each file belongs to at most one pair: among several candidates
// (copies of a pair in two folders) the one in the same folder, then of the same base name, then
// the first by path wins.

export interface PairCandidate {
  /** whatever the caller identifies items with (a photo id) */
  id: string;
  /** path with folders, to compare folders and base names */
  path: string;
  kind: 'still' | 'video';
  contentIdentifier?: string | null;
  /** videos only */
  durationMs?: number | null;
}

export interface LivePair {
  stillId: string;
  videoId: string;
  by: 'content-identifier' | 'name';
}

export const MAX_LIVE_MOTION_MS = 4000;
const STILL_EXTENSIONS = new Set(['heic', 'heif', 'jpg', 'jpeg']);

function split(p: string): { dir: string; base: string; ext: string } {
  const slash = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  const dir = p.slice(0, slash + 1);
  const name = p.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0
    ? { dir, base: name.slice(0, dot).toLowerCase(), ext: name.slice(dot + 1).toLowerCase() }
    : { dir, base: name.toLowerCase(), ext: '' };
}

/**
 * The key a still and a MOV share when they may pair by name (folder and base name, any case):
 * null for a file that never pairs by name (a .mp4, a PNG).
 */
export function liveNameKey(p: string): { key: string; half: 'still' | 'motion' } | null {
  const { dir, base, ext } = split(p);
  if (ext === 'mov') return { key: dir + base, half: 'motion' };
  if (STILL_EXTENSIONS.has(ext)) return { key: dir + base, half: 'still' };
  return null;
}

// [Note: a MOV waits for its pairing] Until a MOV is probed nobody knows whether it is a Live
// Photo's motion (its ContentIdentifier and length are in the file), and a MOV shown as a video of
// its own that then vanishes into its still is wrong twice over (the gallery and every count
// jump). So a MOV whose folder holds a still of the same base name (seen in the same scan or
// already in the catalogue) is entered held back: listed nowhere and counted nowhere, as a
// linked motion is, until its video step decides (db/repos/videos.ts: `live_of` naming the MOV
// itself). Paired, it is the still's motion; not paired (longer than 4 s, another
// ContentIdentifier) or unreadable for good, it appears as the video it is. A MOV with no such
// still is never held. The scan keeps a still and its MOV in one batch (livePairsTogether), so
// the still is in the catalogue by the time the MOV's probe decides.

/**
 * The scan's order with each MOV moved up to just after the first still of its name (or that
 * still up to just before the MOV, whichever comes first): both halves enter the catalogue in
 * the same batch. Everything else keeps its order.
 */
export function livePairsTogether<T>(items: T[], pathOf: (item: T) => string): T[] {
  const halves = new Map<string, { still: boolean; motion: boolean }>();
  for (const item of items) {
    const k = liveNameKey(pathOf(item));
    if (!k) continue;
    const h = halves.get(k.key) ?? { still: false, motion: false };
    h[k.half] = true;
    halves.set(k.key, h);
  }
  const groups = new Map<string, T[]>();
  const order: T[][] = [];
  for (const item of items) {
    const k = liveNameKey(pathOf(item));
    const h = k && halves.get(k.key);
    if (!k || !h?.still || !h.motion) {
      order.push([item]);
      continue;
    }
    const g = groups.get(k.key);
    if (g) g.push(item);
    else {
      const group = [item];
      groups.set(k.key, group);
      order.push(group);
    }
  }
  return order.flat();
}

/** "dir/IMG_0001.HEIC" → "dir/IMG_0001.": every sibling of the same base name starts with it. */
export function stemOf(p: string): string | null {
  const slash = p.lastIndexOf('/');
  const dot = p.lastIndexOf('.');
  return dot > slash + 1 ? p.slice(0, dot + 1) : null;
}

/** A batch cut at `end` of livePairsTogether's order, moved past the halves of one name. */
export function pastLiveHalves<T>(items: T[], end: number, pathOf: (item: T) => string): number {
  const keyAt = (i: number) => liveNameKey(pathOf(items[i]))?.key;
  while (end > 0 && end < items.length && keyAt(end) !== undefined && keyAt(end) === keyAt(end - 1))
    end++;
  return end;
}

const idOf = (c: PairCandidate) => c.contentIdentifier?.trim().toUpperCase() || null;

export function pairLivePhotos(items: PairCandidate[]): LivePair[] {
  const stills = items
    .filter((i) => i.kind === 'still' && STILL_EXTENSIONS.has(split(i.path).ext))
    .sort((a, b) => a.path.localeCompare(b.path));
  const videos = items
    .filter((i) => i.kind === 'video')
    .sort((a, b) => a.path.localeCompare(b.path));
  const used = new Set<string>();
  const pairs: LivePair[] = [];

  // 1. Same content identifier.
  const videosById = new Map<string, PairCandidate[]>();
  for (const v of videos) {
    const id = idOf(v);
    if (id) videosById.set(id, [...(videosById.get(id) ?? []), v]);
  }
  for (const s of stills) {
    const id = idOf(s);
    if (!id) continue;
    const ss = split(s.path);
    const choices = (videosById.get(id) ?? []).filter((v) => !used.has(v.id));
    const rank = (v: PairCandidate) => {
      const vs = split(v.path);
      return (vs.dir === ss.dir ? 0 : 2) + (vs.base === ss.base ? 0 : 1);
    };
    const best = choices.sort((a, b) => rank(a) - rank(b))[0];
    if (!best) continue;
    used.add(s.id).add(best.id);
    pairs.push({ stillId: s.id, videoId: best.id, by: 'content-identifier' });
  }

  // 2. Same folder and base name, a short MOV, ids not contradicting.
  const movsByName = new Map<string, PairCandidate>();
  for (const v of videos) {
    const vs = split(v.path);
    if (vs.ext !== 'mov' || used.has(v.id)) continue;
    const key = vs.dir + vs.base;
    if (!movsByName.has(key)) movsByName.set(key, v);
  }
  for (const s of stills) {
    if (used.has(s.id)) continue;
    const ss = split(s.path);
    const v = movsByName.get(ss.dir + ss.base);
    if (!v || used.has(v.id)) continue;
    if (v.durationMs === null || v.durationMs === undefined || v.durationMs > MAX_LIVE_MOTION_MS) {
      continue;
    }
    const [a, b] = [idOf(s), idOf(v)];
    if (a && b && a !== b) continue;
    used.add(s.id).add(v.id);
    pairs.push({ stillId: s.id, videoId: v.id, by: 'name' });
  }
  return pairs;
}
