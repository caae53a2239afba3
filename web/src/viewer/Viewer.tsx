import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { PhotoDetails } from '../../../src/shared/api.js';
import { api, previewOf } from '../api/client.js';
import { onLibraryEvent } from '../api/events.js';
import { fullDate } from '../app/format.js';
import { Icon } from '../components/Icon.js';
import { useModalLayer } from '../components/modal.js';
import { toast, toastError } from '../components/toasts.js';
import type { TimelineStore } from '../timeline/store.js';
import { InfoPanel } from './InfoPanel.js';
import { FaceBoxes } from '../people/FaceBoxes.js';
import { ViewerBar } from './ViewerBar.js';
import { useZoom } from './useZoom.js';

const SLIDE_MS = 4000;
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
 * browser can display it.
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
  const [playing, setPlaying] = useState(false);
  const [idle, setIdle] = useState(false);
  const [previewReady, setPreviewReady] = useState(false);
  const [originalReady, setOriginalReady] = useState(false);
  const [allFaces, setAllFaces] = useState(() => localStorage.getItem(FACES_KEY) === '1');
  const [unnamedFaces, setUnnamedFaces] = useState(0);
  const frame = useRef<HTMLDivElement>(null);
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

  const go = useCallback(
    async (step: 1 | -1) => {
      const next = await store.neighbour(id, step);
      if (next) onNavigate(next.id);
      else if (playing) setPlaying(false);
    },
    [store, id, onNavigate, playing],
  );

  const { z, zoomBy, reset, handlers } = useZoom(frame, fit, id, (dir) => void go(dir));
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

  useEffect(() => {
    if (!playing) return;
    const t = window.setTimeout(() => void go(1), SLIDE_MS);
    return () => window.clearTimeout(t);
  }, [playing, id, go]);

  // Controls fade away while a slideshow runs and the mouse rests.
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

  const favourite = details?.favourite ?? item?.favourite ?? false;

  const toggleFavourite = useCallback(async () => {
    const on = !favourite;
    store.patch([id], { favourite: on });
    setDetails((d) => (d ? { ...d, favourite: on } : d));
    try {
      await api.favourite([id], on);
      toast(on ? 'Added to favourites' : 'Removed from favourites');
    } catch (err) {
      store.patch([id], { favourite: !on });
      setDetails((d) => (d ? { ...d, favourite: !on } : d));
      toastError(err);
    }
  }, [favourite, id, store]);

  const leave = useCallback(async () => {
    const next = (await store.neighbour(id, 1)) ?? (await store.neighbour(id, -1));
    store.remove([id]);
    if (next) onNavigate(next.id);
    else onClose();
  }, [id, store, onNavigate, onClose]);

  const moveToTrash = useCallback(async () => {
    try {
      await api.trash([id]);
      await leave();
      toast('Moved to trash', {
        action: {
          label: 'Undo',
          run: () => void api.restore([id]).then(() => store.invalidate(), toastError),
        },
      });
    } catch (err) {
      toastError(err);
    }
  }, [id, leave, store]);

  const source = (store as Partial<TimelineStore>).source;
  const albumId = source?.kind === 'album' ? (source.albumId ?? null) : null;
  const albumName = details?.albums.find((x) => x.id === albumId)?.name ?? 'the album';

  const setCover = useCallback(async () => {
    if (albumId === null) return;
    try {
      await api.updateAlbum(albumId, { coverPhotoId: id });
      toast(`Now the cover of ${albumName}`);
    } catch (err) {
      toastError(err);
    }
  }, [albumId, albumName, id]);

  const removeFromAlbum = useCallback(async () => {
    if (albumId === null) return;
    try {
      await api.removeFromAlbum(albumId, [id]);
      await leave();
      toast(`Removed from ${albumName}`, {
        action: {
          label: 'Undo',
          run: () => void api.addToAlbum(albumId, [id]).then(() => store.invalidate(), toastError),
        },
      });
    } catch (err) {
      toastError(err);
    }
  }, [albumId, albumName, id, leave, store]);

  const restore = useCallback(async () => {
    try {
      await api.restore([id]);
      await leave();
      toast('Restored to your library');
    } catch (err) {
      toastError(err);
    }
  }, [id, leave]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) return;
      // The info panel's edit forms keep their keys (Space on their buttons is not the slideshow).
      if (e.target instanceof Element && e.target.closest('form')) return;
      if (document.querySelector('dialog[open]')) return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      // Space is the slideshow's, even on a focused button (Enter still presses buttons).
      switch (e.key) {
        case 'ArrowRight':
          void go(1);
          break;
        case 'ArrowLeft':
          void go(-1);
          break;
        case 'Escape':
          if (playing) setPlaying(false);
          else if (z.s > 1) reset();
          else onClose();
          break;
        case 'f':
        case 'F':
          if (!inTrash) void toggleFavourite();
          break;
        case 'Delete':
          if (!inTrash) void moveToTrash();
          break;
        case 'i':
        case 'I':
          setInfo((v) => !v);
          break;
        case 'p':
        case 'P':
          setAllFaces((v) => !v);
          break;
        case ' ':
          setPlaying((p) => !p);
          break;
        case '+':
        case '=':
          zoomBy(1.5);
          break;
        case '-':
          zoomBy(1 / 1.5);
          break;
        case '0':
          reset();
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, onClose, toggleFavourite, moveToTrash, playing, z.s, reset, zoomBy, inTrash]);

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
              alt={taken ? `Photo taken ${fullDate(taken)}` : 'Photo'}
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
          {(thumb || preview) && (
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
                  : 'This photo is still being processed…'}
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
          faces={{ unnamed: unnamedFaces, showAll: allFaces }}
          actions={{
            onClose,
            onZoomIn: () => zoomBy(1.6),
            onTogglePlay: () => setPlaying((p) => !p),
            onRestore: () => void restore(),
            onFavourite: () => void toggleFavourite(),
            onTrash: () => void moveToTrash(),
            onToggleInfo: () => setInfo((v) => !v),
            onToggleFaces: () => setAllFaces((v) => !v),
            album:
              albumId !== null
                ? {
                    name: albumName,
                    onCover: () => void setCover(),
                    onRemove: () => void removeFromAlbum(),
                  }
                : null,
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
          onEdited={() =>
            void api.photo(id).then((d) => shown.current === d.id && setDetails(d), toastError)
          }
        />
      )}
    </div>
  );
}
