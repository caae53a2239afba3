import { EventEmitter } from 'node:events';

// Events are the one progress channel: the CLI draws bars from them, the server forwards them over
// SSE, tests wait on them. Payloads are plain JSON.

export interface ScanProgressEvent {
  type: 'scan.progress';
  folder: string;
  phase: 'walk' | 'hash' | 'apply' | 'done';
  done: number;
  total: number;
}

export interface ScanSummary {
  folders: number;
  files: number;
  unchanged: number;
  added: number;
  changed: number;
  moved: number;
  removed: number;
  duplicates: number;
  issues: number;
  offline: string[];
  ms: number;
}

export interface ScanDoneEvent {
  type: 'scan.done';
  summary: ScanSummary;
}

export interface JobProgressEvent {
  type: 'jobs.progress';
  stages: { stage: string; pending: number; running: number; done: number; failed: number }[];
  /** Photos per second over the last few seconds, 0 when idle. */
  rate: number;
  paused: boolean;
}

export interface JobsIdleEvent {
  type: 'jobs.idle';
}

export interface PhotoChangedEvent {
  type: 'photos.changed';
  /** Ids whose data changed (processed, favourited, …). */
  ids: string[];
  reason: 'indexed' | 'added' | 'removed' | 'updated';
}

export interface FolderChangedEvent {
  type: 'folders.changed';
}

export interface AlbumsChangedEvent {
  type: 'albums.changed';
}

export interface PeopleChangedEvent {
  type: 'people.changed';
  /** People whose faces, name or visibility changed (empty after a full re-clustering). */
  ids: number[];
  reason: 'clustered' | 'assigned' | 'corrected';
}

/** A video's transcode is made: `GET /api/photos/{id}/video` now plays. */
export interface VideoReadyEvent {
  type: 'video.ready';
  photoId: string;
}

export type PictoEvent =
  | ScanProgressEvent
  | ScanDoneEvent
  | JobProgressEvent
  | JobsIdleEvent
  | PhotoChangedEvent
  | FolderChangedEvent
  | AlbumsChangedEvent
  | PeopleChangedEvent
  | VideoReadyEvent;

export class EventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    // The SSE endpoint adds one listener per open browser tab.
    this.emitter.setMaxListeners(0);
  }

  emit(event: PictoEvent): void {
    this.emitter.emit('event', event);
  }

  /** Subscribes to every event; returns the unsubscribe function. */
  on(listener: (event: PictoEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  /** Resolves on the first event matching the predicate. */
  once<T extends PictoEvent>(pred: (e: PictoEvent) => e is T): Promise<T>;
  once(pred: (e: PictoEvent) => boolean): Promise<PictoEvent>;
  once(pred: (e: PictoEvent) => boolean): Promise<PictoEvent> {
    return new Promise((resolve) => {
      const off = this.on((e) => {
        if (pred(e)) {
          off();
          resolve(e);
        }
      });
    });
  }
}
