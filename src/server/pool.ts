// Work on worker threads, so that the main thread keeps answering HTTP: searches (each worker has
// its own connection to the archive; SQLite in WAL mode: readers never block each other) and
// analyses of posted articles (a long text takes seconds). Jobs wait in one queue, and a worker
// takes the next when it is done with its job: a slow job delays no other, where assigning jobs to
// workers on arrival would delay all those queued behind it (under 50 concurrent searches, 25 per
// worker). The message round trip between two jobs (tens of microseconds) is the price.
//
// A job may name a key (a search's words and filters, not its page): jobs of one key go to the
// same worker when it is free or soon free, because each worker's connection keeps the counts of
// the searches it ran (SqliteStore), and a search counted on one worker and repeated on the other
// costs about 1.6 times as much. A job goes to its key's worker when that one is free; a free
// worker takes the oldest job of its own keys among the first AFFINITY_LOOKAHEAD queued, else
// the oldest job. A worker that dies fails its job and is replaced.

import { Worker } from 'node:worker_threads';

import { QueryError } from '../query/errors.js';
import type { SearchParams, SearchResult } from '../query/search.js';
import type { Analysis, Article } from '../types.js';

interface Pending<O> {
  resolve: (r: O) => void;
  reject: (e: Error) => void;
}

interface Slot<O> {
  worker: Worker;
  pending: Map<number, Pending<O>>;
}

interface Queued<I, O> extends Pending<O> {
  id: number;
  input: I;
  /** The worker this job's key belongs to, or -1. */
  home: number;
}

/**
 * Jobs a worker holds at most: the one it runs and the next, sent ahead so that it never waits for
 * the main thread between two jobs (which, answering HTTP meanwhile, can take a while).
 */
const MAX_IN_FLIGHT = 2;

/** How far down the queue a free worker looks for a job of its own keys. */
const AFFINITY_LOOKAHEAD = 8;

/** FNV-1a hash of a string: which worker a key belongs to. */
function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The messages of a worker of the pool: `{id, input}` in, `{id, output}` or `{id, error}` out. */
export interface JobReply<O> {
  id: number;
  output?: O;
  error?: { message: string; query: boolean };
}

export class WorkerPool<I, O> {
  readonly #slots: Slot<O>[] = [];
  /** Jobs not sent yet, oldest first (at most a few dozen: one per waiting request). */
  readonly #queue: Queued<I, O>[] = [];
  #next = 0;
  #closed = false;

  constructor(
    private readonly file: URL,
    private readonly data: unknown,
    size: number,
  ) {
    for (let i = 0; i < size; i++) this.#slots.push(this.#spawn());
  }

  get size(): number {
    return this.#slots.length;
  }

  #spawn(): Slot<O> {
    const worker = new Worker(this.file, { workerData: this.data });
    const slot: Slot<O> = { worker, pending: new Map() };
    worker.on('message', (m: JobReply<O>) => {
      const p = slot.pending.get(m.id);
      if (!p) return;
      slot.pending.delete(m.id);
      if (m.error) p.reject(m.error.query ? new QueryError(m.error.message) : new Error(m.error.message));
      else p.resolve(m.output!);
      this.#dispatch();
    });
    const fail = (e: Error): void => {
      for (const p of slot.pending.values()) p.reject(e);
      slot.pending.clear();
      if (!this.#closed) {
        const i = this.#slots.indexOf(slot);
        if (i !== -1) this.#slots[i] = this.#spawn();
        this.#dispatch();
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!this.#closed) fail(new Error(`worker exited (${code})`));
    });
    return slot;
  }

  /** Runs `input` on a worker; jobs of the same `key` go to the same worker where they can. */
  run(input: I, key?: string): Promise<O> {
    if (this.#closed) return Promise.reject(new Error('worker pool closed'));
    const id = this.#next++;
    const home = key === undefined ? -1 : hashKey(key) % this.#slots.length;
    return new Promise((resolve, reject) => {
      this.#queue.push({ id, input, resolve, reject, home });
      this.#dispatch();
    });
  }

  /** Jobs waiting, not yet sent to a worker. */
  get queued(): number {
    return this.#queue.length;
  }

  /**
   * Sends queued jobs to the workers with room: the oldest job (of the first AFFINITY_LOOKAHEAD)
   * whose worker has room goes there, else the oldest job to the worker with the most room. Idle
   * workers are served before those that would queue a second job.
   */
  #dispatch(): void {
    for (let load = 0; load < MAX_IN_FLIGHT; load++) {
      const has = (w: number): boolean => this.#slots[w]!.pending.size <= load;
      while (this.#queue.length > 0) {
        const any = this.#slots.findIndex((_, w) => has(w));
        if (any === -1) break;
        let k = 0;
        let w = any;
        const end = Math.min(this.#queue.length, AFFINITY_LOOKAHEAD);
        for (let i = 0; i < end; i++) {
          const home = this.#queue[i]!.home;
          if (home !== -1 && has(home)) {
            k = i;
            w = home;
            break;
          }
        }
        const job = this.#queue.splice(k, 1)[0]!;
        const slot = this.#slots[w]!;
        slot.pending.set(job.id, { resolve: job.resolve, reject: job.reject });
        slot.worker.postMessage({ id: job.id, input: job.input });
      }
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    const error = new Error('worker pool closed');
    for (const job of this.#queue) job.reject(error);
    this.#queue.length = 0;
    for (const slot of this.#slots) {
      for (const p of slot.pending.values()) p.reject(error);
      slot.pending.clear();
    }
    await Promise.all(this.#slots.map((s) => s.worker.terminate()));
  }
}

/** Searches of the archive file `db` on `size` threads (search-worker.ts). */
export function searchPool(db: string, size: number): WorkerPool<SearchParams, SearchResult> {
  return new WorkerPool(new URL('./search-worker.js', import.meta.url), { db }, size);
}

/** analyze() on `size` threads (analyze-worker.ts). */
export function analyzePool(size: number): WorkerPool<Article, Analysis> {
  return new WorkerPool(new URL('./analyze-worker.js', import.meta.url), null, size);
}
