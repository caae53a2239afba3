import type { Db } from '../connection.js';
import type { PhotoKind, TranscodeStateText } from './photos.js';

/** What the video stage writes besides the photo columns ([Note: Videos in the catalogue]). */
export interface VideoColumns {
  duration_ms: number | null;
  fps: number | null;
  video_codec: string | null;
  audio_codec: string | null;
  playable: number;
  transcode: TranscodeStateText;
  content_id: string | null;
}

/** A photo that may be the other half of a Live Photo, with one of its paths. */
export interface PairRow {
  id: string;
  kind: PhotoKind;
  path: string;
  content_id: string | null;
  duration_ms: number | null;
  motion_id: string | null;
  live_of: string | null;
  status: 'pending' | 'ready' | 'error';
}

const PAIR_COLUMNS = `p.id, p.kind, l.path, p.content_id, p.duration_ms, p.motion_id, p.live_of,
  p.status`;

/**
 * A MOV held back until its video step decides whether it is a Live Photo's motion ([Note: a MOV
 * waits for its pairing] in library/live-photo.ts): `live_of` names the MOV itself, so every
 * listing and count leaves it out as it leaves out a linked motion (they all read
 * `live_of IS NULL`, the month counts' triggers too), and no still names it as its motion.
 */
export function awaitsPairing(row: { id: string; live_of: string | null }): boolean {
  return row.live_of === row.id;
}

export class VideosRepo {
  constructor(private readonly db: Db) {}

  applyVideo(id: string, cols: VideoColumns, now: string): void {
    this.db
      .prepare(
        `UPDATE photos SET duration_ms = @duration_ms, fps = @fps, video_codec = @video_codec,
           audio_codec = @audio_codec, playable = @playable, transcode = @transcode,
           content_id = @content_id, updated_at = @now
         WHERE id = @id`,
      )
      .run({ ...cols, now, id });
  }

  setContentId(id: string, contentId: string | null): void {
    this.db.prepare('UPDATE photos SET content_id = ? WHERE id = ?').run(contentId, id);
  }

  setTranscode(id: string, state: TranscodeStateText, now: string): void {
    this.db
      .prepare('UPDATE photos SET transcode = ?, updated_at = ? WHERE id = ?')
      .run(state, now, id);
  }

  /** Candidates for pairing with a photo: the same ContentIdentifier, or a path of the same stem. */
  pairCandidates(contentId: string | null, stems: string[]): PairRow[] {
    const out = new Map<string, PairRow>();
    if (contentId) {
      for (const r of this.db
        .prepare(
          `SELECT ${PAIR_COLUMNS} FROM photos p JOIN locations l ON l.photo_id = p.id
           WHERE p.content_id = ? COLLATE NOCASE`,
        )
        .all(contentId) as PairRow[])
        out.set(`${r.id}\n${r.path}`, r);
    }
    // "dir/IMG_0001." → every "dir/IMG_0001.*"; '/' sorts before '0', so the range is exact.
    const byStem = this.db.prepare(
      `SELECT ${PAIR_COLUMNS} FROM photos p JOIN locations l ON l.photo_id = p.id
       WHERE l.path >= ? AND l.path < ?`,
    );
    for (const stem of stems) {
      const end = stem.slice(0, -1) + String.fromCharCode(stem.charCodeAt(stem.length - 1) + 1);
      for (const r of byStem.all(stem, end) as PairRow[]) out.set(`${r.id}\n${r.path}`, r);
    }
    return [...out.values()];
  }

  /** Holds a MOV not probed yet back from every listing until its pairing is decided. */
  hold(id: string, now: string): void {
    this.db
      .prepare(
        `UPDATE photos SET live_of = id, updated_at = ?
         WHERE id = ? AND live_of IS NULL AND motion_id IS NULL`,
      )
      .run(now, id);
  }

  /** A held MOV turned out to be a video of its own: it is listed and counted from now on. */
  release(id: string, now: string): boolean {
    return (
      this.db
        .prepare('UPDATE photos SET live_of = NULL, updated_at = ? WHERE id = ? AND live_of = id')
        .run(now, id).changes > 0
    );
  }

  /** Makes a still and a short MOV one Live Photo; the MOV's own AI results are dropped. */
  link(stillId: string, motionId: string, durationMs: number | null, now: string): void {
    this.db
      .prepare(
        `UPDATE photos SET kind = 'live', motion_id = ?, duration_ms = ?, updated_at = ?
         WHERE id = ?`,
      )
      .run(motionId, durationMs, now, stillId);
    this.db
      .prepare('UPDATE photos SET live_of = ?, updated_at = ? WHERE id = ?')
      .run(stillId, now, motionId);
    this.db.prepare('DELETE FROM faces WHERE photo_id = ?').run(motionId);
    this.db.prepare('DELETE FROM photo_objects WHERE photo_id = ?').run(motionId);
  }

  /** Videos (Live Photo motions apart) by transcode state, and the number of Live Photos. */
  transcodeCounts(): Record<TranscodeStateText, number> & { videos: number; live: number } {
    const out = { none: 0, pending: 0, running: 0, done: 0, failed: 0, videos: 0, live: 0 };
    for (const r of this.db
      .prepare(
        `SELECT transcode, COUNT(*) AS n FROM photos WHERE kind = 'video' AND live_of IS NULL
         GROUP BY transcode`,
      )
      .all() as { transcode: TranscodeStateText | null; n: number }[]) {
      out.videos += r.n;
      if (r.transcode) out[r.transcode] += r.n;
    }
    out.live = (
      this.db.prepare(`SELECT COUNT(*) AS n FROM photos WHERE kind = 'live'`).get() as {
        n: number;
      }
    ).n;
    return out;
  }

  /** Videos (and Live Photo motions) whose transcode is not done: `--wait` waits for them. */
  unplayableCount(): number {
    return (
      this.db
        .prepare(
          `SELECT COUNT(*) AS n FROM photos WHERE kind = 'video' AND transcode IN ('pending', 'running')`,
        )
        .get() as { n: number }
    ).n;
  }
}
