import { lazy, Suspense, useEffect, type ComponentType } from 'react';
import { onLibraryEvent } from '../api/events.js';
import { Sidebar } from '../components/Sidebar.js';
import { Toasts } from '../components/toasts.js';
import { ConnectionBanner } from '../components/ConnectionBanner.js';
import { PhotosPage } from '../pages/PhotosPage.js';
import { EmptyState } from '../components/EmptyState.js';
import { Link } from '../components/Sidebar.js';
import { TileKeysHint } from '../timeline/Tile.js';
import { allStores } from '../timeline/store.js';
import { useRoute } from './router.js';

/**
 * Pages other than Photos load on first visit: the first screen (the timeline) then parses only
 * its own code, not the map's basemap or the duplicates review.
 */
function lazyPage<P extends object>(
  load: () => Promise<Record<string, unknown>>,
  name: string,
): ComponentType<P> {
  return lazy(() => load().then((m) => ({ default: m[name] as ComponentType<P> })));
}

const FavouritesPage = lazyPage(() => import('../pages/FavouritesPage.js'), 'FavouritesPage');
const AlbumsPage = lazyPage(() => import('../pages/AlbumsPage.js'), 'AlbumsPage');
const AlbumPage = lazyPage<{ id: number }>(() => import('../pages/AlbumPage.js'), 'AlbumPage');
const FoldersPage = lazyPage(() => import('../pages/FoldersPage.js'), 'FoldersPage');
const TrashPage = lazyPage(() => import('../pages/TrashPage.js'), 'TrashPage');
const SearchPage = lazyPage(() => import('../search/SearchPage.js'), 'SearchPage');
const ThingsPage = lazyPage(() => import('../search/ThingsPage.js'), 'ThingsPage');
const MapPage = lazyPage(() => import('../search/MapPage.js'), 'MapPage');
const DuplicatesPage = lazyPage(() => import('../search/DuplicatesPage.js'), 'DuplicatesPage');
const ReviewPage = lazyPage(() => import('../categories/ReviewPage.js'), 'ReviewPage');
const PeoplePage = lazyPage(() => import('../people/PeoplePage.js'), 'PeoplePage');
const PersonPage = lazyPage<{ id: number }>(() => import('../people/PersonPage.js'), 'PersonPage');

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
  if (path === '/things') return <ThingsPage />;
  if (path === '/duplicates') return <DuplicatesPage />;
  if (path === '/review') return <ReviewPage />;
  if (path === '/people') return <PeoplePage />;
  const person = /^\/people\/(\d+)$/.exec(path);
  if (person) return <PersonPage key={person[1]} id={Number(person[1])} />;
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

/** The skip link lands on the first photo of the page's grid, else at the start of the page. */
function skipToContent(e: React.MouseEvent): void {
  e.preventDefault();
  const main = document.getElementById('main');
  const first = main?.querySelector<HTMLElement>(
    '.tile-hit, .person-card, .album-card, .thing-card',
  );
  (first ?? main)?.focus();
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
      <a className="skip-link" href="#main" onClick={skipToContent}>
        Skip to main content
      </a>
      <Sidebar path={route.path} />
      <main className="main" id="main" tabIndex={-1}>
        <Suspense fallback={<div className="page" aria-busy="true" />}>
          <Page path={route.path} />
        </Suspense>
        <TileKeysHint keys="browse" />
        <TileKeysHint keys="select" />
      </main>
      <Toasts />
      <ConnectionBanner />
    </div>
  );
}
