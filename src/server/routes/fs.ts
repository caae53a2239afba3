import { ApiError } from '../../shared/api.js';
import { PictoError } from '../../shared/errors.js';
import { DirListing, DirsQuery } from '../../shared/fs-api.js';
import type { Api, ServerContext } from '../context.js';
import { trustedLocal } from '../security.js';
import { errors } from './common.js';

export function fsRoutes(app: Api, { picto }: ServerContext): void {
  app.get(
    '/fs/dirs',
    {
      schema: {
        tags: ['folders'],
        summary: 'Directories on this machine, for picking a folder to add',
        description:
          'Lists the directories of `path` (the home folder by default): names only, hidden ones left out, ' +
          'never a file. Answers clients on this machine only: other machines get 403 even with the token.',
        querystring: DirsQuery,
        response: { 200: DirListing, 403: ApiError, 422: ApiError, ...errors },
      },
    },
    async (req) => {
      if (!trustedLocal(req))
        throw new PictoError(
          'local-only',
          'the folder picker answers only on the computer running Picto',
        );
      return picto.directories.list(req.query.path);
    },
  );
}
