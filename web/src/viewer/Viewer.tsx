import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { PhotoDetails } from '../../../src/shared/api.js';
import { api, previewOf } from '../api/client.js';
import { onLibraryEvent } from '../api/events.js';
import { fullDate, kindLabel } from '../app/format.js';
import { Icon } from '../components/Icon.js';
import { useModalLayer } from '../components/modal.js';
import { toastError } from '../components/toasts.js';
import type { TimelineStore } from '../timeline/store.js';
import { InfoPanel } from './InfoPanel.js';
import { useNoteUpdates } from './useNotes.js';
import { usePhotoActions } from './usePhotoActions.js';
import { FaceBoxes } from '../people/FaceBoxes.js';
import { ViewerBar } from './ViewerBar.js';
import { useZoom } from './useZoom.js';
import { LiveMotion } from './LiveMotion.js';
import { useSlideshow } from './useSlideshow.js';
import { useViewerKeys } from './useViewerKeys.js';
import { useVideoSource } from './useVideoSource.js';
import { togglePlayback, VideoStage } from './VideoStage.js';
const INFO_KEY = 'picto-info-open';
const FACES_KEY = 'picto-all-faces';

/** The grid tile of a photo, to give focus back to when the viewer closes. */
function tileOf(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(
    `[data-photo-id="${id}"] .tile-hit, a[data-photo-id="${id}"]`,
  );
}

function fitInto(w: number, h: number, fw: number, fh: number): { w: number; h: number } {
  if (!w || !h || !fw || !fh) return { w: fw, h: fh };
  const k = Math.min(fw / w, fh / h);
  return { w: w * k, h: h * k };
}

/**
 * Full-screen viewer. The thumbnail (already cached from the grid) shows at once, the preview
 * fades in over it, and zooming past the preview's resolution swaps in the original when a
 * browser can display it. A video plays in the native player over its poster (the same preview);
 * a Live Photo is its still with the motion on its "Live" button.
 */
