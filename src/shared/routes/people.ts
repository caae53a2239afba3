import { Type } from '@sinclair/typebox';
import { Buckets, NumericIdParams, TimelinePage, TimelineQuery } from '../api.js';
import {
  FaceList,
  PagingQuery,
  PassResult,
  PeopleList,
  PeopleQuery,
  PeopleStatus,
  Person,
  SuggestionList,
} from '../people-api.js';
import { declareRoutes } from './declare.js';

/** People and person pages: the list, one person, their photos, faces and suggestions. */
export const peopleRoutes = declareRoutes({
  listPeople: {
    method: 'GET',
    path: '/api/people',
    tag: 'people',
    summary: 'People with counts and cover faces (named first)',
    query: PeopleQuery,
    response: { 200: PeopleList },
  },
  getPeopleStatus: {
    method: 'GET',
    path: '/api/people/status',
    tag: 'people',
    summary: 'Faces, people and new faces not grouped yet',
    response: { 200: PeopleStatus },
  },
  reclusterPeople: {
    method: 'POST',
    path: '/api/people/recluster',
    tag: 'people',
    summary: 'Group every face again from scratch',
    description:
      'Keeps every name, merge, move, rejection, hidden person and person id. Runs off the event loop for large libraries.',
    response: { 200: PassResult },
  },
  getPerson: {
    method: 'GET',
    path: '/api/people/:id',
    tag: 'people',
    summary: 'One person (merged ids resolve to the person they joined)',
    params: NumericIdParams,
    response: { 200: Person },
    errors: [404],
  },
  listPersonPhotos: {
    method: 'GET',
    path: '/api/people/:id/photos',
    tag: 'people',
    summary: "Page through a person's photos, newest first (timeline shape)",
    params: NumericIdParams,
    query: TimelineQuery,
    response: { 200: TimelinePage },
    errors: [404],
  },
  getPersonBuckets: {
    method: 'GET',
    path: '/api/people/:id/buckets',
    tag: 'people',
    summary: "A person's photos per month",
    params: NumericIdParams,
    response: { 200: Buckets },
    errors: [404],
  },
  listPersonFaces: {
    method: 'GET',
    path: '/api/people/:id/faces',
    tag: 'people',
    summary: "A person's faces, newest photo first",
    params: NumericIdParams,
    query: PagingQuery,
    response: { 200: FaceList },
    errors: [404],
  },
  listPersonSuggestions: {
    method: 'GET',
    path: '/api/people/:id/suggestions',
    tag: 'people',
    summary: 'Unnamed people and lone faces that may be this person, nearest first',
    params: NumericIdParams,
    query: Type.Object({
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    }),
    response: { 200: SuggestionList },
    errors: [404],
  },
});
