import { useEffect, useState } from 'react';
import type { JobsStatus } from '../../../src/shared/api.js';
import { api } from '../api/client.js';
import { onLibraryEvent } from '../api/events.js';

/** What each stage after thumbnails does, in words a person reads. */
const STAGE_LABELS: Record<string, string> = {
  objects: 'finding things',
  faces: 'finding faces',
  similarity: 'looking for duplicates',
  categories: 'sorting photos',
  'paper-text': 'looking for documents',
  ocr: 'reading text',
};

export function stageLabel(stage: string): string {
  return STAGE_LABELS[stage] ?? stage;
}

export interface IndexingSummary {
  status: JobsStatus | null;
  /** Photos (media stage) still to process. */
  left: number;
  /** Photos with thumbnails and metadata (failed ones are neither ready nor left). */
  ready: number;
  total: number;
  failed: number;
  /** Later stages (AI, duplicates): jobs left and in all. */
  laterLeft: number;
  laterTotal: number;
  /** The later stage with the most work left (for a one-line status), if any. */
  laterStage: string | null;
  active: boolean;
}

export function summarise(status: JobsStatus | null): IndexingSummary {
  let left = 0;
  let total = 0;
  let failed = 0;
  for (const s of status?.stages ?? []) {
    if (s.stage !== 'media') continue;
    left += s.pending + s.running;
    total += s.pending + s.running + s.done + s.failed;
    failed += s.failed;
  }
  let laterLeft = 0;
  let laterTotal = 0;
  let laterStage: string | null = null;
  let most = 0;
  for (const s of status?.stages ?? []) {
    if (s.stage === 'media') continue;
    const open = s.pending + s.running;
    laterLeft += open;
    laterTotal += open + s.done + s.failed;
    if (open > most) [most, laterStage] = [open, s.stage];
  }
  return {
    status,
    left,
    ready: total - left - failed,
    total,
    failed,
    laterLeft,
    laterTotal,
    laterStage,
    active: left + laterLeft > 0,
  };
}

/** Live indexing status from the event stream (with one fetch to start). */
export function useJobs(): IndexingSummary {
  const [status, setStatus] = useState<JobsStatus | null>(null);
  useEffect(() => {
    let alive = true;
    api.jobs().then(
      (s) => alive && setStatus(s),
      () => undefined,
    );
    const off = onLibraryEvent((e) => {
      if (e.type === 'hello') setStatus(e.status);
      else if (e.type === 'jobs.progress')
        // Progress events carry the counts only; who works (workers, queue) is kept from the
        // last full status (WorkersPanel fetches that itself).
        setStatus((s) => ({
          workers: [],
          ...s,
          paused: e.paused,
          rate: e.rate,
          stages: e.stages,
        }));
      else if (e.type === 'jobs.idle') setStatus((s) => (s ? { ...s, rate: 0 } : s));
    });
    return () => {
      alive = false;
      off();
    };
  }, []);
  return summarise(status);
}
