import { useEffect, useState } from 'react';
import type { ApiError, PhotoDetails } from '../../../src/shared/api.js';
import type { VideoPending } from '../../../src/shared/video-api.js';
import { videoOf } from '../api/client.js';
import { onLibraryEvent } from '../api/events.js';

/** What the viewer can do with an item's moving picture right now. */
export type VideoSource =
  | { state: 'none' }
  /** Asking the server, or its transcode is being made (progress 0..1 when it knows). */
  | { state: 'waiting'; progress: number | null }
  /**
   * `growing`: the server sends the transcode as it is being made: it plays from the start, but
   * cannot be sought in until it is finished (`video.ready`, when this turns false).
   */
  | { state: 'ready'; url: string; growing: boolean }
  | { state: 'failed'; message: string };

/** How often a video whose transcode runs asks again (the `video.ready` event usually comes first). */
const POLL_MS = 1000;

/**
 * Where the viewer plays an item's video from, once the browser can play it. A video whose
 * original plays, or whose transcode is made, is ready at once. Otherwise the video URL is asked
 * for one byte, which moves its transcode to the front of the server's queue: bytes with
 * `x-picto-transcode: running` say the transcode is being made and can be played as it grows
 * (ready, growing, until the `video.ready` event for it); 202 says it has not started yet, with
 * its progress, so it is asked again each second.
 */
export function useVideoSource(details: PhotoDetails | null, thumbUrl: string | null): VideoSource {
  const id = details?.id ?? null;
  const video = details?.video ?? null;
  const known = video && (video.playable || video.transcode === 'done');
  const failed = video?.transcode === 'failed';
  const url = id ? videoOf(id, thumbUrl ?? details?.thumbUrl ?? null) : null;
  // Each answer is kept with the URL it is for: after moving to the next item the last one's
  // answer is never shown for it.
  const [answer, setAnswer] = useState<{ url: string | null; source: VideoSource }>({
    url: null,
    source: { state: 'none' },
  });
  const setSource = (source: VideoSource) => setAnswer({ url, source });

  useEffect(() => {
    if (!id || !video || !url) {
      setSource({ state: 'none' });
      return;
    }
    if (known) {
      setSource({ state: 'ready', url, growing: false });
      return;
    }
    if (failed) {
      setSource({ state: 'failed', message: 'The video could not be converted for the browser.' });
      return;
    }
    let alive = true;
    let timer: number | null = null;
    const ask = new AbortController();
    setSource({ state: 'waiting', progress: video.progress ?? null });
    const probe = async () => {
      timer = null;
      try {
        const res = await fetch(url, {
          headers: { range: 'bytes=0-0' },
          credentials: 'same-origin',
          signal: ask.signal,
        });
        if (!alive) return;
        if (res.status === 202) {
          const body = (await res.json()) as VideoPending;
          if (!alive) return;
          setSource({ state: 'waiting', progress: body.progress });
          timer = window.setTimeout(() => void probe(), POLL_MS);
        } else if (res.ok) {
          void res.body?.cancel();
          setSource({
            state: 'ready',
            url,
            growing: res.headers.get('x-picto-transcode') === 'running',
          });
        } else {
          const body = (await res.json().catch(() => null)) as ApiError | null;
          if (alive)
            setSource({
              state: 'failed',
              message: body?.message ?? `The video could not be loaded (${res.status}).`,
            });
        }
      } catch {
        // Aborted on close, or the server is away (the connection banner says so): ask again.
        if (alive && !ask.signal.aborted)
          timer = window.setTimeout(() => void probe(), POLL_MS * 3);
      }
    };
    void probe();
    const off = onLibraryEvent((e) => {
      if (e.type === 'video.ready' && e.photoId === id && alive) {
        if (timer !== null) window.clearTimeout(timer);
        timer = null;
        // A probe still under way would say what was true before this.
        alive = false;
        ask.abort();
        setSource({ state: 'ready', url, growing: false });
      }
    });
    return () => {
      alive = false;
      ask.abort();
      if (timer !== null) window.clearTimeout(timer);
      off();
    };
    // The details reload while the video is open (photos.changed): only a change of what can be
    // played starts over.
  }, [id, url, Boolean(video), known, failed]);

  return answer.url === url ? answer.source : NONE;
}

const NONE: VideoSource = { state: 'none' };
