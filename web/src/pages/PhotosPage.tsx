import { useEffect, useState } from 'react';
import { api } from '../api/client.js';
import { onLibraryEvent } from '../api/events.js';
import { AddFolderForm } from '../components/AddFolderForm.js';
import { EmptyState } from '../components/EmptyState.js';
import { Link } from '../components/Sidebar.js';
import { allPhotos } from '../timeline/source.js';
import { AddToAlbumAction, FavouriteAction, TrashAction } from './actions.js';
import { GalleryPage } from './GalleryPage.js';
import { Memories } from '../search/Memories.js';

/** What to say when the timeline is empty depends on whether folders exist and are scanning. */
function PhotosEmpty() {
  const [folders, setFolders] = useState<{ count: number; scanning: boolean } | null>(null);
  useEffect(() => {
    const load = () =>
      api.folders().then(
        (r) =>
          setFolders({
            count: r.folders.length,
            scanning: r.folders.some((f) => f.scanning || f.pending > 0),
          }),
        () => undefined,
      );
    void load();
    return onLibraryEvent((e) => {
      if (e.type === 'folders.changed' || e.type === 'scan.done') void load();
    });
  }, []);
  if (!folders) return null;
  if (folders.count === 0) {
    return (
      <EmptyState icon="photos" title="Add a folder to start" action={<AddFolderForm large />}>
        <p>
          Type the path of a folder with photos, like your Pictures folder, or browse to it. Picto
          finds every photo inside it, including subfolders.
        </p>
        <p className="muted">Your files stay where they are: Picto never moves or changes them.</p>
      </EmptyState>
    );
  }
  if (folders.scanning) {
    return (
      <EmptyState icon="folder" title="Looking for photos…">
        <p>
          Photos appear here as soon as they are found. Follow the progress on the{' '}
          <Link to="/folders">Folders</Link> page.
        </p>
      </EmptyState>
    );
  }
  return (
    <EmptyState icon="folder" title="No photos in your folders yet">
      <p>
        Picto looked but found no photos. Check the paths on the <Link to="/folders">Folders</Link>{' '}
        page or add another folder.
      </p>
    </EmptyState>
  );
}

export function PhotosPage() {
  return (
    <GalleryPage
      source={allPhotos}
      title="Photos"
      heading="Photos"
      header={<Memories />}
      empty={<PhotosEmpty />}
      selectionActions={(ctx) => (
        <>
          <AddToAlbumAction {...ctx} />
          <FavouriteAction {...ctx} />
          <TrashAction {...ctx} />
        </>
      )}
    />
  );
}
