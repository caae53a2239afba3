import { Type, type Static } from '@sinclair/typebox';

// Search suggestions while typing (GET /api/search/suggest), in a file of their own so the route
// declaration can be converted on its own. The web app imports the static types only.

export const SuggestionKind = Type.Union([
  Type.Literal('person'),
  Type.Literal('place'),
  Type.Literal('tag'),
  Type.Literal('album'),
  Type.Literal('camera'),
  Type.Literal('date'),
]);
export type SuggestionKind = Static<typeof SuggestionKind>;

export const SuggestQuery = Type.Object({
  q: Type.String({
    maxLength: 2000,
    default: '',
    description:
      'The search box as typed so far. Its last words are completed ("alice be" → "alice beach"); ' +
      'a trailing space or an empty box suggests nothing.',
  }),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 8 })),
});
export type SuggestQuery = Static<typeof SuggestQuery>;

export const SearchSuggestion = Type.Object({
  kind: SuggestionKind,
  /** What the list shows: "Alice Martin", "Paris", "dining table", "June 2019". */
  label: Type.String(),
  /** A second line: the country of a city, the tags of a group, the make of a camera. */
  detail: Type.Optional(Type.String()),
  query: Type.String({
    description: 'the whole search text with the completion in it: what to search when picked',
  }),
  count: Type.Integer({ description: 'photos this suggestion alone matches (trash left out)' }),
  coverUrl: Type.Optional(Type.String({ description: 'a face crop or a thumbnail' })),
});
export type SearchSuggestion = Static<typeof SearchSuggestion>;

export const SuggestResult = Type.Object({ suggestions: Type.Array(SearchSuggestion) });
export type SuggestResult = Static<typeof SuggestResult>;
