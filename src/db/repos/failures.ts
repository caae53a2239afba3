import type { Db } from '../connection.js';

export interface FailedPhotoRow {
  photo_id: string;
  path: string;
  stage: string;
  error: string;
}

export interface FailedJobRow {
  photo_id: string;
  stage: string;
  error: string;
  attempts: number;
  path: string | null;
  updated_at: string;
}

/** What went wrong, with file paths, for the folders page and the jobs API. */
export class FailuresRepo {
  constructor(private readonly db: Db) {}

  /**
   * Photos of a folder that failed: undecodable photos (status error) and failed stages. One row
   * per photo and stage, with the photo's first path in that folder.
   */
  inFolder(folderId: number, limit: number): FailedPhotoRow[] {
    return this.db
      .prepare(
        `SELECT photo_id, MIN(path) AS path, stage, error FROM (
           SELECT p.id AS photo_id, l.path, 'media' AS stage, p.error AS error
           FROM locations l JOIN photos p ON p.id = l.photo_id
           WHERE l.folder_id = ? AND p.status = 'error' AND p.error IS NOT NULL
           UNION ALL
           SELECT j.photo_id, l.path, j.stage, COALESCE(j.last_error, 'failed') AS error
           FROM jobs j JOIN locations l ON l.photo_id = j.photo_id
           WHERE l.folder_id = ? AND j.status = 'failed'
             -- A photo that could not be decoded fails every stage that reads its pixels too:
             -- its own error says why, once.
             AND NOT EXISTS (SELECT 1 FROM photos p WHERE p.id = j.photo_id
                               AND p.status = 'error' AND p.error IS NOT NULL))
         GROUP BY photo_id, stage ORDER BY path LIMIT ?`,
      )
      .all(folderId, folderId, limit) as FailedPhotoRow[];
  }

  failedJobs(limit: number): FailedJobRow[] {
    return this.db
      .prepare(
        `SELECT j.photo_id, j.stage, COALESCE(j.last_error, 'failed') AS error, j.attempts,
                (SELECT MIN(path) FROM locations l WHERE l.photo_id = j.photo_id) AS path,
                j.updated_at
         FROM jobs j WHERE j.status = 'failed' ORDER BY j.updated_at DESC, j.id DESC LIMIT ?`,
      )
      .all(limit) as FailedJobRow[];
  }

  unreadableCounts(): Map<number, number> {
    const rows = this.db
      .prepare('SELECT folder_id, COUNT(*) AS n FROM file_issues GROUP BY folder_id')
      .all() as { folder_id: number; n: number }[];
    return new Map(rows.map((r) => [r.folder_id, r.n]));
  }
}
