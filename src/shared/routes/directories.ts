import { DirListing, DirsQuery } from '../fs-api.js';
import { declareRoutes } from './declare.js';

/** The folder picker: this computer's directories, for clients on it only. */
export const directoryRoutes = declareRoutes({
  listDirectories: {
    method: 'GET',
    path: '/api/fs/dirs',
    tag: 'folders',
    summary: 'Directories on this machine, for picking a folder to add',
    description:
      'Lists the directories of `path` (the home folder by default): names only, hidden ones left out, ' +
      'never a file. Answers clients on this machine only: other machines get 403 even with the token.',
    query: DirsQuery,
    response: { 200: DirListing },
    errors: [403, 404, 422],
  },
});
