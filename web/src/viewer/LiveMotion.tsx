import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { Icon } from '../components/Icon.js';
import './video.css';
import type { VideoSource } from './useVideoSource.js';

/**
 * A Live Photo in the viewer: the still, and over it its motion while the mouse rests on the
 * "Live" button or after a press of it (touch, keyboard), as Apple Photos and Google Photos play
 * them. The motion plays once and the still comes back. In a slideshow it plays once on arrival.
 */
export function LiveMotion({
  source,
  style,
  autoPlay,
}: {
  source: VideoSource;
  /** The still's box and zoom transform: the motion lies exactly over it. */
  style: CSSProperties;
  autoPlay: boolean;
}) {
  const video = useRef<HTMLVideoElement>(null);
  const [on, setOn] = useState(false);
  const [moving, setMoving] = useState(false);
  const url = source.state === 'ready' ? source.url : null;

  const play = (withSound: boolean) => {
    const v = video.current;
    if (!v) return;
    v.muted = !withSound;
    v.currentTime = 0;
    setOn(true);
    v.play().catch(() => {
      // Sound needs a click first: play it muted then.
      v.muted = true;
      v.play().catch(() => setOn(false));
    });
  };
  const stop = () => {
    video.current?.pause();
    setOn(false);
    setMoving(false);
  };

  useEffect(() => {
    if (autoPlay && url) play(false);
  }, [autoPlay, url]);

  return (
    <>
      {url && (
        <video
          ref={video}
          className={`viewer-img viewer-live${moving && on ? ' ready' : ''}`}
          src={url}
          style={style}
          muted
          playsInline
          preload="auto"
          disablePictureInPicture
          disableRemotePlayback
          aria-hidden="true"
          tabIndex={-1}
          onPlaying={() => setMoving(true)}
          onEnded={stop}
        />
      )}
      <button
        className={`viewer-live-btn${on ? ' viewer-on' : ''}`}
        disabled={source.state !== 'ready'}
        aria-pressed={on}
        aria-label="Live: play the motion"
        title={
          source.state === 'failed' ? source.message : 'Live Photo: rest the mouse here or press'
        }
        onPointerEnter={(e) => e.pointerType === 'mouse' && play(false)}
        onPointerLeave={(e) => e.pointerType === 'mouse' && stop()}
        onPointerDown={(e) => e.stopPropagation()}
        onClick={() => (on && video.current && !video.current.muted ? stop() : play(true))}
      >
        <Icon name="live" size={18} strokeWidth={2} />
        <span aria-hidden="true">Live</span>
      </button>
    </>
  );
}
