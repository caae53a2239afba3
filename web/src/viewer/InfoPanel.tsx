import type { PhotoDetails } from '../../../src/shared/api.js';
import {
  bytes,
  codecName,
  duration,
  exposureTime,
  fpsLabel,
  fullDate,
  offsetLabel,
  timeOf,
} from '../app/format.js';
import { navigate } from '../app/router.js';
import { Icon, type IconName } from '../components/Icon.js';

const SOURCES: Record<string, string> = {
  exif: 'from the camera',
  xmp: 'from XMP metadata',
  quicktime: 'from the video metadata',
  filename: 'from the file name',
  'file-mtime': 'from the file date (no capture date in the file)',
};

function Section({
  icon,
  title,
  children,
}: {
  icon: IconName;
  title: string;
  children: React.ReactNode;
}) {
  return (
    <section className="info-section">
      <Icon name={icon} size={20} className="info-icon" />
      <div className="info-body">
        <h3 className="info-heading">{title}</h3>
        {children}
      </div>
    </section>
  );
}

/** Whether the browser plays the original, or the state of its transcode. */
function playback(v: NonNullable<PhotoDetails['video']>): string {
  if (v.playable) return 'Plays in the browser as it is';
  switch (v.transcode) {
    case 'done':
      return 'Converted to H.264 for the browser';
    case 'failed':
      return 'Could not be converted for the browser';
    case 'running':
      return `Being converted for the browser${v.progress ? ` · ${Math.round(v.progress * 100)} %` : '…'}`;
    default:
      return 'Waiting to be converted for the browser';
  }
}

/**
 * A video's length, size, frame rate and codec, its file and whether it plays as it is; a Live
 * Photo's motion (its still has the Image section).
 */
function VideoSection({ photo }: { photo: PhotoDetails }) {
  const v = photo.video;
  if (!v) return null;
  const live = photo.kind === 'live';
  const main = [
    live ? 'Motion' : null,
    photo.durationMs !== undefined ? duration(photo.durationMs) : null,
    !live && photo.width && photo.height ? `${photo.width} × ${photo.height}` : null,
    v.fps > 0 ? fpsLabel(v.fps) : null,
  ].filter(Boolean);
  return (
    <Section icon={live ? 'live' : 'video'} title={live ? 'Live Photo' : 'Video'}>
      <p className="info-main">{main.join(' · ')}</p>
      <p className="info-sub">
        {codecName(v.codec)}
        {!live && ` · ${bytes(photo.size)}`}
        {!live && photo.format ? ` · ${photo.format.toUpperCase()}` : ''}
      </p>
      <p className="info-sub">{playback(v)}</p>
    </Section>
  );
}

function coord(v: number, pos: string, neg: string): string {
  return `${Math.abs(v).toFixed(5)}° ${v >= 0 ? pos : neg}`;
}

