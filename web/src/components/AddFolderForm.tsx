import { useRef, useState } from 'react';
import { api } from '../api/client.js';
import { FolderPicker } from './FolderPicker.js';
import { Icon } from './Icon.js';
import { toast, toastError } from './toasts.js';

/**
 * Type a folder path (or browse to it) and add it: the server checks it and starts scanning at
 * once.
 */
export function AddFolderForm({ onAdded, large }: { onAdded?: () => void; large?: boolean }) {
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [browsing, setBrowsing] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const add = async (chosen: string) => {
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      const r = await api.addFolder(chosen, true);
      toast(
        r.created
          ? `Added ${r.folder.path}: looking for photos…`
          : `${r.folder.path} is already in your library`,
      );
      setPath('');
      onAdded?.();
    } catch (err) {
      setError((err as Error).message);
      input.current?.focus();
      if (!(err instanceof Error)) toastError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <form
        className={`add-folder${large ? ' add-folder-large' : ''}`}
        onSubmit={(e) => {
          e.preventDefault();
          void add(path.trim());
        }}
      >
        <div className="add-folder-row">
          <span className="add-folder-icon">
            <Icon name="folder" />
          </span>
          <input
            ref={input}
            className="input"
            name="folder"
            placeholder="/home/you/Pictures"
            aria-label="Folder path"
            value={path}
            onChange={(e) => setPath(e.target.value)}
            spellCheck={false}
            autoComplete="off"
          />
          <button type="button" className="button" onClick={() => setBrowsing(true)}>
            Browse…
          </button>
          <button className="button button-primary" disabled={busy || !path.trim()}>
            {busy ? 'Adding…' : 'Add folder'}
          </button>
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </form>
      {browsing && (
        <FolderPicker
          start={path.trim() || undefined}
          onClose={() => setBrowsing(false)}
          onPick={(p) => {
            setBrowsing(false);
            setPath(p);
            void add(p);
          }}
        />
      )}
    </>
  );
}
