import { useCallback } from 'react';
import type { PhotoDetails } from '../../../src/shared/api.js';
import type { UpdatePhotoBody } from '../../../src/shared/interchange-api.js';
import { api } from '../api/client.js';
import { toast, toastError } from '../components/toasts.js';
import { withNotes } from './NotesSections.js';

/**
 * Sets the shown photo's rating or description: shown at once, then replaced by what the server
 * kept; a refusal says why and reads the photo again so the panel never shows what was not saved.
 */
export function useNoteUpdates(
  id: string,
  setDetails: React.Dispatch<React.SetStateAction<PhotoDetails | null>>,
) {
  return useCallback(
    async (body: UpdatePhotoBody) => {
      setDetails((d) => (d ? withNotes(d, body) : d));
      try {
        setDetails(await api.updatePhoto(id, body));
        if (body.rating !== undefined) {
          toast(body.rating === null ? 'Rating cleared' : `Rated ${body.rating} of 5`);
        }
      } catch (err) {
        toastError(err);
        void api.photo(id).then(setDetails, () => undefined);
      }
    },
    [id, setDetails],
  );
}
