import { fullDate, mediumDate, timeOf } from '../app/format.js';
import { downloadUrl } from '../api/client.js';
import { Icon } from '../components/Icon.js';
import { Menu, type MenuItem } from '../components/Menu.js';

export interface ViewerActions {
  onClose: () => void;
  onZoomIn: () => void;
  onTogglePlay: () => void;
  onRestore: () => void;
  onFavourite: () => void;
  onTrash: () => void;
  onToggleInfo: () => void;
  onToggleFaces: () => void;
  /** Set when the photo is shown from an album. */
  album: { name: string; onCover: () => void; onRemove: () => void } | null;
}

function download(id: string): void {
  const a = document.createElement('a');
  a.href = downloadUrl(id);
  a.download = '';
  a.click();
}

/**
 * The viewer's top bar: back, date, and the actions (each with its keyboard key in the title).
 * On a phone the date is short and on one line, and the less used actions move into "More".
 */
export function ViewerBar({
  id,
  taken,
  inTrash,
  favourite,
  playing,
  info,
  faces,
  actions: a,
}: {
  id: string;
  taken: string | null;
  inTrash: boolean;
  favourite: boolean;
  playing: boolean;
  info: boolean;
  /** Unnamed faces in the photo, and whether their boxes show. */
  faces: { unnamed: number; showAll: boolean };
  actions: ViewerActions;
}) {
  const more: MenuItem[] = [
    { label: 'Zoom in', icon: 'zoomIn', run: a.onZoomIn, narrowOnly: true },
    {
      label: playing ? 'Pause slideshow' : 'Slideshow',
      icon: playing ? 'pause' : 'play',
      run: a.onTogglePlay,
      narrowOnly: true,
    },
  ];
  if (faces.unnamed > 0) {
    more.push({
      label: 'Show unnamed faces',
      icon: 'people',
      run: a.onToggleFaces,
      checked: faces.showAll,
      narrowOnly: true,
    });
  }
  if (!inTrash) {
    more.push({ label: 'Download original', icon: 'download', run: () => download(id) });
    more[more.length - 1].narrowOnly = true;
  }
  if (a.album && !inTrash) {
    more.push(
      { label: `Use as cover of ${a.album.name}`, icon: 'image', run: a.album.onCover },
      { label: `Remove from ${a.album.name}`, icon: 'close', run: a.album.onRemove },
    );
  }
  return (
    <header className="viewer-bar">
      <button
        className="viewer-btn"
        onClick={a.onClose}
        aria-label="Close viewer"
        title="Close (Esc)"
      >
        <Icon name="back" />
      </button>
      <h2 className="viewer-title">
        {taken && (
          <>
            <span className="viewer-date viewer-date-long">{fullDate(taken)}</span>
            <span className="viewer-date viewer-date-short">{mediumDate(taken)}</span>
            <span className="viewer-time">{timeOf(taken)}</span>
          </>
        )}
      </h2>
      <div className="viewer-actions">
        <button
          className="viewer-btn viewer-wide"
          onClick={a.onZoomIn}
          aria-label="Zoom in"
          title="Zoom in (+)"
        >
          <Icon name="zoomIn" />
        </button>
        <button
          className="viewer-btn viewer-wide"
          onClick={a.onTogglePlay}
          aria-label={playing ? 'Pause slideshow' : 'Start slideshow'}
          title={playing ? 'Pause slideshow (Space)' : 'Slideshow (Space)'}
        >
          <Icon name={playing ? 'pause' : 'play'} />
        </button>
        {faces.unnamed > 0 && (
          <button
            className={`viewer-btn viewer-wide${faces.showAll ? ' viewer-on' : ''}`}
            onClick={a.onToggleFaces}
            aria-label="Show unnamed faces"
            aria-pressed={faces.showAll}
            title="Show unnamed faces (P)"
          >
            <Icon name="people" />
          </button>
        )}
        {inTrash ? (
          <button className="viewer-btn" onClick={a.onRestore} aria-label="Restore" title="Restore">
            <Icon name="restore" />
          </button>
        ) : (
          <>
            <button
              className={`viewer-btn${favourite ? ' viewer-fav' : ''}`}
              onClick={a.onFavourite}
              aria-label={favourite ? 'Remove from favourites' : 'Add to favourites'}
              aria-pressed={favourite}
              title="Favourite (F)"
            >
              <Icon name="heart" filled={favourite} />
            </button>
            <a
              className="viewer-btn viewer-wide"
              href={downloadUrl(id)}
              aria-label="Download original"
              title="Download original"
              download
            >
              <Icon name="download" />
            </a>
            <button
              className="viewer-btn"
              onClick={a.onTrash}
              aria-label="Move to trash"
              title="Move to trash (Del)"
            >
              <Icon name="trash" />
            </button>
          </>
        )}
        <button
          className={`viewer-btn${info ? ' viewer-on' : ''}`}
          onClick={a.onToggleInfo}
          aria-label="Info"
          aria-pressed={info}
          title="Info (I)"
        >
          <Icon name="info" />
        </button>
        <Menu label="More options" items={more} buttonClass="viewer-btn" className="viewer-menu" />
      </div>
    </header>
  );
}
