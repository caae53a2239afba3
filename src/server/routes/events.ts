import type { Api, ServerContext } from '../context.js';

export function eventRoutes(app: Api, { sse }: ServerContext): void {
  app.get(
    '/events',
    {
      schema: {
        tags: ['events'],
        summary: 'Server-sent events: progress and library changes',
        description:
          'text/event-stream. First `event: hello` with the indexing status, then one message per event ' +
          '(`scan.progress`, `scan.done`, `jobs.progress`, `jobs.idle`, `photos.changed`, `folders.changed`, ' +
          '`albums.changed`) with the event as JSON data, and a comment heartbeat every 15 s.',
      },
    },
    (req, reply) => sse.open(req, reply),
  );
}
