import { Type, type Static } from '@sinclair/typebox';

// The folder picker (GET /api/fs/dirs): directories of this machine, for clients on it only.

export const DirsQuery = Type.Object({
  path: Type.Optional(
    Type.String({
      maxLength: 4096,
      description: 'an absolute path or ~/…; the home folder when left out',
    }),
  ),
});
export type DirsQuery = Static<typeof DirsQuery>;

const Place = Type.Object({ name: Type.String(), path: Type.String() });

export const DirListing = Type.Object({
  path: Type.String({ description: 'the folder listed, absolute' }),
  parent: Type.Union([Type.String(), Type.Null()], { description: 'null at the root' }),
  home: Type.String(),
  dirs: Type.Array(
    Type.Object({
      name: Type.String(),
      path: Type.String(),
      library: Type.Boolean({ description: 'already a library folder' }),
    }),
    { description: 'its directories, hidden ones left out, by name' },
  ),
  truncated: Type.Boolean({ description: 'more than 2000 directories: the rest left out' }),
  places: Type.Array(Place, { description: 'home, and where removable and mounted drives appear' }),
});
export type DirListing = Static<typeof DirListing>;
