import { memo, useRef, useState, type CSSProperties } from 'react';
import type { TimelineItem } from '../../../src/shared/api.js';
import { tileLabel } from '../app/format.js';
import { Icon } from '../components/Icon.js';
import { MotionBadge, TilePreview, kindOf, useHoverPreview } from './TileVideo.js';

export interface TileHandlers {
  /** A click (or Enter) on the photo: opens it, or toggles it while selecting. */
  onActivate: (item: TimelineItem, mods: { shift: boolean; toggle: boolean }) => void;
  /** The check circle, Space, Ctrl+Enter or a long press: always toggles selection. */
  onCheck: (item: TimelineItem, range: boolean) => void;
}

/**
 * What the keys do on a tile, in the three ways a grid is used: browsing (Enter opens), while
 * photos are selected (Enter toggles too: it never opens the viewer behind the selection), and
 * in a picker (Enter and Space pick; Esc closes the picker's dialog). Each has its hint, and a
 * tile is described by the one that is true for it.
 */
export type TileKeys = 'browse' | 'select' | 'pick';

/** Id of the hidden text that tells keyboard users what the keys do (rendered once per mode). */
export const tileKeysHintId = (keys: TileKeys) => `tile-keys-${keys}`;

const LONG_PRESS_MS = 450;
const LONG_PRESS_SLOP = 10;

/**
 * A long press (touch or pen) selects, as on phones' photo apps: the press that selects does not
 * also open the photo, and the browser's own long-press menu stays away. While the finger rests,
 * `hold` runs (a video tile plays its preview then: touch has no hover).
 */
function useLongPress(fire: () => void, hold?: { start: () => void; end: () => void }) {
  const timer = useRef<number | null>(null);
  const start = useRef<{ x: number; y: number } | null>(null);
  const fired = useRef(false);
  const cancel = () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    start.current = null;
    hold?.end();
  };
  return {
    /** True once after a long press: the click that follows is swallowed. */
    consume: () => {
      const f = fired.current;
      fired.current = false;
      return f;
    },
    handlers: {
      onPointerDown: (e: React.PointerEvent) => {
        fired.current = false;
        if (e.pointerType === 'mouse' || !e.isPrimary) return;
        start.current = { x: e.clientX, y: e.clientY };
        hold?.start();
        timer.current = window.setTimeout(() => {
          timer.current = null;
          fired.current = true;
          fire();
        }, LONG_PRESS_MS);
      },
      onPointerMove: (e: React.PointerEvent) => {
        const s = start.current;
        if (s && Math.hypot(e.clientX - s.x, e.clientY - s.y) > LONG_PRESS_SLOP) cancel();
      },
      onPointerUp: cancel,
      onPointerCancel: cancel,
      onContextMenu: (e: React.MouseEvent) => {
        if (fired.current || timer.current !== null) e.preventDefault();
      },
    },
  };
}

