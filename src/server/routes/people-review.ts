import { NumericIdParams } from '../../shared/api.js';
import { FaceIdParams } from '../../shared/people-api.js';
import {
  SimilarPeople,
  SimilarQuery,
  UndoRejectBody,
  UndoRejectResult,
} from '../../shared/people-review-api.js';
import type { Api, ServerContext } from '../context.js';
import { errors } from './common.js';

/** Merge candidates by likeness, and "not this person" taken back. */
export function peopleReviewRoutes(app: Api, { picto }: ServerContext): void {
  const tags = ['people'];
  const { people } = picto;

  app.get(
    '/people/:id/similar',
    {
      schema: {
        tags,
        summary: 'Every other person, likeliest to be this one first (merge candidates)',
        description:
          'Ranked by the average-linkage distance clustering uses; `likeness` reads it against the same ' +
          'threshold. Hidden people are included (they can be merged too).',
        params: NumericIdParams,
        querystring: SimilarQuery,
        response: { 200: SimilarPeople, ...errors },
      },
    },
    async (req) => ({
      people: people.similar(req.params.id, req.query.limit ?? 200).map((s) => ({
        person: people.pages.person(s.person),
        distance: s.distance,
        likeness: s.likeness,
      })),
    }),
  );

  app.post(
    '/faces/:id/reject/undo',
    {
      schema: {
        tags,
        summary: 'Take back a "not this person"',
        description:
          'Removes the rejection; a face that was in the person and is in no one now goes back, confirmed ' +
          'only if it was confirmed before. Nothing else the rejection did is undone.',
        params: FaceIdParams,
        body: UndoRejectBody,
        response: { 200: UndoRejectResult, ...errors },
      },
    },
    async (req) => ({ back: people.corrections.undoReject(req.params.id, req.body.personId) }),
  );
}
