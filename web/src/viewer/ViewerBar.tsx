import { fullDate, timeOf } from '../app/format.js';
import { Icon } from '../components/Icon.js';

/** The viewer's top bar: back, date, and the actions (each with its keyboard key in the title). */
export function ViewerBar({
  id,
  taken,
  inTrash,
  favourite,
  playing,
  info,
  onClose,
  onZoomIn,
  onTogglePlay,
  onRestore,
  onFavourite,
  onTrash,
  onToggleInfo,
}: {
  id: string;
  taken: string | null;
  inTrash: boolean;
  favourite: boolean;
  playing: boolean;
  info: boolean;
  onClose: () => void;
  onZoomIn: () => void;
  onTogglePlay: () => void;
  onRestore: () => void;
  onFavourite: () => void;
  onTrash: () => void;
  onToggleInfo: () => void;
}) {
  return (
    <header className="viewer-bar">
      <button
        className="viewer-btn"
        onClick={onClose}
        aria-label="Close viewer"
        title="Close (Esc)"
      >
        <Icon name="back" />
      </button>
      <div className="viewer-title">
        {taken && (
          <>
            <span className="viewer-date">{fullDate(taken)}</span>
            <span className="viewer-time">{timeOf(taken)}</span>
          </>
        )}
      </div>
      <div className="viewer-actions">
        <button className="viewer-btn" onClick={onZoomIn} aria-label="Zoom in" title="Zoom in (+)">
          <Icon name="zoomIn" />
        </button>
        <button
          className="viewer-btn"
          onClick={onTogglePlay}
          aria-label={playing ? 'Pause slideshow' : 'Start slideshow'}
          title={playing ? 'Pause slideshow (Space)' : 'Slideshow (Space)'}
        >
          <Icon name={playing ? 'pause' : 'play'} />
        </button>
        {inTrash ? (
          <button className="viewer-btn" onClick={onRestore} aria-label="Restore" title="Restore">
            <Icon name="restore" />
          </button>
        ) : (
          <>
            <button
              className={`viewer-btn${favourite ? ' viewer-fav' : ''}`}
              onClick={onFavourite}
              aria-label={favourite ? 'Remove from favourites' : 'Add to favourites'}
              aria-pressed={favourite}
              title="Favourite (F)"
            >
              <Icon name="heart" filled={favourite} />
            </button>
            <a
              className="viewer-btn"
              href={`/api/photos/${id}/original?download=true`}
              aria-label="Download original"
              title="Download original"
              download
            >
              <Icon name="download" />
            </a>
            <button
              className="viewer-btn"
              onClick={onTrash}
              aria-label="Move to trash"
              title="Move to trash (Del)"
            >
              <Icon name="trash" />
            </button>
          </>
        )}
        <button
          className={`viewer-btn${info ? ' viewer-on' : ''}`}
          onClick={onToggleInfo}
          aria-label="Info"
          aria-pressed={info}
          title="Info (I)"
        >
          <Icon name="info" />
        </button>
      </div>
    </header>
  );
}