export const Tile = memo(function Tile({
  item,
  x,
  width,
  height,
  selected,
  selecting,
  handlers,
  locked,
  picking = false,
}: {
  item: TimelineItem;
  /** Position in a justified row; without it the tile fills its grid cell. */
  x?: number;
  width?: number;
  height?: number;
  selected: boolean;
  selecting: boolean;
  handlers: TileHandlers;
  /**
   * Why this photo cannot be picked ("already in Garda"): shown checked and dimmed, said in its
   * name, and clicks, Space and long presses leave it alone.
   */
  locked?: string;
  /** In a photo picker: Enter picks, as Space does (the hint says so). */
  picking?: boolean;
}) {
  const [loaded, setLoaded] = useState(false);
  const [failed, setFailed] = useState(false);
  const kind = kindOf(item);
  const preview = useHoverPreview(kind !== 'photo' && item.status === 'ready');
  const press = useLongPress(
    () => {
      if (!locked) handlers.onCheck(item, false);
    },
    { start: preview.hold, end: preview.release },
  );
  const label = `${tileLabel(item)}${locked ? `, ${locked}` : selected ? ', selected' : ''}`;
  const style: CSSProperties | undefined =
    x === undefined ? undefined : { transform: `translateX(${x}px)`, width, height };
  return (
    <div
      className={`tile${x === undefined ? ' tile-cell' : ''}${selected && !locked ? ' tile-selected' : ''}${selecting ? ' tile-selecting' : ''}${locked ? ' tile-locked' : ''}`}
      style={style}
      data-photo-id={item.id}
      data-kind={kind}
      onPointerEnter={preview.onPointerEnter}
      onPointerLeave={preview.onPointerLeave}
    >
      <div
        className="tile-hit"
        role="button"
        tabIndex={0}
        aria-label={label}
        aria-pressed={selecting && !locked ? selected : undefined}
        aria-disabled={locked ? true : undefined}
        aria-describedby={tileKeysHintId(picking ? 'pick' : selecting ? 'select' : 'browse')}
        {...press.handlers}
        onClick={(e) => {
          if (press.consume() || locked) return;
          handlers.onActivate(item, { shift: e.shiftKey, toggle: e.ctrlKey || e.metaKey });
        }}
        onKeyDown={(e) => {
          if (locked && (e.key === ' ' || e.key === 'Enter')) e.preventDefault();
          else if (e.key === ' ' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey))) {
            e.preventDefault();
            handlers.onCheck(item, e.shiftKey);
          } else if (e.key === 'Enter') {
            e.preventDefault();
            handlers.onActivate(item, { shift: e.shiftKey, toggle: false });
          }
        }}
      >
        {item.thumbUrl && !failed ? (
          <img
            className={`tile-img${loaded ? ' tile-img-loaded' : ''}`}
            src={item.thumbUrl}
            alt=""
            decoding="async"
            loading={x === undefined ? 'lazy' : undefined}
            draggable={false}
            onLoad={() => setLoaded(true)}
            onError={() => setFailed(true)}
          />
        ) : (
          <div
            className={`tile-pending${item.status === 'error' || failed ? ' tile-broken' : ''}`}
            title={item.status === 'error' ? 'This file could not be read' : undefined}
          >
            {item.status === 'error' ? (
              <Icon name="alert" size={22} />
            ) : failed ? (
              <Icon name="image" size={22} />
            ) : null}
          </div>
        )}
        {preview.on && <TilePreview item={item} />}
        <MotionBadge item={item} />
      </div>
      <button
        className="tile-check"
        aria-label={locked ? locked : selected ? 'Deselect' : 'Select'}
        tabIndex={-1}
        disabled={Boolean(locked)}
        onClick={(e) => {
          e.stopPropagation();
          handlers.onCheck(item, e.shiftKey);
        }}
      >
        <Icon name="check" size={16} strokeWidth={3} />
      </button>
      {item.favourite && (
        <span className="tile-fav" title="Favourite">
          <Icon name="heart" size={18} filled />
        </span>
      )}
    </div>
  );
});

/**
 * What the keys do on a focused tile, once per mode: read with each tile (aria-describedby), and
 * shown while a tile described by it has keyboard focus. The words follow the tile's onKeyDown and
 * the selection's handlers (onActivate toggles while selecting or picking).
 */
export function TileKeysHint({ keys }: { keys: TileKeys }) {
  return (
    <p id={tileKeysHintId(keys)} className={`kbd-hint kbd-hint-${keys}`} role="note">
      {keys === 'browse' && (
        <>
          <kbd>Enter</kbd> opens · <kbd>Space</kbd> or <kbd>Ctrl</kbd>+<kbd>Enter</kbd> selects ·{' '}
          <kbd>Shift</kbd>+<kbd>Space</kbd> selects a range
        </>
      )}
      {keys === 'select' && (
        <>
          <kbd>Enter</kbd> or <kbd>Space</kbd> selects or deselects · <kbd>Shift</kbd>+
          <kbd>Space</kbd> selects a range · <kbd>Esc</kbd> clears the selection
        </>
      )}
      {keys === 'pick' && (
        <>
          <kbd>Enter</kbd> or <kbd>Space</kbd> picks or unpicks · <kbd>Shift</kbd>+<kbd>Space</kbd>{' '}
          picks a range · <kbd>Esc</kbd> closes without adding
        </>
      )}
    </p>
  );
}
