import { useEffect, useRef, useState } from 'react';

const SLIDE_MS = 4000;
/** A long video in a slideshow plays this long, then the show goes on. */
const VIDEO_CAP_MS = 60_000;

/**
 * The viewer's slideshow: the next item after a few seconds, and the controls fade away while the
 * mouse rests. [Note: Videos in a slideshow] A video that plays is watched to its end (at most a
 * minute: `onVideoEnded` or the cap moves on); one that cannot play yet (its transcode is being
 * made) or will not play shows its poster like a photo, for the photo's time.
 */
export function useSlideshow(
  id: string,
  next: () => void,
  current: { video: boolean; playable: boolean },
) {
  const [playing, setPlaying] = useState(false);
  const [idle, setIdle] = useState(false);
  const waitsForVideo = current.video && current.playable;
  // The latest `next` (it knows the item on screen) without restarting the timer when it changes.
  const nextRef = useRef(next);
  nextRef.current = next;

  useEffect(() => {
    if (!playing) return;
    const t = window.setTimeout(() => nextRef.current(), waitsForVideo ? VIDEO_CAP_MS : SLIDE_MS);
    return () => window.clearTimeout(t);
  }, [playing, id, waitsForVideo]);

  useEffect(() => {
    if (!playing) {
      setIdle(false);
      return;
    }
    let t = window.setTimeout(() => setIdle(true), 2000);
    const wake = () => {
      setIdle(false);
      window.clearTimeout(t);
      t = window.setTimeout(() => setIdle(true), 2000);
    };
    window.addEventListener('mousemove', wake);
    return () => {
      window.clearTimeout(t);
      window.removeEventListener('mousemove', wake);
    };
  }, [playing]);

  return {
    playing,
    setPlaying,
    idle,
    /** The video on screen ended: the slideshow moves on (a paused viewer stays). */
    onVideoEnded: () => {
      if (playing) nextRef.current();
    },
  };
}
