// The ingest pipeline: read (main thread) -> skip what the archive has -> analyse (worker
// threads) -> write (main thread, one transaction per batch).
//
// Guarantees:
// - Idempotent: an article already stored (same id, or same normalised-text hash when it has no
//   id) is not analysed again nor duplicated; with `reanalyze` its analysis is replaced. The check
//   is made before the analysis (to save the work) and again inside the write transaction (so
//   that duplicates within one run cannot slip through).
// - Atomic per batch and resumable: a batch's articles, quotes, entities and index rows commit
//   together or not at all (SQLite WAL). Killed at any moment, a rerun skips what was committed
//   and does the rest: nothing lost, nothing twice.
// - Bounded memory: reading waits while the workers hold their quota of batches, and the write
//   buffer is flushed every `batchSize` records.
// - Bad records never stop the run: each is reported (onError, and the summary's errors).

import { availableParallelism } from 'node:os';

import type { ArticleRecord, PutOutcome, Store, StoreCounts } from '../store/store.js';
import { ingestError, type IngestError } from './errors.js';
import { expandInputs } from './paths.js';
import { InlinePool, WorkerPool, type Pool, type WorkerResult } from './pool.js';
import type { PrepareInput } from './prepare.js';
import { Progress, type ProgressState } from './progress.js';
import { readSources, type SourceArticle } from './sources.js';

export interface IngestOptions {
  paths: readonly string[];
  store: Store;
  /** Worker threads; 0 analyses in the main thread. Default: os.availableParallelism(). */
  workers?: number;
  reanalyze?: boolean;
  maxTextChars?: number;
  /** Articles per transaction. Default 256. */
  batchSize?: number;
  /** Articles per message to a worker. Default 16. */
  chunkSize?: number;
  /** A transaction at least this often (ms), so that a long run commits steadily. Default 1000. */
  flushMs?: number;
  /** Each problem, as it happens. */
  onError?: (e: IngestError) => void;
  progress?: Progress;
  /** Errors kept in the summary (all are passed to onError). Default 1000. */
  keepErrors?: number;
}

export interface IngestSummary {
  db: string;
  files: number;
  /** Files under the directories given that ingest does not read (unknown extension). */
  ignoredFiles: number;
  /** Articles read without error. */
  articles: number;
  inserted: number;
  replaced: number;
  /** Already in the archive: left as they were. */
  kept: number;
  failed: number;
  /** Quotes and entities written by this run. */
  quotes: number;
  entities: number;
  seconds: number;
  articlesPerSecond: number;
  /** Peak resident set size of the process, MB. */
  peakRssMB: number;
  workers: number;
  errors: IngestError[];
  /** Every error counted by code. */
  errorsByCode: Record<string, number>;
  /** Errors beyond `keepErrors`, counted but not kept. */
  moreErrors: number;
  archive: StoreCounts;
}

/** A failure of the archive itself (disk full, read-only file): the run cannot go on. */
export class StoreFailure extends Error {}

const FATAL_SQLITE = /^SQLITE_(FULL|IOERR|READONLY|CANTOPEN|CORRUPT|NOTADB|BUSY|LOCKED|NOMEM|PERM)/;

