import { peopleRoutes as r } from '../../shared/routes/people.js';
import type { Api, ServerContext } from '../context.js';
import { route } from '../route.js';

/**
 * People and person pages: the list, one person, their photos as a timeline, their faces and the
 * suggestions of who else may be them. Corrections are in corrections.ts, faces in a photo and
 * face crops in faces.ts, find-by-face in find-by-face.ts.
 */
export function peopleRoutes(app: Api, { picto }: ServerContext): void {
  const { people } = picto;
  const { pages } = people;

  route(app, r.listPeople, async (req) => ({
    people: people.list({ includeHidden: req.query.hidden }).map((p) => pages.person(p)),
  }));

  route(app, r.getPeopleStatus, async () => people.status());

  route(app, r.reclusterPeople, async () => people.recluster());

  route(app, r.getPerson, async (req) => pages.personById(req.params.id));

  route(app, r.listPersonPhotos, async (req) => pages.photos(req.params.id, req.query));

  route(app, r.getPersonBuckets, async (req) => pages.buckets(req.params.id));

  route(app, r.listPersonFaces, async (req) => ({
    faces: people
      .faces(req.params.id, req.query.limit ?? 100, req.query.offset ?? 0)
      .map((f) => pages.face(f)),
  }));

  route(app, r.listPersonSuggestions, async (req) => ({
    suggestions: pages.suggestions(req.params.id, req.query.limit ?? 50),
  }));
}
