import { EmptyState } from '../components/EmptyState.js';
import { favourites } from '../timeline/source.js';
import { AddToAlbumAction, FavouriteAction, TrashAction } from './actions.js';
import { GalleryPage } from './GalleryPage.js';

export function FavouritesPage() {
  return (
    <GalleryPage
      source={favourites}
      title="Favourites"
      heading="Favourites"
      empty={
        <EmptyState icon="heart" title="No favourites yet">
          <p>Open a photo and press F, or tap the heart, to keep your best shots here.</p>
        </EmptyState>
      }
      selectionActions={(ctx) => (
        <>
          <AddToAlbumAction {...ctx} />
          <FavouriteAction {...ctx} on={false} />
          <TrashAction {...ctx} />
        </>
      )}
    />
  );
}
