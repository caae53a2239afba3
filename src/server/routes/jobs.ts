import { jobRoutes as r } from '../../shared/routes/jobs.js';
import type { Api, ServerContext } from '../context.js';
import { route } from '../route.js';

export function jobRoutes(app: Api, { picto }: ServerContext): void {
  const jobs = picto.indexing;

  route(app, r.getJobs, async () => jobs.status());
  route(app, r.pauseJobs, async () => jobs.pause());
  route(app, r.resumeJobs, async () => jobs.resume());
  route(app, r.retryJobs, async (req) => ({ requeued: jobs.retryFailed(req.body?.stage) }));
  route(app, r.listFailedJobs, async (req) => ({ failed: jobs.failed(req.query.limit ?? 500) }));
}