export async function runIngest(options: IngestOptions): Promise<IngestSummary> {
  const t0 = performance.now();
  const store = options.store;
  const workers = options.workers ?? availableParallelism();
  const batchSize = options.batchSize ?? 128;
  const chunkSize = options.chunkSize ?? 16;
  const flushMs = options.flushMs ?? 1000;
  const keepErrors = options.keepErrors ?? 1000;
  const replace = options.reanalyze ?? false;

  const summary: IngestSummary = {
    db: store.location,
    files: 0,
    ignoredFiles: 0,
    articles: 0,
    inserted: 0,
    replaced: 0,
    kept: 0,
    failed: 0,
    quotes: 0,
    entities: 0,
    seconds: 0,
    articlesPerSecond: 0,
    peakRssMB: 0,
    workers,
    errors: [],
    errorsByCode: {},
    moreErrors: 0,
    archive: { articles: 0, quotes: 0, entities: 0, mentions: 0, dates: 0, figures: 0 },
  };
  const report = (e: IngestError): void => {
    summary.failed++;
    summary.errorsByCode[e.code] = (summary.errorsByCode[e.code] ?? 0) + 1;
    if (summary.errors.length < keepErrors) summary.errors.push(e);
    else summary.moreErrors++;
    options.onError?.(e);
  };

  const expansion = expandInputs(options.paths);
  summary.files = expansion.files.length;
  summary.ignoredFiles = expansion.ignored;
  for (const e of expansion.errors) report(e);
  let bytesDone = 0;
  const bytesTotal = expansion.files.reduce((n, f) => n + f.size, 0);
  const state = (): ProgressState => ({
    articles: summary.articles,
    inserted: summary.inserted,
    replaced: summary.replaced,
    kept: summary.kept,
    failed: summary.failed,
    bytesDone,
    bytesTotal,
    elapsedMs: performance.now() - t0,
  });

  // Keys of the articles between reading and writing, so that a duplicate read meanwhile is not
  // analysed twice; with `reanalyze`, every key of the run (the archive check is skipped).
  const pending = new Set<string>();
  const keyOf = (a: SourceArticle | PrepareInput): string =>
    a.idGiven ? `i:${a.article.id}` : `h:${a.hash ?? ''}`;

  let buffer: { record: ArticleRecord; key: string }[] = [];
  let lastFlush = performance.now();
  let fatal: Error | null = null;

  const flush = (): void => {
    if (buffer.length === 0 || fatal) return;
    const batch = buffer;
    buffer = [];
    lastFlush = performance.now();
    let outcomes: (PutOutcome | Error)[];
    try {
      outcomes = store.putArticles(
        batch.map((b) => b.record),
        { replace },
      );
    } catch (e) {
      if (isFatal(e)) {
        fatal = e as Error;
        return;
      }
      // One bad record must not cost the batch: store them one by one.
      outcomes = batch.map((b) => {
        try {
          return store.putArticles([b.record], { replace })[0]!;
        } catch (e1) {
          if (isFatal(e1)) fatal ??= e1 as Error;
          return e1 as Error;
        }
      });
    }
    outcomes.forEach((o, i) => {
      const { record, key } = batch[i]!;
      if (!replace) pending.delete(key);
      if (o instanceof Error) {
        const origin = record.origin;
        report(ingestError('E_STORE', origin?.file ?? '?', o.message, origin?.line, record.article.id));
        return;
      }
      if (o === 'kept') {
        summary.kept++;
        return;
      }
      if (o === 'inserted') summary.inserted++;
      else summary.replaced++;
      summary.quotes += record.analysis.quotes.length;
      summary.entities += record.analysis.entities.length;
    });
  };

  const received = (items: PrepareInput[], results: WorkerResult[]): void => {
    results.forEach((r, i) => {
      const item = items[i]!;
      if (r.ok) {
        buffer.push({ record: r.record, key: keyOf(item) });
      } else {
        if (!replace) pending.delete(keyOf(item));
        report(ingestError('E_ANALYSIS', item.file, r.message, item.line, item.article.id));
      }
    });
    if (buffer.length >= batchSize || performance.now() - lastFlush >= flushMs) flush();
    options.progress?.update(state());
  };

  const pool: Pool = workers > 0 ? new WorkerPool({ workers }) : new InlinePool();
  const running = new Set<Promise<void>>();
  const dispatch = async (chunk: PrepareInput[]): Promise<void> => {
    await pool.ready();
    const p = pool.run(chunk).then((results) => received(chunk, results));
    running.add(p);
    void p.finally(() => running.delete(p));
  };

  try {
    let chunk: PrepareInput[] = [];
    for await (const item of readSources(expansion.files, {
      ...(options.maxTextChars !== undefined ? { maxTextChars: options.maxTextChars } : {}),
      onBytes: (n) => {
        bytesDone += n;
      },
    })) {
      if (fatal) break;
      if (!item.ok) {
        report(item.error);
        continue;
      }
      summary.articles++;
      const key = keyOf(item);
      if (pending.has(key)) {
        summary.kept++;
        continue;
      }
      if (!replace && store.findArticle(item.idGiven ? item.article.id : null, item.hash ?? '')) {
        summary.kept++;
        options.progress?.update(state());
        continue;
      }
      pending.add(key);
      const input: PrepareInput = {
        article: item.article,
        idGiven: item.idGiven,
        hash: item.hash,
        file: item.file,
      };
      if (item.line !== undefined) input.line = item.line;
      chunk.push(input);
      if (chunk.length >= chunkSize) {
        await dispatch(chunk);
        chunk = [];
      }
      if (performance.now() - lastFlush >= flushMs) flush();
    }
    if (chunk.length > 0 && !fatal) await dispatch(chunk);
    while (running.size > 0) await Promise.all([...running]);
    flush();
  } finally {
    await pool.close();
    options.progress?.done();
  }
  if (fatal) throw new StoreFailure(`the archive ${store.location} failed: ${(fatal as Error).message}`);

  summary.seconds = (performance.now() - t0) / 1000;
  summary.articlesPerSecond = summary.seconds > 0 ? summary.articles / summary.seconds : 0;
  summary.peakRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
  summary.archive = store.counts();
  return summary;
}

function isFatal(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && FATAL_SQLITE.test(code);
}
