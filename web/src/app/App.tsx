import { useEffect } from 'react';
import { onLibraryEvent } from '../api/events.js';
import { Sidebar } from '../components/Sidebar.js';
import { Toasts } from '../components/toasts.js';
import { ConnectionBanner } from '../components/ConnectionBanner.js';
import { AlbumPage } from '../pages/AlbumPage.js';
import { AlbumsPage } from '../pages/AlbumsPage.js';
import { FavouritesPage } from '../pages/FavouritesPage.js';
import { FoldersPage } from '../pages/FoldersPage.js';
import { PhotosPage } from '../pages/PhotosPage.js';
import { TrashPage } from '../pages/TrashPage.js';
import { DuplicatesPage } from '../search/DuplicatesPage.js';
import { MapPage } from '../search/MapPage.js';
import { SearchPage } from '../search/SearchPage.js';
import { EmptyState } from '../components/EmptyState.js';
import { Link } from '../components/Sidebar.js';
import { allStores } from '../timeline/store.js';
import { useRoute } from './router.js';

function Page({ path }: { path: string }) {
  if (path === '/') return <PhotosPage />;
  if (path === '/favourites') return <FavouritesPage />;
  if (path === '/albums') return <AlbumsPage />;
  const album = /^\/albums\/(\d+)$/.exec(path);
  if (album) return <AlbumPage key={album[1]} id={Number(album[1])} />;
  if (path === '/folders') return <FoldersPage />;
  if (path === '/trash') return <TrashPage />;
  if (path === '/search') return <SearchPage />;
  if (path === '/map') return <MapPage />;
  if (path === '/duplicates') return <DuplicatesPage />;
  return (
    <div className="page">
      <EmptyState
        icon="alert"
        title="Nothing here"
        action={<Link to="/">Back to your photos</Link>}
      >
        <p>This page does not exist.</p>
      </EmptyState>
    </div>
  );
}

export function App() {
  const route = useRoute();

  // Library changes refresh every grid: indexing makes thumbnails appear, edits in another window
  // or from the CLI show up, albums follow album changes.
  useEffect(
    () =>
      onLibraryEvent((e) => {
        // A scan inserts new photos (still without thumbnails) and reports them only in scan.done.
        if (e.type === 'photos.changed' || e.type === 'scan.done' || e.type === 'reconnected') {
          for (const s of allStores()) s.invalidate();
        } else if (e.type === 'albums.changed') {
          for (const s of allStores()) if (s.source.kind === 'album') s.invalidate();
        }
      }),
    [],
  );

  return (
    <div className="app">
      <Sidebar path={route.path} />
      <main className="main">
        <Page path={route.path} />
      </main>
      <Toasts />
      <ConnectionBanner />
    </div>
  );
}
