// Work on worker threads, so that the main thread keeps answering HTTP: searches (each worker has
// its own connection to the archive; SQLite in WAL mode: readers never block each other) and
// analyses of posted articles (a long text takes seconds). A job goes to the worker with the
// fewest jobs in flight; a worker that dies fails its jobs and is replaced.

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

/** The messages of a worker of the pool: `{id, input}` in, `{id, output}` or `{id, error}` out. */
export interface JobReply<O> {
  id: number;
  output?: O;
  error?: { message: string; query: boolean };
}

export class WorkerPool<I, O> {
  readonly #slots: Slot<O>[] = [];
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
    });
    const fail = (e: Error): void => {
      for (const p of slot.pending.values()) p.reject(e);
      slot.pending.clear();
      if (!this.#closed) {
        const i = this.#slots.indexOf(slot);
        if (i !== -1) this.#slots[i] = this.#spawn();
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
    let slot = this.#slots[0]!;
    for (const s of this.#slots) if (s.pending.size < slot.pending.size) slot = s;
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, input });
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
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
