import { useState } from 'react';
import { api } from '../api/client.js';
import { Icon } from './Icon.js';
import { toast, toastError } from './toasts.js';

/** Type a folder path and add it: the server checks it and starts scanning at once. */
export function AddFolderForm({ onAdded, large }: { onAdded?: () => void; large?: boolean }) {
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!path.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const r = await api.addFolder(path.trim(), true);
      toast(
        r.created
          ? `Added ${r.folder.path}: looking for photos…`
          : `${r.folder.path} is already in your library`,
      );
      setPath('');
      onAdded?.();
    } catch (err) {
      setError((err as Error).message);
      if (!(err instanceof Error)) toastError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className={`add-folder${large ? ' add-folder-large' : ''}`} onSubmit={submit}>
      <div className="add-folder-row">
        <span className="add-folder-icon">
          <Icon name="folder" />
        </span>
        <input
          className="input"
          name="folder"
          placeholder="/home/you/Pictures"
          aria-label="Folder path"
          value={path}
          onChange={(e) => setPath(e.target.value)}
          spellCheck={false}
          autoComplete="off"
        />
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
  );
}
