import { Type, type Static } from '@sinclair/typebox';
import { Person } from './people-api.js';

// Reviewing people: merge candidates by likeness (GET /api/people/:id/similar) and taking a
// "not this person" back (POST /api/faces/:id/reject/undo). Next to people-api.ts, in a file of
// their own so their route declarations convert on their own.

export const Likeness = Type.Union(
  [Type.Literal('likely'), Type.Literal('maybe'), Type.Literal('unlikely')],
  {
    description:
      'likely: as close as faces clustering groups (kept apart only by a decision, e.g. both named); ' +
      'maybe: close enough to ask; unlikely: further, or mostly said not to be this person',
  },
);
export type Likeness = Static<typeof Likeness>;

export const SimilarPerson = Type.Object({
  person: Person,
  distance: Type.Union([Type.Number(), Type.Null()], {
    description: 'average-linkage cosine distance of their faces; null without faces to compare',
  }),
  likeness: Likeness,
});
export type SimilarPerson = Static<typeof SimilarPerson>;

export const SimilarPeople = Type.Object({ people: Type.Array(SimilarPerson) });
export type SimilarPeople = Static<typeof SimilarPeople>;

export const SimilarQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 200 })),
});

export const UndoRejectBody = Type.Object({
  personId: Type.Integer({ minimum: 1, description: 'the person the face was said not to be' }),
});
export type UndoRejectBody = Static<typeof UndoRejectBody>;

export const UndoRejectResult = Type.Object({
  back: Type.Boolean({
    description: 'the face is in the person again (false: another person has it now, or none was)',
  }),
});
export type UndoRejectResult = Static<typeof UndoRejectResult>;
