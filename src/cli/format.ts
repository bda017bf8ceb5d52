// The CLI's output layer: the streams a command writes to (with EPIPE handled), usage errors,
// and the human-readable rendering of an analysis. No analysis happens here.

import type { Analysis, Quote, QuoteKind } from '../types.js';

/** Where a command reads and writes. Tests give PassThrough streams; the bin gives the process's. */
export interface CliContext {
  stdin: NodeJS.ReadableStream;
  out: Output;
  /** Writes one line (a newline is added) to standard error. */
  err: (line: string) => void;
}

/** A command of the `verbatim` bin. */
export interface Command {
  name: string;
  summary: string;
  /** Full help: synopsis first, then options and examples. */
  usage: string;
  /** Runs the command and resolves to its exit code. */
  run(argv: string[], ctx?: CliContext): Promise<number>;
}

/** A bad invocation: reported with the command's synopsis, exit code 2. */
export class UsageError extends Error {}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** The synopsis of a usage text: its first paragraph. */
export function synopsis(usage: string): string {
  const blank = usage.indexOf('\n\n');
  return blank === -1 ? usage : usage.slice(0, blank);
}

/** Prints a usage error of `command` and returns the usage exit code. */
export function reportUsageError(ctx: CliContext, command: Command, message: string): number {
  ctx.err(`verbatim ${command.name}: ${message}`);
  ctx.err(synopsis(command.usage));
  ctx.err(`Run 'verbatim help ${command.name}' for details.`);
  return EXIT_USAGE;
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

// ---------------------------------------------------------------------------------------------
// Output

/**
 * Writes lines to a stream, waiting when it is full. When the reader goes away (EPIPE: `| head`)
 * it becomes `closed` quietly and drops further writes, so that commands can stop early.
 */
export class Output {
  #closed = false;
  #failure: Error | null = null;

  constructor(private readonly stream: NodeJS.WritableStream) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      this.#closed = true;
      // A reader that went away is normal (`| head`); anything else (a full disk) is a failure.
      if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') this.#failure ??= e;
    });
    stream.on('close', () => {
      this.#closed = true;
    });
  }

  /** True once the reader has gone away: nothing more will be written. */
  get closed(): boolean {
    return this.#closed;
  }

  /** The write error, other than EPIPE, that closed the output, if any. */
  get failure(): Error | null {
    return this.#failure;
  }

  /** Writes `text` and a newline; resolves when the stream can take more. */
  line(text: string): Promise<void> {
    return this.write(text + '\n');
  }

  /** Writes `text` as is; resolves when the stream can take more. */
  async write(text: string): Promise<void> {
    if (this.#closed) return;
    if (this.stream.write(text)) return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        this.stream.off('drain', done);
        this.stream.off('close', done);
        this.stream.off('error', done);
        resolve();
      };
      this.stream.on('drain', done);
      this.stream.on('close', done);
      this.stream.on('error', done);
    });
  }
}

let processContextCache: CliContext | undefined;

/** The context of the running process, created once (it installs the EPIPE handler on stdout). */
export function processContext(): CliContext {
  processContextCache ??= {
    stdin: process.stdin,
    out: new Output(process.stdout),
    err: (line) => {
      process.stderr.write(line + '\n');
    },
  };
  return processContextCache;
}

// ---------------------------------------------------------------------------------------------
// Human-readable analysis

/** Longest quote text shown in the human-readable output, in characters. */
export const QUOTE_DISPLAY_CHARS = 160;

const KIND_ORDER: QuoteKind[] = ['direct', 'indirect', 'mixed'];

/** The header line and one line per quote of an analysis, for a terminal. */
export function formatAnalysis(a: Analysis): string[] {
  return [formatHeader(a), ...a.quotes.map(formatQuote)];
}

/** `nato-2021-05  2021-05  7 quotes (6 direct, 1 indirect), 2 entities` */
export function formatHeader(a: Analysis): string {
  const parts = [clean(a.id)];
  if (a.date) parts.push(a.date.value);
  const byKind = KIND_ORDER.map((k) => [k, a.quotes.filter((q) => q.kind === k).length] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`);
  const quotes = plural(a.quotes.length, 'quote') + (byKind.length > 0 ? ` (${byKind.join(', ')})` : '');
  parts.push(`${quotes}, ${plural(a.entities.length, 'entity', 'entities')}`);
  return parts.join('  ');
}

/** `  [direct] Paul Morel (person): «Nous devons…» — cue "a-t-il martelé"` */
export function formatQuote(q: Quote): string {
  const speaker = q.speaker ? `${clean(q.speaker.name)} (${q.speaker.type})` : '?';
  const cue = q.cue ? ` — cue "${clean(q.cue.text)}"` : '';
  return `  [${q.kind}] ${speaker}: «${truncate(clean(q.text), QUOTE_DISPLAY_CHARS)}»${cue}`;
}

/** One line of display text: runs of whitespace and control characters become one space. */
export function clean(s: string): string {
  return s.replace(/[\s\p{Cc}\u2028\u2029]+/gu, ' ').trim();
}

/** At most `max` characters, ending with an ellipsis when cut; never splits a surrogate pair. */
export function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max - 1;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  // Prefer a word boundary when one is close.
  const space = s.lastIndexOf(' ', end);
  if (space > end - 20) end = space;
  return s.slice(0, end).trimEnd() + '…';
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
