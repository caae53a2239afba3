import { declareRoutes, eventStream } from './declare.js';

export const eventRoutes = declareRoutes({
  streamEvents: {
    method: 'GET',
    path: '/api/events',
    tag: 'events',
    summary: 'Server-sent events: progress and library changes',
    description:
      'text/event-stream. First `event: hello` with the indexing status, then one message per event ' +
      '(`scan.progress`, `scan.done`, `jobs.progress`, `jobs.idle`, `photos.changed`, `folders.changed`, ' +
      '`albums.changed`, `people.changed`) with the event as JSON data, and a comment heartbeat every 15 s.',
    response: { 200: eventStream('The event stream; it stays open') },
  },
});
