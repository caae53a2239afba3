import { useEffect, useState } from 'react';
import type { JobsStatus } from '../../../src/shared/api.js';
import { api } from '../api/client.js';
import { onLibraryEvent } from '../api/events.js';

export interface IndexingSummary {
  status: JobsStatus | null;
  /** Photos (media stage) still to process. */
  left: number;
  total: number;
  failed: number;
  /** Later stages (AI, duplicates): jobs left and in all. */
  laterLeft: number;
  laterTotal: number;
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
  for (const s of status?.stages ?? []) {
    if (s.stage === 'media') continue;
    laterLeft += s.pending + s.running;
    laterTotal += s.pending + s.running + s.done + s.failed;
  }
  return { status, left, total, failed, laterLeft, laterTotal, active: left + laterLeft > 0 };
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
        setStatus({ paused: e.paused, rate: e.rate, stages: e.stages });
      else if (e.type === 'jobs.idle') setStatus((s) => (s ? { ...s, rate: 0 } : s));
    });
    return () => {
      alive = false;
      off();
    };
  }, []);
  return summarise(status);
}
