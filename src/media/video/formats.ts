// Which file names the scanner should treat as videos. By extension, like photos (formats.ts):
// content is checked when the file is probed (probe.ts refuses a JPEG named .mp4 with a message).

/** MP4, MOV, M4V, 3GP, MKV, WebM, AVI, AVCHD/Blu-ray MTS and M2TS, and their usual variants. */
export const VIDEO_EXTENSIONS: readonly string[] = [
  'mp4',
  'm4v',
  'mov',
  'qt',
  '3gp',
  '3g2',
  'mkv',
  'webm',
  'avi',
  'mts',
  'm2ts',
  'mpg',
  'mpeg',
];

const SET = new Set(VIDEO_EXTENSIONS);

/** True for a file the scanner should consider as a video (AppleDouble "._" forks excluded). */
export function isVideoCandidate(name: string): boolean {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  if (base.startsWith('._')) return false;
  const dot = base.lastIndexOf('.');
  return dot > 0 && SET.has(base.slice(dot + 1).toLowerCase());
}
