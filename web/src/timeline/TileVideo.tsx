import { useEffect, useRef, useState } from 'react';
import type { TimelineItem } from '../../../src/shared/api.js';
import { videoPreviewOf } from '../api/client.js';
import { duration, type ItemKind } from '../app/format.js';
import { Icon } from '../components/Icon.js';

/** What a grid item is; a server from before videos sends no kind: a photo then. */
export const kindOf = (item: { kind?: ItemKind }): ItemKind => item.kind ?? 'photo';

/** How long the mouse rests on a tile before its preview starts: passing over the grid plays none. */
const HOVER_DELAY_MS = 180;

/**
 * The badge in a video tile's corner (its length, as Google Photos and Immich show it) or a Live
 * Photo's. It is decoration: the tile's accessible name already says "Video, 0:12".
 */
export function MotionBadge({ item }: { item: TimelineItem }) {
  const kind = kindOf(item);
  if (kind === 'photo') return null;
  const ms = item.durationMs ?? null;
  return (
    <span className={`tile-badge tile-badge-${kind}`} aria-hidden="true">
      {kind === 'live' ? (
        <>
          <Icon name="live" size={14} strokeWidth={2} />
          Live
        </>
      ) : (
        <>
          {ms !== null ? duration(ms) : null}
          <Icon name="play" size={12} filled strokeWidth={0} />
        </>
      )}
    </span>
  );
}

/**
 * Whether a tile's preview should play: after the mouse has rested on it a moment, or while a
 * finger holds it (the touch stand-in for hover). Returns the handlers to put on the tile.
 */
export function useHoverPreview(enabled: boolean) {
  const [on, setOn] = useState(false);
  const timer = useRef<number | null>(null);
  const clear = () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => clear, []);
  const start = (delay: number) => {
    if (!enabled) return;
    clear();
    timer.current = window.setTimeout(() => setOn(true), delay);
  };
  const stop = () => {
    clear();
    setOn(false);
  };
  return {
    on: on && enabled,
    /** Mouse: rest on the tile. */
    onPointerEnter: (e: React.PointerEvent) => {
      if (e.pointerType === 'mouse') start(HOVER_DELAY_MS);
    },
    onPointerLeave: (e: React.PointerEvent) => {
      if (e.pointerType === 'mouse') stop();
    },
    /** Touch: a press held still (the long press that selects plays it too). */
    hold: () => start(250),
    release: stop,
  };
}

/**
 * The muted low-resolution preview over the thumbnail. It fades in only once frames play, so a
 * slow start never blanks the tile; a preview that cannot load just leaves the thumbnail.
 */
export function TilePreview({ item }: { item: TimelineItem }) {
  const [playing, setPlaying] = useState(false);
  const [failed, setFailed] = useState(false);
  if (failed) return null;
  return (
    <video
      className={`tile-video${playing ? ' tile-video-playing' : ''}`}
      src={videoPreviewOf(item.id, item.thumbUrl)}
      muted
      autoPlay
      loop
      playsInline
      disablePictureInPicture
      disableRemotePlayback
      preload="auto"
      aria-hidden="true"
      tabIndex={-1}
      onPlaying={() => setPlaying(true)}
      onError={() => setFailed(true)}
    />
  );
}
