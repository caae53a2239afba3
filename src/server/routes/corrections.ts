import { correctionRoutes as r } from '../../shared/routes/corrections.js';
import type { Api, ServerContext } from '../context.js';
import { route } from '../route.js';

/**
 * What people correct about people: names, hiding, covers, merges, suggestions accepted or
 * refused, a face moved, rejected or removed. Every verb goes through the people service's
 * corrections, so the API, the CLI and the tests obey the same constraints and every later
 * clustering pass keeps them.
 */
export function correctionRoutes(app: Api, { picto }: ServerContext): void {
  const { people } = picto;
  const { corrections, pages } = people;

  route(app, r.updatePerson, async (req) => {
    const { name, hidden, coverFaceId } = req.body;
    const id = people.get(req.params.id).id;
    if (name !== undefined) corrections.rename(id, name);
    if (hidden !== undefined) corrections.setHidden(id, hidden);
    if (coverFaceId !== undefined) corrections.setCover(id, coverFaceId);
    return pages.personById(id);
  });

  route(app, r.mergePeople, async (req) =>
    pages.personById(corrections.merge(req.body.ids, req.params.id).id),
  );

  route(app, r.confirmSuggestions, async (req) => {
    const { personIds = [], faceIds = [] } = req.body;
    corrections.confirmSuggestions(req.params.id, personIds, faceIds);
    return { changed: personIds.length + faceIds.length };
  });

  route(app, r.rejectSuggestions, async (req) => {
    const { personIds = [], faceIds = [] } = req.body;
    corrections.rejectSuggestions(req.params.id, personIds, faceIds);
    return { changed: personIds.length + faceIds.length };
  });

  route(app, r.moveFace, async (req) =>
    pages.personById(corrections.moveFace(req.params.id, req.body).id),
  );

  route(app, r.rejectFace, async (req) => {
    corrections.rejectFace(req.params.id, req.body.personId);
    return { changed: 1 };
  });

  route(app, r.removeFace, async (req) => {
    corrections.removeFace(req.params.id);
    return { changed: 1 };
  });

  route(app, r.restoreFace, async (req) => {
    corrections.restoreFace(req.params.id);
    return { changed: 1 };
  });
}
