import type { EventBus, PictoEvent } from '../shared/events.js';

/**
 * Draws indexing progress from the event stream: a redrawn bar on a terminal, a plain line every few
 * seconds otherwise (logs, CI, scripts). Silent in --json mode so stdout stays one JSON document.
 */
export class ProgressView {
  private readonly tty: boolean;
  private lastLine = 0;
  private drawn = false;
  private off: (() => void) | null = null;

  constructor(
    private readonly out: NodeJS.WriteStream = process.stderr,
    private readonly quiet = false,
  ) {
    this.tty = Boolean(out.isTTY) && process.env.TERM !== 'dumb';
  }

  attach(events: EventBus): void {
    if (this.quiet) return;
    this.off = events.on((e) => this.render(e));
  }

  detach(): void {
    this.off?.();
    this.off = null;
    if (this.drawn) this.out.write('\n');
    this.drawn = false;
  }

  private render(e: PictoEvent): void {
    if (e.type === 'scan.progress') {
      const label =
        e.phase === 'walk'
          ? `scanning ${e.folder}`
          : e.phase === 'hash'
            ? 'identifying new files'
            : 'updating catalogue';
      this.show(label, e.done, e.total, '');
    } else if (e.type === 'scan.done') {
      const s = e.summary;
      this.line(
        `scan: ${s.files} files in ${s.folders} folder(s): ${s.added} new, ${s.changed} changed, ` +
          `${s.moved} moved, ${s.duplicates} duplicate copies, ${s.removed} removed, ` +
          `${s.unchanged} unchanged, ${s.issues} unreadable (${(s.ms / 1000).toFixed(1)} s)` +
          (s.offline.length ? `; offline: ${s.offline.join(', ')}` : ''),
      );
    } else if (e.type === 'jobs.progress') {
      let done = 0;
      let total = 0;
      let failed = 0;
      for (const s of e.stages) {
        done += s.done + s.failed;
        failed += s.failed;
        total += s.pending + s.running + s.done + s.failed;
      }
      const detail = e.stages
        .map((s) => `${s.stage} ${s.done + s.failed}/${s.pending + s.running + s.done + s.failed}`)
        .join(', ');
      this.show(
        'indexing',
        done,
        total,
        `${detail}${failed ? `, ${failed} failed` : ''}${e.rate ? `, ${e.rate.toFixed(1)} photos/s` : ''}`,
      );
    }
  }

  private show(label: string, done: number, total: number, detail: string): void {
    if (this.tty) {
      const width = 24;
      const frac = total > 0 ? Math.min(1, done / total) : 0;
      const filled = Math.round(frac * width);
      const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
      const count = total > 0 ? ` ${done}/${total}` : '';
      const text = `${label} ${bar}${count} ${detail}`.slice(0, (this.out.columns ?? 100) - 1);
      this.out.write(`\r\x1b[2K${text}`);
      this.drawn = true;
      return;
    }
    const now = Date.now();
    if (now - this.lastLine < 2000 && done < total) return;
    this.lastLine = now;
    this.out.write(`${label}: ${done}/${total}${detail ? ` (${detail})` : ''}\n`);
  }

  private line(text: string): void {
    if (this.tty && this.drawn) this.out.write('\r\x1b[2K');
    this.drawn = false;
    this.out.write(text + '\n');
  }
}
