import type { PhotoDetails } from '../../../src/shared/api.js';
import { bytes, codecName, duration, fpsLabel } from '../app/format.js';
import { Section } from './InfoSection.js';

/** Whether the browser plays the original, or the state of its transcode. */
function playback(v: NonNullable<PhotoDetails['video']>): string {
  if (v.playable) return 'Plays in the browser as it is';
  switch (v.transcode) {
    case 'done':
      return 'Converted to H.264 for the browser';
    case 'failed':
      return 'Could not be converted for the browser';
    case 'running':
      return `Being converted for the browser${v.progress ? ` · ${Math.round(v.progress * 100)} %` : '…'}`;
    default:
      return 'Waiting to be converted for the browser';
  }
}

/**
 * A video's length, size, frame rate and codec, its file and whether it plays as it is; a Live
 * Photo's motion (its still has the Image section).
 */
export function VideoSection({ photo }: { photo: PhotoDetails }) {
  const v = photo.video;
  if (!v) return null;
  const live = photo.kind === 'live';
  const main = [
    live ? 'Motion' : null,
    photo.durationMs !== undefined ? duration(photo.durationMs) : null,
    !live && photo.width && photo.height ? `${photo.width} × ${photo.height}` : null,
    v.fps > 0 ? fpsLabel(v.fps) : null,
  ].filter(Boolean);
  return (
    <Section icon={live ? 'live' : 'video'} title={live ? 'Live Photo' : 'Video'}>
      <p className="info-main">{main.join(' · ')}</p>
      <p className="info-sub">
        {codecName(v.codec)}
        {!live && ` · ${bytes(photo.size)}`}
        {!live && photo.format ? ` · ${photo.format.toUpperCase()}` : ''}
      </p>
      <p className="info-sub">{playback(v)}</p>
    </Section>
  );
}
