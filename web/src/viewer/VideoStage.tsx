import { useEffect, useRef, useState, type CSSProperties, type RefObject } from 'react';
import type { VideoSource } from './useVideoSource.js';
import { Icon } from '../components/Icon.js';
import './video.css';

/**
 * Starts a video that was just opened. The click that opened the viewer lets it play with sound;
 * a viewer opened from a link (no click yet) may only play muted, so it falls back to that and the
 * native controls show it is muted.
 */
function autoplay(v: HTMLVideoElement): void {
  v.play().catch((err: unknown) => {
    if (!(err instanceof DOMException) || err.name !== 'NotAllowedError') return;
    v.muted = true;
    v.play().catch(() => {
      // Still refused: the controls are there to start it.
    });
  });
}

/** Play or pause the viewer's video (Space). */
export function togglePlayback(v: HTMLVideoElement | null): void {
  if (!v) return;
  if (v.paused || v.ended) void v.play().catch(() => undefined);
  else v.pause();
}

/**
 * The finished transcode replaces the growing one under the player: the same URL loaded again
 * (the growing answer is never cached), at the moment it had reached, playing if it played.
 */
function reloadFinished(v: HTMLVideoElement): void {
  const at = v.currentTime;
  const wasPlaying = !v.paused && !v.ended;
  const resume = () => {
    v.currentTime = at;
    if (wasPlaying) void v.play().catch(() => undefined);
  };
  v.addEventListener('loadedmetadata', resume, { once: true });
  v.load();
}

/**
 * A video in the viewer: the native player over the poster, sized like a photo. Until the browser
 * can play it (a transcode not started yet) the poster shows with the progress; a transcode being
 * made plays as it grows, with a note that seeking waits for its end, and is swapped for the
 * finished file when that is ready. Pointer gestures on the player stay the player's (no swipe or
 * zoom under its controls).
 */
export function VideoStage({
  source,
  poster,
  style,
  label,
  videoRef,
  onEnded,
}: {
  source: VideoSource;
  poster: string | null;
  style: CSSProperties;
  label: string;
  videoRef: RefObject<HTMLVideoElement | null>;
  onEnded: () => void;
}) {
  const started = useRef<string | null>(null);
  // The browser could not play what the server sent (a codec it lacks, a file cut short).
  const [broken, setBroken] = useState(false);
  const url = source.state === 'ready' ? source.url : null;
  const growing = source.state === 'ready' && source.growing;
  const wasGrowing = useRef(false);

  // Leaving the video ends its download (a growing answer would otherwise stay open). Declared
  // first: StrictMode's second mount (development) gets its source back, then autoplays again.
  useEffect(() => {
    const v = videoRef.current;
    if (!v || !url) return;
    if (v.getAttribute('src') !== url) v.setAttribute('src', url);
    return () => {
      started.current = null;
      v.removeAttribute('src');
      v.load();
    };
  }, [url, videoRef]);

  useEffect(() => {
    const v = videoRef.current;
    if (!v || !url || started.current === url) return;
    started.current = url;
    autoplay(v);
  }, [url, videoRef]);

  useEffect(() => {
    const v = videoRef.current;
    if (growing) wasGrowing.current = true;
    else if (wasGrowing.current && v) {
      wasGrowing.current = false;
      reloadFinished(v);
    }
  }, [growing, videoRef]);

  if (source.state === 'waiting') {
    const pct = source.progress === null ? null : Math.round(source.progress * 100);
    return (
      <div className="viewer-video-wait" role="status">
        <div
          className="viewer-progress"
          role="progressbar"
          aria-label="Preparing the video"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={pct ?? undefined}
          style={{ '--p': `${pct ?? 0}%` } as CSSProperties}
          data-indeterminate={pct === null || pct === 0 ? '' : undefined}
        />
        <p>Preparing the video for your browser…</p>
        {pct !== null && pct > 0 && (
          <p className="viewer-progress-pct" aria-hidden="true">
            {pct}&nbsp;%
          </p>
        )}
      </div>
    );
  }
  if (source.state === 'failed' || broken) {
    return (
      <div className="viewer-video-wait viewer-video-failed" role="status">
        <Icon name="alert" size={32} />
        <p>
          This video cannot be played here.{' '}
          {source.state === 'failed'
            ? source.message
            : 'Your browser could not decode it: download the original to watch it.'}
        </p>
      </div>
    );
  }
  if (!url) return null;
  return (
    <>
      <video
        ref={videoRef}
        key={url}
        className="viewer-video"
        src={url}
        poster={poster ?? undefined}
        style={style}
        controls
        playsInline
        preload="auto"
        disableRemotePlayback
        aria-label={label}
        onEnded={onEnded}
        onError={() => setBroken(true)}
        onPointerDown={(e) => e.stopPropagation()}
        onPointerUp={(e) => e.stopPropagation()}
        onDoubleClick={(e) => e.stopPropagation()}
      />
      {growing && (
        <p className="viewer-video-growing" role="status">
          Still converting for your browser: it plays now, seeking works once it is done.
        </p>
      )}
    </>
  );
}
