// One Redis connection and what we know of it: connecting, connected, or unreachable since when
// and why. Commands never wait in an offline queue: while Redis is away they fail at once, so
// the primary goes on with its own workers instead of piling up publishes (it publishes again
// once the connection is back). ioredis reconnects by itself, every few seconds at most.

import type { RedisOptions as BullRedisOptions } from 'bullmq';
import { Redis } from 'ioredis';
import type { QueueState } from '../shared/work-api.js';
import type { QueueAddress } from './queue-url.js';

const RECONNECT_MAX_MS = 3000;

/** Back off 0.2 s, 0.4 s, … up to 3 s between reconnection attempts, forever. */
export const retryStrategy = (attempt: number): number => Math.min(attempt * 200, RECONNECT_MAX_MS);

/** Options for the connections BullMQ blocks on (its workers and event readers need these). */
export function blockingOptions(address: QueueAddress): BullRedisOptions {
  return { ...(address.options as BullRedisOptions), maxRetriesPerRequest: null, retryStrategy };
}

export class QueueConnection {
  readonly client: Redis;
  private state: QueueState['state'] = 'connecting';
  private since = new Date().toISOString();
  private error: string | undefined;
  private readonly readyListeners: (() => void)[] = [];

  constructor(
    readonly address: QueueAddress,
    private readonly log: (line: string) => void,
  ) {
    this.client = new Redis({
      ...address.options,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 5000,
      retryStrategy,
    });
    this.client.on('ready', () => {
      if (this.state !== 'connected') {
        if (this.state === 'unreachable') this.log(`queue ${address.shown} is reachable again`);
        this.set('connected', undefined);
      }
      for (const l of this.readyListeners) l();
    });
    this.client.on('error', (err: Error) => this.lost(err.message));
    this.client.on('close', () => this.lost(this.error ?? 'connection closed'));
  }

  private lost(message: string): void {
    if (this.state === 'unreachable' && this.error === message) return;
    if (this.state !== 'unreachable')
      this.log(`queue ${this.address.shown} is unreachable: ${message}`);
    this.set('unreachable', message);
  }

  private set(state: QueueState['state'], error: string | undefined): void {
    if (state !== this.state) this.since = new Date().toISOString();
    this.state = state;
    this.error = error;
  }

  get connected(): boolean {
    return this.state === 'connected';
  }

  /** Called on every (re)connection: publish what could not be published, look for lost jobs. */
  onReady(listener: () => void): void {
    this.readyListeners.push(listener);
  }

  status(localWorkers: boolean): QueueState {
    return {
      url: this.address.shown,
      state: this.state,
      since: this.since,
      ...(this.error && this.state !== 'connected' ? { error: this.error } : {}),
      localWorkers,
    };
  }

  async close(): Promise<void> {
    this.client.disconnect();
  }
}
