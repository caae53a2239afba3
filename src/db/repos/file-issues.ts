import type { Db } from '../connection.js';

export interface FileIssueRow {
  path: string;
  folder_id: number;
  error: string;
  seen_at: string;
}

export class FileIssuesRepo {
  constructor(private readonly db: Db) {}

  upsert(row: FileIssueRow): void {
    this.db
      .prepare(
        `INSERT INTO file_issues (path, folder_id, error, seen_at) VALUES (@path, @folder_id, @error, @seen_at)
         ON CONFLICT (path) DO UPDATE SET error = excluded.error, seen_at = excluded.seen_at`,
      )
      .run(row);
  }

  delete(p: string): void {
    this.db.prepare('DELETE FROM file_issues WHERE path = ?').run(p);
  }

  /** Hands a folder's problem files to another folder (see LocationsRepo.moveFolder). */
  moveFolder(fromFolderId: number, toFolderId: number): void {
    this.db
      .prepare('UPDATE file_issues SET folder_id = ? WHERE folder_id = ?')
      .run(toFolderId, fromFolderId);
  }

  inFolder(folderId: number): FileIssueRow[] {
    return this.db
      .prepare('SELECT * FROM file_issues WHERE folder_id = ? ORDER BY path')
      .all(folderId) as FileIssueRow[];
  }

  all(): FileIssueRow[] {
    return this.db.prepare('SELECT * FROM file_issues ORDER BY path').all() as FileIssueRow[];
  }
}
