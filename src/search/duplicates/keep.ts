// Which photo of a duplicate group to keep. Pure: facts about each photo in, a choice and the
// reason out, so the rule is tested on small hand-made groups.
//
// [Note: what to keep] What a person did with a photo outweighs its pixels: resolving a group
// trashes the others, and the one a person marked as a favourite, put in an album or named people
// in is the one they know. Then the original file beats a copy (named like a copy, or it came
// into the library or was written later), and only then resolution, file size and a capture
// date decide.

export interface KeepFacts {
  id: string;
  favourite: boolean;
  /** Albums the photo is in. */
  albums: number;
  /** Faces in it that belong to a named person. */
  namedFaces: number;
  /** When its first file was first seen by Picto (ISO), null if unknown. */
  firstSeen: string | null;
  /** Oldest modification time of its files (ms since the epoch), null if unknown. */
  modified: number | null;
  /** Every file of it is named like a copy ("IMG_1 (1).jpg", "Copy of …", "… - Copy"). */
  copyName: boolean;
  width: number | null;
  height: number | null;
  size: number;
  takenAt: string | null;
  sortAt: string;
}

/** Files seen within this of each other came in with the same scan: neither is "first". */
const SAME_SCAN_MS = 60 * 60 * 1000;
/** Modification times closer than this say nothing about which file is the copy. */
const SAME_WRITE_MS = 60 * 1000;

const COPY_WORDS = /(^|[\s_.(-])(copy|kopie|copie|copia)(?=$|[\s_.)\d-])/i;

/** A file name that says it is a copy: "Copy of x", "x - Copy", "x copy 2", "x (1)". */
export function isCopyName(file: string): boolean {
  const base = file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  return COPY_WORDS.test(base) || /\s\(\d{1,3}\)$/.test(base);
}

const pixels = (f: KeepFacts) => (f.width ?? 0) * (f.height ?? 0);
const seen = (f: KeepFacts) => (f.firstSeen ? Date.parse(f.firstSeen) : Infinity);
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

interface Criterion {
  /** Negative when a is better, positive when b is, 0 when this criterion cannot tell. */
  compare: (a: KeepFacts, b: KeepFacts) => number;
  /** Why the better one wins, said of it (and its runner-up). */
  why: (best: KeepFacts, other: KeepFacts) => string;
}

const CRITERIA: Criterion[] = [
  {
    compare: (a, b) => Number(b.favourite) - Number(a.favourite),
    why: () => 'it is a favourite',
  },
  {
    compare: (a, b) => b.albums - a.albums,
    why: (best, other) =>
      other.albums
        ? `it is in more albums (${best.albums})`
        : `it is in ${plural(best.albums, 'album')}`,
  },
  {
    compare: (a, b) => b.namedFaces - a.namedFaces,
    why: () => 'people in it have names',
  },
  {
    compare: (a, b) => Number(a.copyName) - Number(b.copyName),
    why: () => 'it is the original (the other file is named as a copy)',
  },
  {
    compare: (a, b) => {
      const d = seen(a) - seen(b);
      return Math.abs(d) < SAME_SCAN_MS || !Number.isFinite(d) ? 0 : d;
    },
    why: () => 'it is the original (it was in your library first)',
  },
  {
    compare: (a, b) => {
      if (a.modified === null || b.modified === null) return 0;
      const d = a.modified - b.modified;
      return Math.abs(d) < SAME_WRITE_MS ? 0 : d;
    },
    why: () => 'it is the original (its file is older)',
  },
  {
    compare: (a, b) => pixels(b) - pixels(a),
    why: (best) => `highest resolution (${best.width}×${best.height})`,
  },
  {
    compare: (a, b) => b.size - a.size,
    why: () => 'same resolution, largest file',
  },
  {
    compare: (a, b) => Number(b.takenAt !== null) - Number(a.takenAt !== null),
    why: () => 'same picture, it has the capture date',
  },
  {
    compare: (a, b) => a.sortAt.localeCompare(b.sortAt),
    why: () => 'oldest',
  },
];

/** The photo to keep and why, said in words for the review page ("it is a favourite"). */
export function suggestKeep(group: KeepFacts[]): { keep: string; reason: string } {
  if (!group.length) throw new Error('an empty duplicate group');
  const order = (a: KeepFacts, b: KeepFacts) => {
    for (const c of CRITERIA) {
      const d = c.compare(a, b);
      if (d) return d;
    }
    return a.id.localeCompare(b.id);
  };
  const sorted = [...group].sort(order);
  const [best, second] = sorted;
  if (!second) return { keep: best.id, reason: 'the only one' };
  const decisive = CRITERIA.find((c) => c.compare(best, second) < 0);
  return { keep: best.id, reason: decisive ? decisive.why(best, second) : 'oldest' };
}
