import { Type, type Static, type TSchema } from '@sinclair/typebox';

// Shapes of scale-out (issue 17): who works on the library (GET /api/jobs `workers`, `queue`) and
// what the primary tells a remote worker (the /api/work routes, which need the access token even
// over loopback: src/server/routes/work.ts).

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const WorkerInfo = Type.Object({
  id: Type.String({ description: 'host:pid:random for a remote worker, "local" for this process' }),
  host: Type.String(),
  kind: Type.Union([Type.Literal('local'), Type.Literal('remote')]),
  /** Photos it works on at once (threads). 0 for a worker that refuses work. */
  concurrency: Type.Integer({ minimum: 0 }),
  /** Photo tasks (one photo, one or more stages) it finished, results accepted, since this primary started. */
  done: Type.Integer({ minimum: 0 }),
  /** Tasks that came back failed or were rejected (a crash, a forged or malformed result). */
  failed: Type.Integer({ minimum: 0 }),
  /** Photos a second over the last minute. */
  rate: Type.Number({ minimum: 0 }),
  lastSeen: Nullable(Type.String({ description: 'ISO time of its last heartbeat or result' })),
  /** False once it stopped sending heartbeats (killed, disconnected). */
  online: Type.Boolean(),
  error: Type.Optional(
    Type.String({ description: 'why it refuses work, or what was wrong with its last result' }),
  ),
});
export type WorkerInfo = Static<typeof WorkerInfo>;

export const QueueState = Type.Object({
  /** The Redis URL without its password. */
  url: Type.String(),
  state: Type.Union([
    Type.Literal('connecting'),
    Type.Literal('connected'),
    Type.Literal('unreachable'),
  ]),
  since: Type.String(),
  error: Type.Optional(Type.String()),
  /** Whether this machine's own workers index meanwhile (false with --workers 0). */
  localWorkers: Type.Boolean(),
});
export type QueueState = Static<typeof QueueState>;

export const WorkInfo = Type.Object({
  /** BullMQ queue name of this library: workers take jobs from it. */
  queue: Type.String(),
  /** Picto version of the primary. */
  version: Type.String(),
  /** False when the primary was started without --queue: it publishes no jobs to take. */
  publishing: Type.Boolean(),
  /** Stage name → the version this primary writes; a worker with others refuses to start. */
  stages: Type.Record(Type.String(), Type.String()),
});
export type WorkInfo = Static<typeof WorkInfo>;

export const WorkOriginalQuery = Type.Object({
  hash: Type.String({
    pattern: '^[A-Za-z0-9_-]{8,128}$',
    description: 'the content hash the job was published for; 409 when the photo changed since',
  }),
});
export type WorkOriginalQuery = Static<typeof WorkOriginalQuery>;
