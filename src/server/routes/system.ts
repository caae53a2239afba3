import { packageVersion } from '../../shared/package-root.js';
import { systemRoutes as r } from '../../shared/routes/system.js';
import type { Api, ServerContext } from '../context.js';
import { route } from '../route.js';

export function systemRoutes(app: Api, { picto }: ServerContext): void {
  route(app, r.getSystem, async () => ({
    name: 'picto' as const,
    version: packageVersion(),
    ...picto.status.system(),
  }));
}
