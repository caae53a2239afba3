import { memo, useState } from 'react';
import type { TimelineItem } from '../../../src/shared/api.js';
import { Icon } from '../components/Icon.js';

export interface TileHandlers {
  /** A click on the photo: opens it, or toggles it while selecting. */
  onActivate: (item: TimelineItem, mods: { shift: boolean; toggle: boolean }) => void;
  /** A click on the check circle: always toggles selection. */
  onCheck: (item: TimelineItem, shift: boolean) => void;
}

export const Tile = memo(function Tile({
  item,
  x,
  width,
  height,
  selected,
  selecting,
  handlers,
}: {
  item: TimelineItem;
  x: number;
  width: number;
  height: number;
  selected: boolean;
  selecting: boolean;
  handlers: TileHandlers;
}) {
  const [loaded, setLoaded] = useState(false);
  const [failed, setFailed] = useState(false);
  const label = `Photo from ${item.takenAt.replace('T', ' ')}${item.favourite ? ', favourite' : ''}`;
  return (
    <div
      className={`tile${selected ? ' tile-selected' : ''}${selecting ? ' tile-selecting' : ''}`}
      style={{ transform: `translateX(${x}px)`, width, height }}
      data-photo-id={item.id}
    >
      <div
        className="tile-hit"
        role="button"
        tabIndex={0}
        aria-label={label}
        aria-pressed={selecting ? selected : undefined}
        onClick={(e) =>
          handlers.onActivate(item, { shift: e.shiftKey, toggle: e.ctrlKey || e.metaKey })
        }
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            handlers.onActivate(item, { shift: e.shiftKey, toggle: e.ctrlKey || e.metaKey });
          }
        }}
      >
        {item.thumbUrl && !failed ? (
          <img
            className={`tile-img${loaded ? ' tile-img-loaded' : ''}`}
            src={item.thumbUrl}
            alt=""
            decoding="async"
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
      </div>
      <button
        className="tile-check"
        aria-label={selected ? 'Deselect' : 'Select'}
        tabIndex={-1}
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
