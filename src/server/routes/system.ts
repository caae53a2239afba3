import { SystemInfo } from '../../shared/api.js';
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
    async () => ({ name: 'picto' as const, version: packageVersion(), ...picto.status.system() }),
  );
}
