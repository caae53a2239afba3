import { FailedJobs, JobsStatus, LimitQuery, Requeued, RetryBody } from '../../shared/api.js';
import type { Api, ServerContext } from '../context.js';
import { errors } from './common.js';

export function jobRoutes(app: Api, { picto }: ServerContext): void {
  const jobs = picto.indexing;
  const tags = ['jobs'];

  app.get(
    '/jobs',
    { schema: { tags, summary: 'Indexing status per stage', response: { 200: JobsStatus } } },
    async () => jobs.status(),
  );

  app.post(
    '/jobs/pause',
    {
      schema: {
        tags,
        summary: 'Pause indexing (running photos finish)',
        response: { 200: JobsStatus },
      },
    },
    async () => jobs.pause(),
  );

  app.post(
    '/jobs/resume',
    { schema: { tags, summary: 'Resume indexing', response: { 200: JobsStatus } } },
    async () => jobs.resume(),
  );

  app.post(
    '/jobs/retry',
    {
      schema: {
        tags,
        summary: 'Retry failed jobs (all stages, or one)',
        body: RetryBody,
        response: { 200: Requeued, ...errors },
      },
    },
    async (req) => ({ requeued: jobs.retryFailed(req.body?.stage) }),
  );

  app.get(
    '/jobs/failed',
    {
      schema: {
        tags,
        summary: 'Failed jobs with their file and error',
        querystring: LimitQuery,
        response: { 200: FailedJobs, ...errors },
      },
    },
    async (req) => ({ failed: jobs.failed(req.query.limit ?? 500) }),
  );
}
