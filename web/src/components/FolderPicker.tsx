import { useEffect, useState } from 'react';
import type { DirListing } from '../../../src/shared/fs-api.js';
import { api, RequestError } from '../api/client.js';
import { Dialog } from './Dialog.js';
import { Icon } from './Icon.js';
import { errorMessage } from './toasts.js';

/**
 * "Browse…" in the Add-folder form: walks this computer's folders (names only, from the server)
 * and gives back the one chosen. The server answers only the computer Picto runs on; anywhere
 * else the dialog says to type the path.
 */
export function FolderPicker({
  start,
  onPick,
  onClose,
}: {
  /** Where to open: the path typed so far when it is absolute, else the home folder. */
  start?: string;
  onPick: (path: string) => void;
  onClose: () => void;
}) {
  const [listing, setListing] = useState<DirListing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [remote, setRemote] = useState(false);

  const open = (path?: string) => {
    setError(null);
    api.dirs(path).then(setListing, (err) => {
      if (err instanceof RequestError && err.status === 403) setRemote(true);
      // A typed path that is not there opens the home folder instead of a dead end.
      else if (path && path === start && !listing) open();
      else setError(errorMessage(err));
    });
  };
  useEffect(() => {
    open(start && /^(\/|~)/.test(start) ? start : undefined);
  }, []);

  return (
    <Dialog
      title="Choose a folder"
      wide
      className="folder-picker"
      onClose={onClose}
      confirm={{
        label: 'Add this folder',
        disabled: !listing || remote,
        onConfirm: () => listing && onPick(listing.path),
      }}
    >
      {remote ? (
        <p className="dialog-text">
          Folders can be browsed only on the computer running Picto. Type the folder’s path instead.
        </p>
      ) : (
        <>
          {listing && listing.places.length > 1 && (
            <div className="chips folder-places" aria-label="Places">
              {listing.places.map((p) => (
                <button
                  key={p.path}
                  className="chip"
                  aria-current={p.path === listing.path ? 'location' : undefined}
                  onClick={() => open(p.path)}
                >
                  {p.name}
                </button>
              ))}
            </div>
          )}
          <div className="folder-here">
            <button
              className="icon-button"
              aria-label="Up one folder"
              title="Up one folder"
              disabled={!listing?.parent}
              onClick={() => listing?.parent && open(listing.parent)}
            >
              <Icon name="back" />
            </button>
            <p className="folder-here-path" aria-live="polite">
              {listing?.path ?? 'Loading…'}
            </p>
          </div>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <ul className="folder-dirs" aria-label="Folders in it" aria-busy={!listing}>
            {listing?.dirs.length === 0 && <li className="muted">No folders in here.</li>}
            {listing?.dirs.map((d) => (
              <li key={d.path}>
                <button className="folder-dir" onClick={() => open(d.path)}>
                  <Icon name="folder" />
                  <span className="folder-dir-name">{d.name}</span>
                  {d.library && <span className="folder-dir-badge">in your library</span>}
                  <Icon name="right" size={18} className="folder-dir-go" />
                </button>
              </li>
            ))}
            {listing?.truncated && (
              <li className="muted">Only the first 2,000 folders are shown: type the path.</li>
            )}
          </ul>
        </>
      )}
    </Dialog>
  );
}
