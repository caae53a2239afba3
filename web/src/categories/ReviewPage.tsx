import { plural } from '../app/format.js';
import { useRoute } from '../app/router.js';
import { ActionButton } from '../components/ActionButton.js';
import { EmptyState } from '../components/EmptyState.js';
import { Link } from '../components/Sidebar.js';
import { toast, toastError } from '../components/toasts.js';
import { TrashAction } from '../pages/actions.js';
import { GalleryPage, type SelectionContext } from '../pages/GalleryPage.js';
import type { Source } from '../timeline/source.js';
import { categoriesApi, categorySource } from './api.js';
import './categories.css';

/** What the Review page offers to clean up: the categories people most often delete in bulk. */
const KINDS = [
  { name: 'screenshot', label: 'Screenshots', one: 'screenshot' },
  { name: 'document', label: 'Documents', one: 'document' },
] as const;
type Kind = (typeof KINDS)[number];

/** Every photo id of a listing, page by page (the API takes at most 10 000 ids at once). */
async function allIds(source: Source): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await source.page({ limit: 1000, ...(cursor ? { cursor } : {}) });
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor;
  } while (cursor && ids.length < 10_000);
  return ids.slice(0, 10_000);
}

/** "Not a screenshot": takes the selected photos out of the category (kept until undone). */
function NotInCategoryAction({ ids, store, done, kind }: SelectionContext & { kind: Kind }) {
  return (
    <ActionButton
      icon="close"
      label={`Not ${kind.one === 'screenshot' ? 'screenshots' : 'documents'}`}
      onClick={async () => {
        try {
          await categoriesApi.remove(kind.name, ids);
          store.remove(ids);
          done();
          toast(`Marked ${plural(ids.length, 'photo')} as not ${kind.one}s`, {
            action: {
              label: 'Undo',
              run: () =>
                void categoriesApi
                  .restore(kind.name, ids)
                  .then(() => store.invalidate(), toastError),
            },
          });
        } catch (err) {
          toastError(err);
        }
      }}
    />
  );
}

/**
 * Review: screenshots and documents, the photos people most often clear out. Select many (a
 * day's check circle, Shift for ranges, "Select all") and move them to the trash at once, or
 * take the ones that were misread out of the category. Like the Duplicates page, nothing is
 * deleted here: the trash keeps them until it is emptied.
 */
export function ReviewPage() {
  const route = useRoute();
  const kind = KINDS.find((k) => k.name === route.query.get('kind')) ?? KINDS[0];
  const source = categorySource(kind.name);
  return (
    <GalleryPage
      key={kind.name}
      source={source}
      title="Review"
      heading={`Review: ${kind.label}`}
      header={
        <>
          <nav className="review-tabs" aria-label="What to review">
            {KINDS.map((k) => (
              <Link
                key={k.name}
                to={`/review?kind=${k.name}`}
                className="button review-tab"
                current={k.name === kind.name}
              >
                {k.label}
              </Link>
            ))}
          </nav>
          <p className="review-note">
            Select the {kind.label.toLowerCase()} you no longer need and move them to the trash:
            nothing is deleted until you empty it. A photo that is not one can be taken out of the
            list.
          </p>
        </>
      }
      empty={
        <EmptyState icon="check" title={`No ${kind.label.toLowerCase()}`}>
          <p>
            {kind.name === 'screenshot'
              ? 'Picto finds screenshots as it indexes: PNGs at screen sizes, flat areas, no camera.'
              : 'Picto finds photographed and scanned pages and receipts as it indexes (with AI on for the folder).'}
          </p>
        </EmptyState>
      }
      selectAll={() => allIds(source)}
      selectionActions={(ctx) => (
        <>
          <NotInCategoryAction {...ctx} kind={kind} />
          <TrashAction {...ctx} />
        </>
      )}
    />
  );
}
