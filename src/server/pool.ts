// Work on worker threads, so that the main thread keeps answering HTTP: searches (each worker has
// its own connection to the archive; SQLite in WAL mode: readers never block each other) and
// analyses of posted articles (a long text takes seconds). Jobs wait in one queue, and a worker
// takes the next when it is done with its job: a slow job delays no other, where assigning jobs to
// workers on arrival would delay all those queued behind it (under 50 concurrent searches, 25 per
// worker). The message round trip between two jobs (tens of microseconds) is the price. A worker
// that dies fails its job and is replaced.

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
}


/** The messages of a worker of the pool: `{id, input}` in, `{id, output}` or `{id, error}` out. */
export interface JobReply<O> {
  id: number;
  output?: O;
  error?: { message: string; query: boolean };
}

export class WorkerPool<I, O> {
  readonly #slots: Slot<O>[] = [];
  readonly #queue: Queued<I, O>[] = [];
  /** The first job of #queue not sent yet (the array is compacted now and then). */
  #head = 0;
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

  run(input: I): Promise<O> {
    if (this.#closed) return Promise.reject(new Error('worker pool closed'));
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#queue.push({ id, input, resolve, reject });
      this.#dispatch();
    });
  }

  /** Jobs waiting, not yet sent to a worker. */
  get queued(): number {
    return this.#queue.length - this.#head;
  }

  /** Sends queued jobs, oldest first, to the idle workers. */
  #dispatch(): void {
    while (this.#head < this.#queue.length) {
      const slot = this.#slots.find((s) => s.pending.size === 0);
      if (slot === undefined) return;
      const job = this.#queue[this.#head++]!;
      slot.pending.set(job.id, { resolve: job.resolve, reject: job.reject });
      slot.worker.postMessage({ id: job.id, input: job.input });
    }
    this.#queue.length = 0;
    this.#head = 0;
  }

  async close(): Promise<void> {
    this.#closed = true;
    const error = new Error('worker pool closed');
    for (const job of this.#queue.slice(this.#head)) job.reject(error);
    this.#queue.length = 0;
    this.#head = 0;
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