export function Viewer({
  store,
  id,
  onClose,
  onNavigate,
  inTrash,
}: {
  store: TimelineStore;
  id: string;
  onClose: () => void;
  onNavigate: (id: string) => void;
  inTrash: boolean;
}) {
  useSyncExternalStore(store.subscribe, store.getVersion);
  const item = store.find(id);
  const [details, setDetails] = useState<PhotoDetails | null>(null);
  const [info, setInfo] = useState(() => localStorage.getItem(INFO_KEY) === '1');
  const [previewReady, setPreviewReady] = useState(false);
  const [originalReady, setOriginalReady] = useState(false);
  const [allFaces, setAllFaces] = useState(() => localStorage.getItem(FACES_KEY) === '1');
  const [unnamedFaces, setUnnamedFaces] = useState(0);
  const frame = useRef<HTMLDivElement>(null);
  const video = useRef<HTMLVideoElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const [frameSize, setFrameSize] = useState({ w: 0, h: 0 });
  const shown = useRef(id);
  shown.current = id;
  useModalLayer(root, () => tileOf(shown.current));

  useEffect(() => {
    let alive = true;
    setDetails(null);
    setPreviewReady(false);
    setOriginalReady(false);
    const load = () =>
      api.photo(id).then(
        (d) => alive && setDetails(d),
        (err) => alive && toastError(err),
      );
    load();
    const off = onLibraryEvent((e) => {
      if (e.type === 'photos.changed' && e.ids.includes(id)) load();
      if (e.type === 'albums.changed') load();
    });
    return () => {
      alive = false;
      off();
    };
  }, [id]);

  useEffect(() => {
    localStorage.setItem(INFO_KEY, info ? '1' : '0');
  }, [info]);

  useEffect(() => {
    localStorage.setItem(FACES_KEY, allFaces ? '1' : '0');
  }, [allFaces]);

  useEffect(() => {
    const el = frame.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setFrameSize({ w: el.clientWidth, h: el.clientHeight }));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const thumb = item?.thumbUrl ?? details?.thumbUrl ?? null;
  const preview = previewOf(id, thumb) ?? details?.previewUrl ?? null;
  const natW = details?.previewWidth ?? item?.width ?? details?.width ?? 0;
  const natH = details?.previewHeight ?? item?.height ?? details?.height ?? 0;
  const fit = useMemo(() => fitInto(natW, natH, frameSize.w, frameSize.h), [natW, natH, frameSize]);
  const kind = item?.kind ?? details?.kind ?? 'photo';
  const motion = useVideoSource(details?.id === id ? details : null, thumb);
  const { playing, setPlaying, idle, onVideoEnded } = useSlideshow(id, () => void go(1), {
    video: kind === 'video',
    playable: motion.state === 'ready',
  });

  const go = useCallback(
    async (step: 1 | -1) => {
      const next = await store.neighbour(id, step);
      if (next) onNavigate(next.id);
      else if (playing) setPlaying(false);
    },
    [store, id, onNavigate, playing],
  );

  // A slideshow started on a paused video plays it (and moves on when it ends).
  useEffect(() => {
    if (playing && video.current?.paused) togglePlayback(video.current);
  }, [playing]);

  const { z, zoomBy, reset, handlers } = useZoom(frame, fit, id, (dir) => void go(dir), {
    zoomable: kind !== 'video',
  });
  const wantOriginal = Boolean(
    details?.originalViewable && z.s * fit.w > (details.previewWidth ?? 0) * 1.05,
  );

  // Preload the neighbours' previews so arrow keys feel instant.
  useEffect(() => {
    const ordered = store.ordered();
    const i = ordered.findIndex((x) => x.id === id);
    for (const n of [ordered[i + 1], ordered[i - 1]]) {
      const url = n ? previewOf(n.id, n.thumbUrl) : null;
      if (url) new Image().src = url;
    }
  }, [store, id]);

  const updateNotes = useNoteUpdates(id, setDetails);
  const { favourite, toggleFavourite, moveToTrash, restore, album } = usePhotoActions(
    store,
    id,
    [details, setDetails],
    { onNavigate, onClose },
  );

  useViewerKeys({
    next: () => void go(1),
    previous: () => void go(-1),
    escape: () => {
      if (playing) setPlaying(false);
      else if (z.s > 1) reset();
      else onClose();
    },
    favourite: () => {
      if (!inTrash) void toggleFavourite();
    },
    trash: () => {
      if (!inTrash) void moveToTrash();
    },
    info: () => setInfo((v) => !v),
    mute: () => {
      if (kind !== 'video' || !video.current) return false;
      video.current.muted = !video.current.muted;
    },
    faces: () => setAllFaces((v) => !v),
    space: () => {
      if (kind === 'video' && video.current) togglePlayback(video.current);
      else setPlaying((p) => !p);
    },
    zoomIn: () => zoomBy(1.5),
    zoomOut: () => zoomBy(1 / 1.5),
    zoomReset: () => reset(),
    rate: (stars) => {
      if (inTrash) return false;
      void updateNotes({ rating: stars });
    },
  });

  const taken = details?.takenAt ?? item?.takenAt ?? null;
  const imgStyle = {
    width: fit.w,
    height: fit.h,
    transform: `translate(${z.x}px, ${z.y}px) scale(${z.s})`,
  };

  return (
    <div
      ref={root}
      className={`viewer${info ? ' viewer-info' : ''}${idle ? ' viewer-idle' : ''}${playing ? ' viewer-playing' : ''}`}
      role="dialog"
      aria-modal="true"
      aria-label="Photo viewer"
      data-kind={kind}
      tabIndex={-1}
    >
      <div className="viewer-stage">
        <div
          className={`viewer-frame${z.s > 1 ? ' zoomed' : ''}`}
          ref={frame}
          {...handlers}
          data-zoom={z.s.toFixed(2)}
        >
          {thumb && (
            <img
              key={`t${id}`}
              className="viewer-img viewer-thumb"
              src={thumb}
              alt=""
              style={imgStyle}
              draggable={false}
            />
          )}
          {preview && (
            <img
              key={`p${id}`}
              className={`viewer-img viewer-preview${previewReady ? ' ready' : ''}`}
              src={preview}
              alt={taken ? `${kindLabel(kind)} taken ${fullDate(taken)}` : kindLabel(kind)}
              style={imgStyle}
              draggable={false}
              onLoad={() => setPreviewReady(true)}
            />
          )}
          {wantOriginal && details && (
            <img
              key={`o${id}`}
              className={`viewer-img viewer-original${originalReady ? ' ready' : ''}`}
              src={details.originalUrl}
              alt=""
              style={imgStyle}
              draggable={false}
              onLoad={() => setOriginalReady(true)}
            />
          )}
          {kind === 'video' && (
            <VideoStage
              key={id}
              source={motion}
              poster={preview}
              style={{ width: fit.w, height: fit.h }}
              label={`${kindLabel(kind, item?.durationMs ?? details?.durationMs)}${taken ? `, taken ${fullDate(taken)}` : ''}`}
              videoRef={video}
              onEnded={onVideoEnded}
            />
          )}
          {kind === 'live' && (
            <LiveMotion key={id} source={motion} style={imgStyle} autoPlay={playing} />
          )}
          {(thumb || preview) && kind !== 'video' && (
            <FaceBoxes
              photoId={id}
              style={imgStyle}
              showUnnamed={allFaces}
              onUnnamed={setUnnamedFaces}
            />
          )}
          {!thumb && !preview && details && (
            <div className="viewer-missing">
              <Icon name={details.status === 'error' ? 'alert' : 'image'} size={40} />
              <p>
                {details.status === 'error'
                  ? `This file could not be read: ${details.error ?? 'unknown error'}`
                  : `This ${kind === 'video' ? 'video' : 'photo'} is still being processed…`}
              </p>
            </div>
          )}
        </div>

        <ViewerBar
          id={id}
          taken={taken}
          inTrash={inTrash}
          favourite={favourite}
          playing={playing}
          info={info}
          faces={{ unnamed: kind === 'video' ? 0 : unnamedFaces, showAll: allFaces }}
          video={kind === 'video'}
          actions={{
            onClose,
            onZoomIn: () => zoomBy(1.6),
            onTogglePlay: () => setPlaying((p) => !p),
            onRestore: () => void restore(),
            onFavourite: () => void toggleFavourite(),
            onTrash: () => void moveToTrash(),
            onToggleInfo: () => setInfo((v) => !v),
            onToggleFaces: () => setAllFaces((v) => !v),
            album: album && {
              name: album.name,
              onCover: () => void album.setCover(),
              onRemove: () => void album.removeFromAlbum(),
            },
          }}
        />

        <button
          className="viewer-nav viewer-prev"
          onClick={() => void go(-1)}
          aria-label="Previous photo"
          title="Previous (←)"
        >
          <Icon name="left" size={28} />
        </button>
        <button
          className="viewer-nav viewer-next"
          onClick={() => void go(1)}
          aria-label="Next photo"
          title="Next (→)"
        >
          <Icon name="right" size={28} />
        </button>
      </div>
      {info && (
        <InfoPanel
          photo={details}
          onClose={() => setInfo(false)}
          onUpdate={inTrash ? null : (body) => void updateNotes(body)}
          onEdited={() =>
            void api.photo(id).then((d) => shown.current === d.id && setDetails(d), toastError)
          }
        />
      )}
    </div>
  );
}
