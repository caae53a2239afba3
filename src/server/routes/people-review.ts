import { peopleReviewRoutes as r } from '../../shared/routes/people-review.js';
import type { Api, ServerContext } from '../context.js';
import { route } from '../route.js';

/** Merge candidates by likeness, and "not this person" taken back. */
export function peopleReviewRoutes(app: Api, { picto }: ServerContext): void {
  const { people } = picto;

  route(app, r.listSimilarPeople, async (req) => ({
    people: people.similar(req.params.id, req.query.limit ?? 200).map((s) => ({
      person: people.pages.person(s.person),
      distance: s.distance,
      likeness: s.likeness,
    })),
  }));

  route(app, r.undoFaceRejection, async (req) => ({
    back: people.corrections.undoReject(req.params.id, req.body.personId),
  }));
}
