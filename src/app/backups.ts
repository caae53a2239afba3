import { listBackups, restoreDatabase, type BackupInfo } from '../db/backup.js';
import { dataLayout } from './paths.js';

// Backups of a data directory without opening its catalogue: a restore must run while it is
// closed, and listing needs no database at all. Picto.backup() writes one of an open catalogue.

export type { BackupInfo };

/** The backups in `<data>/backups/`, newest first. */
export function backupsIn(dataDir: string): BackupInfo[] {
  return listBackups(dataLayout(dataDir).backups);
}

/**
 * Replaces the catalogue of a data directory with a backup file; the current catalogue is saved
 * as a backup first. Returns that backup's path ('' when there was no catalogue).
 */
export function restoreBackup(backupFile: string, dataDir: string): string {
  const layout = dataLayout(dataDir);
  return restoreDatabase(backupFile, layout.database, layout.backups);
}