export function InfoPanel({ photo, onClose }: { photo: PhotoDetails | null; onClose: () => void }) {
  return (
    <aside className="info" aria-label="Photo details">
      <header className="info-head">
        <h2>Info</h2>
        <button className="icon-button" onClick={onClose} aria-label="Close info" title="Close (I)">
          <Icon name="close" />
        </button>
      </header>
      {!photo ? (
        <div className="info-loading" aria-busy="true" />
      ) : (
        <div className="info-scroll">
          <Section icon="calendar" title="Date">
            <p className="info-main">{fullDate(photo.takenAt ?? photo.sortAt)}</p>
            <p className="info-sub">
              {timeOf(photo.takenAt ?? photo.sortAt)}
              {photo.takenAt && photo.takenAtSource !== 'file-mtime' && offsetLabel(photo.takenAt)
                ? ` · ${offsetLabel(photo.takenAt)}`
                : ''}
              {' · '}
              {SOURCES[photo.takenAtSource ?? 'file-mtime'] ?? photo.takenAtSource}
            </p>
          </Section>

          {(photo.camera.make || photo.camera.model || photo.exposure.fNumber) && (
            <Section icon="camera" title="Camera">
              <p className="info-main">
                {[photo.camera.make, photo.camera.model]
                  .filter(Boolean)
                  .join(' ')
                  .replace(/^(\w+) \1 /i, '$1 ') || 'Unknown camera'}
              </p>
              {photo.camera.lens && <p className="info-sub">{photo.camera.lens}</p>}
              <p className="info-sub info-exposure">
                {photo.exposure.fNumber !== null && <span>ƒ/{photo.exposure.fNumber}</span>}
                {photo.exposure.exposureTime !== null && (
                  <span>{exposureTime(photo.exposure.exposureTime)}</span>
                )}
                {photo.exposure.iso !== null && <span>ISO {photo.exposure.iso}</span>}
                {photo.exposure.focalLength !== null && (
                  <span>{Math.round(photo.exposure.focalLength)} mm</span>
                )}
              </p>
            </Section>
          )}

          <VideoSection photo={photo} />

          {photo.kind !== 'video' && (
            <Section icon="image" title="Image">
              <p className="info-main">
                {photo.width && photo.height
                  ? `${photo.width} × ${photo.height}`
                  : 'Size not known yet'}
                {photo.width && photo.height
                  ? ` · ${((photo.width * photo.height) / 1e6).toFixed(1)} MP`
                  : ''}
              </p>
              <p className="info-sub">
                {bytes(photo.size)}
                {photo.format ? ` · ${photo.format.toUpperCase()}` : ''}
              </p>
            </Section>
          )}

          {photo.gps && (
            <Section icon="pin" title="Place">
              {photo.place && (
                <p className="info-main">
                  {[photo.place.city, photo.place.region, photo.place.country]
                    .filter((x, i, all) => x && all.indexOf(x) === i)
                    .join(', ')}
                </p>
              )}
              <p className={photo.place ? 'info-sub' : 'info-main'}>
                {coord(photo.gps.lat, 'N', 'S')}, {coord(photo.gps.lon, 'E', 'W')}
              </p>
              {photo.gps.alt !== null && (
                <p className="info-sub">{Math.round(photo.gps.alt)} m altitude</p>
              )}
            </Section>
          )}

          {(photo.things.length > 0 || photo.faces > 0) && (
            <Section
              icon="sparkle"
              title={photo.kind === 'video' ? 'In this video' : 'In this photo'}
            >
              <div className="chips">
                {photo.faces > 0 && (
                  <span className="chip chip-static">
                    {photo.faces === 1 ? '1 face' : `${photo.faces} faces`}
                  </span>
                )}
                {photo.things.map((t) => (
                  <span key={t} className="chip chip-static">
                    {t}
                  </span>
                ))}
              </div>
            </Section>
          )}

          <Section
            icon="file"
            title={
              photo.files.length > 1 ? `${photo.files.length} files (identical copies)` : 'File'
            }
          >
            {photo.files.map((f) => (
              <p key={f.path} className="info-path" title={f.path}>
                {f.path}
              </p>
            ))}
          </Section>

          {photo.albums.length > 0 && (
            <Section icon="album" title="Albums">
              <div className="chips">
                {photo.albums.map((a) => (
                  <button key={a.id} className="chip" onClick={() => navigate(`/albums/${a.id}`)}>
                    {a.name}
                  </button>
                ))}
              </div>
            </Section>
          )}

          {(photo.status !== 'ready' ||
            photo.warnings.length > 0 ||
            photo.stages.some((s) => s.error)) && (
            <Section icon="alert" title="Indexing">
              {photo.status === 'pending' && (
                <p className="info-sub">Waiting for thumbnails and metadata…</p>
              )}
              {photo.error && <p className="info-error">{photo.error}</p>}
              {photo.stages
                .filter((s) => s.error && s.stage !== 'media')
                .map((s) => (
                  <p key={s.stage} className="info-error">
                    {s.stage}: {s.error}
                  </p>
                ))}
              {photo.warnings.map((w) => (
                <p key={w} className="info-sub">
                  {w}
                </p>
              ))}
            </Section>
          )}
        </div>
      )}
    </aside>
  );
}
