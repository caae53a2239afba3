import { SystemInfo } from '../../shared/api.js';
import { schemaVersion } from '../../db/migrate.js';
import type { Api, ServerContext } from '../context.js';
import { packageVersion } from '../../shared/package-root.js';

export function systemRoutes(app: Api, { picto }: ServerContext): void {
  app.get(
    '/system',
    {
      schema: {
        tags: ['system'],
        summary: 'Version, library location and totals',
        response: { 200: SystemInfo },
      },
    },
    async () => {
      const { repos } = picto;
      const counts = repos.timeline.counts();
      return {
        name: 'picto' as const,
        version: packageVersion(),
        dataDir: picto.layout.root,
        schemaVersion: schemaVersion(repos.db),
        photos: {
          total: repos.photos.count(),
          ...repos.photos.countByStatus(),
          favourites: counts.favourites,
          trashed: counts.trashed,
        },
        folders: repos.folders.list().length,
        albums: repos.albums.list().length,
      };
    },
  );
}
