import type { PhotoDetails } from '../../../src/shared/api.js';
import { bytes, exposureTime } from '../app/format.js';
import { navigate } from '../app/router.js';
import { InfoCategories } from '../categories/InfoCategories.js';
import { Icon } from '../components/Icon.js';
import { DateInfo, PlaceInfo } from './InfoEdits.js';
import { Section } from './InfoSection.js';

export function InfoPanel({
  photo,
  onClose,
  onEdited,
}: {
  photo: PhotoDetails | null;
  onClose: () => void;
  /** A date or place was changed here: read the photo again. */
  onEdited: () => void;
}) {
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
          <DateInfo photo={photo} onEdited={onEdited} />

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

          <PlaceInfo photo={photo} onEdited={onEdited} />

          {(photo.things.length > 0 || photo.faces > 0) && (
            <Section icon="sparkle" title="In this photo">
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

          <InfoCategories
            photoId={photo.id}
            categories={photo.categories}
            removed={photo.removedCategories}
          />

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
