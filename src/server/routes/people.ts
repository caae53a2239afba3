import { Type } from '@sinclair/typebox';
import { Buckets, NumericIdParams, TimelinePage, TimelineQuery } from '../../shared/api.js';
import {
  FaceList,
  PagingQuery,
  PassResult,
  PeopleList,
  PeopleQuery,
  PeopleStatus,
  Person,
  SuggestionList,
} from '../../shared/people-api.js';
import type { Api, ServerContext } from '../context.js';
import { errors } from './common.js';

/**
 * People and person pages: the list, one person, their photos as a timeline, their faces and the
 * suggestions of who else may be them. Corrections are in corrections.ts, faces in a photo and
 * face crops in faces.ts, find-by-face in find-by-face.ts.
 */
export function peopleRoutes(app: Api, { picto }: ServerContext): void {
  const tags = ['people'];
  const { people } = picto;
  const { pages } = people;

  app.get(
    '/people',
    {
      schema: {
        tags,
        summary: 'People with counts and cover faces (named first)',
        querystring: PeopleQuery,
        response: { 200: PeopleList },
      },
    },
    async (req) => ({
      people: people.list({ includeHidden: req.query.hidden }).map((p) => pages.person(p)),
    }),
  );

  app.get(
    '/people/status',
    {
      schema: {
        tags,
        summary: 'Faces, people and new faces not grouped yet',
        response: { 200: PeopleStatus },
      },
    },
    async () => people.status(),
  );

  app.post(
    '/people/recluster',
    {
      schema: {
        tags,
        summary: 'Group every face again from scratch',
        description:
          'Keeps every name, merge, move, rejection, hidden person and person id. Runs off the event loop for large libraries.',
        response: { 200: PassResult },
      },
    },
    async () => people.recluster(),
  );

  app.get(
    '/people/:id',
    {
      schema: {
        tags,
        summary: 'One person (merged ids resolve to the person they joined)',
        params: NumericIdParams,
        response: { 200: Person, ...errors },
      },
    },
    async (req) => pages.personById(req.params.id),
  );

  app.get(
    '/people/:id/photos',
    {
      schema: {
        tags,
        summary: "Page through a person's photos, newest first (timeline shape)",
        params: NumericIdParams,
        querystring: TimelineQuery,
        response: { 200: TimelinePage, ...errors },
      },
    },
    async (req) => pages.photos(req.params.id, req.query),
  );

  app.get(
    '/people/:id/buckets',
    {
      schema: {
        tags,
        summary: "A person's photos per month",
        params: NumericIdParams,
        response: { 200: Buckets, ...errors },
      },
    },
    async (req) => pages.buckets(req.params.id),
  );

  app.get(
    '/people/:id/faces',
    {
      schema: {
        tags,
        summary: "A person's faces, newest photo first",
        params: NumericIdParams,
        querystring: PagingQuery,
        response: { 200: FaceList, ...errors },
      },
    },
    async (req) => ({
      faces: people
        .faces(req.params.id, req.query.limit ?? 100, req.query.offset ?? 0)
        .map((f) => pages.face(f)),
    }),
  );

  app.get(
    '/people/:id/suggestions',
    {
      schema: {
        tags,
        summary: 'Unnamed people and lone faces that may be this person, nearest first',
        params: NumericIdParams,
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
        }),
        response: { 200: SuggestionList, ...errors },
      },
    },
    async (req) => ({ suggestions: pages.suggestions(req.params.id, req.query.limit ?? 50) }),
  );
}
