import { Changed, NumericIdParams } from '../../shared/api.js';
import {
  FaceIdParams,
  MergeBody,
  MoveFaceBody,
  Person,
  RejectFaceBody,
  SuggestionDecision,
  UpdatePersonBody,
} from '../../shared/people-api.js';
import type { Api, ServerContext } from '../context.js';
import { errors, errors409 } from './common.js';

/**
 * What people correct about people: names, hiding, covers, merges, suggestions accepted or
 * refused, a face moved, rejected or removed. Every verb goes through the people service's
 * corrections, so the API, the CLI and the tests obey the same constraints and every later
 * clustering pass keeps them.
 */
export function correctionRoutes(app: Api, { picto }: ServerContext): void {
  const tags = ['people'];
  const { people } = picto;
  const { corrections, pages } = people;

  app.patch(
    '/people/:id',
    {
      schema: {
        tags,
        summary: 'Name, hide or choose the cover face',
        description:
          'Acting on a person confirms the faces it shows: later clustering keeps them in it.',
        params: NumericIdParams,
        body: UpdatePersonBody,
        response: { 200: Person, ...errors },
      },
    },
    async (req) => {
      const { name, hidden, coverFaceId } = req.body;
      const id = people.get(req.params.id).id;
      if (name !== undefined) corrections.rename(id, name);
      if (hidden !== undefined) corrections.setHidden(id, hidden);
      if (coverFaceId !== undefined) corrections.setCover(id, coverFaceId);
      return pages.personById(id);
    },
  );

  app.post(
    '/people/:id/merge',
    {
      schema: {
        tags,
        summary: 'Merge people into this one',
        description:
          'Their faces join :id, which keeps its id (and name, else takes theirs); their ids become aliases.',
        params: NumericIdParams,
        body: MergeBody,
        response: { 200: Person, ...errors409 },
      },
    },
    async (req) => pages.personById(corrections.merge(req.body.ids, req.params.id).id),
  );

  for (const verdict of ['confirm', 'reject'] as const) {
    app.post(
      `/people/:id/suggestions/${verdict}`,
      {
        schema: {
          tags,
          summary:
            verdict === 'confirm'
              ? 'Yes, these are this person'
              : 'No, these are not this person (remembered)',
          params: NumericIdParams,
          body: SuggestionDecision,
          response: { 200: Changed, ...errors },
        },
      },
      async (req) => {
        const { personIds = [], faceIds = [] } = req.body;
        if (verdict === 'confirm')
          corrections.confirmSuggestions(req.params.id, personIds, faceIds);
        else corrections.rejectSuggestions(req.params.id, personIds, faceIds);
        return { changed: personIds.length + faceIds.length };
      },
    );
  }

  app.post(
    '/faces/:id/move',
    {
      schema: {
        tags,
        summary: 'Put a face in a person (or a new one by name)',
        description: 'The face is confirmed for that person and rejected for the one it left.',
        params: FaceIdParams,
        body: MoveFaceBody,
        response: { 200: Person, ...errors },
      },
    },
    async (req) => pages.personById(corrections.moveFace(req.params.id, req.body).id),
  );

  app.post(
    '/faces/:id/reject',
    {
      schema: {
        tags,
        summary: '"Not this person" (remembered)',
        params: FaceIdParams,
        body: RejectFaceBody,
        response: { 200: Changed, ...errors },
      },
    },
    async (req) => {
      corrections.rejectFace(req.params.id, req.body.personId);
      return { changed: 1 };
    },
  );

  for (const action of ['remove', 'restore'] as const) {
    app.post(
      `/faces/:id/${action}`,
      {
        schema: {
          tags,
          summary:
            action === 'remove'
              ? 'Not a face / do not group it'
              : 'Let clustering decide about a removed face again',
          params: FaceIdParams,
          response: { 200: Changed, ...errors },
        },
      },
      async (req) => {
        if (action === 'remove') corrections.removeFace(req.params.id);
        else corrections.restoreFace(req.params.id);
        return { changed: 1 };
      },
    );
  }
}
