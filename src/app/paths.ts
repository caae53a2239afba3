import os from 'node:os';
import path from 'node:path';

/** Where Picto keeps its catalogue: --data, else PICTO_DATA, else the XDG data home. */
export function resolveDataDir(explicit?: string): string {
  if (explicit) return path.resolve(explicit);
  if (process.env.PICTO_DATA) return path.resolve(process.env.PICTO_DATA);
  const xdg = process.env.XDG_DATA_HOME || path.join(os.homedir(), '.local', 'share');
  return path.join(xdg, 'picto');
}

export interface DataLayout {
  root: string;
  database: string;
  thumbs: string;
  backups: string;
  /** Browser copies and hover previews of videos (by content hash). */
  videos: string;
}

export function dataLayout(root: string): DataLayout {
  return {
    root,
    database: path.join(root, 'picto.db'),
    thumbs: path.join(root, 'thumbs'),
    backups: path.join(root, 'backups'),
    videos: path.join(root, 'videos'),
  };
}
