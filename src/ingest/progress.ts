// Ingest progress: a bar redrawn in place on a terminal (share of the input bytes read,
// articles/s, ETA), or one plain line every few seconds when standard error is a file or a pipe.

export interface ProgressState {
  articles: number;
  inserted: number;
  replaced: number;
  kept: number;
  failed: number;
  bytesDone: number;
  bytesTotal: number;
  elapsedMs: number;
}

export interface ProgressOptions {
  /** Where lines go (standard error). */
  write: (s: string) => void;
  tty: boolean;
  /** Terminal width, for the bar. */
  columns?: number;
  /** Plain mode: milliseconds between lines. Default 5000. */
  intervalMs?: number;
}

export class Progress {
  #last = 0;
  #drawn = false;

  constructor(private readonly options: ProgressOptions) {}

  /** Called often; draws at most every 100 ms (terminal) or every `intervalMs` (plain). */
  update(s: ProgressState): void {
    const every = this.options.tty ? 100 : (this.options.intervalMs ?? 5000);
    if (s.elapsedMs - this.#last < every) return;
    this.#last = s.elapsedMs;
    if (this.options.tty) {
      this.options.write(`\r${this.bar(s)}\x1b[K`);
      this.#drawn = true;
    } else {
      this.options.write(`${this.line(s)}\n`);
    }
  }

  /** Clears the bar before the summary. */
  done(): void {
    if (this.#drawn) this.options.write('\r\x1b[K');
    this.#drawn = false;
  }

  line(s: ProgressState): string {
    const parts = [
      `ingest: ${fmtInt(s.articles)} articles`,
      `(${fmtInt(s.inserted)} new, ${fmtInt(s.replaced)} replaced, ${fmtInt(s.kept)} already stored, ${fmtInt(s.failed)} errors)`,
      `${fmtInt(rate(s))} articles/s`,
    ];
    if (s.bytesTotal > 0) parts.push(`${Math.floor((100 * s.bytesDone) / s.bytesTotal)}% read`);
    const eta = etaSeconds(s);
    if (eta !== null) parts.push(`ETA ${fmtDuration(eta)}`);
    return parts.join(' ');
  }

  bar(s: ProgressState): string {
    const share = s.bytesTotal > 0 ? Math.min(1, s.bytesDone / s.bytesTotal) : 0;
    const eta = etaSeconds(s);
    const text =
      ` ${String(Math.floor(share * 100)).padStart(3)}%  ${fmtInt(s.articles)} articles  ` +
      `${fmtInt(rate(s))}/s  ETA ${eta === null ? '--:--' : fmtDuration(eta)}` +
      (s.failed > 0 ? `  ${fmtInt(s.failed)} errors` : '');
    const width = Math.max(10, Math.min(40, (this.options.columns ?? 80) - text.length - 3));
    const full = Math.round(share * width);
    return `[${'█'.repeat(full)}${'░'.repeat(width - full)}]${text}`;
  }
}

function rate(s: ProgressState): number {
  return s.elapsedMs > 0 ? (s.articles * 1000) / s.elapsedMs : 0;
}

/** Remaining time from the bytes read so far; null until there is something to go on. */
function etaSeconds(s: ProgressState): number | null {
  if (s.bytesTotal <= 0 || s.bytesDone <= 0 || s.elapsedMs < 500) return null;
  const left = Math.max(0, s.bytesTotal - s.bytesDone);
  return (left * s.elapsedMs) / s.bytesDone / 1000;
}

export function fmtInt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function fmtDuration(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
