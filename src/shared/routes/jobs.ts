import { FailedJobs, JobsStatus, LimitQuery, Requeued, RetryBody } from '../api.js';
import { declareRoutes } from './declare.js';

export const jobRoutes = declareRoutes({
  getJobs: {
    method: 'GET',
    path: '/api/jobs',
    tag: 'jobs',
    summary: 'Indexing status per stage',
    response: { 200: JobsStatus },
  },
  pauseJobs: {
    method: 'POST',
    path: '/api/jobs/pause',
    tag: 'jobs',
    summary: 'Pause indexing (running photos finish)',
    response: { 200: JobsStatus },
  },
  resumeJobs: {
    method: 'POST',
    path: '/api/jobs/resume',
    tag: 'jobs',
    summary: 'Resume indexing',
    response: { 200: JobsStatus },
  },
  retryJobs: {
    method: 'POST',
    path: '/api/jobs/retry',
    tag: 'jobs',
    summary: 'Retry failed jobs (all stages, or one)',
    body: RetryBody,
    response: { 200: Requeued },
    errors: [404],
  },
  listFailedJobs: {
    method: 'GET',
    path: '/api/jobs/failed',
    tag: 'jobs',
    summary: 'Failed jobs with their file and error',
    query: LimitQuery,
    response: { 200: FailedJobs },
    errors: [404],
  },
});
