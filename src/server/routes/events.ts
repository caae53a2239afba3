import { eventRoutes as r } from '../../shared/routes/events.js';
import type { Api, ServerContext } from '../context.js';
import { route } from '../route.js';

export function eventRoutes(app: Api, { sse }: ServerContext): void {
  route(app, r.streamEvents, (req, reply) => sse.open(req, reply));
}
