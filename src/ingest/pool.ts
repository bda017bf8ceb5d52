// A pool of worker threads running ingest/prepare.ts. Batches go to the least busy worker; each
// worker holds at most `perWorker` batches, so that reading waits for analysis (memory stays
// flat whatever the input size). A worker that dies or hangs fails its batches (the articles are
// reported, not lost silently) and is replaced.

import { Worker, type ResourceLimits } from 'node:worker_threads';

import type { ArticleRecord } from '../store/store.js';
import type { PrepareInput } from './prepare.js';

export interface WorkerRequest {
  seq: number;
  items: PrepareInput[];
}

export type WorkerResult = { ok: true; record: ArticleRecord } | { ok: false; message: string };

export interface WorkerResponse {
  seq: number;
  results: WorkerResult[];
}

export interface Pool {
  /** Resolves when a batch can be submitted without exceeding the pool's capacity. */
  ready(): Promise<void>;
  /** Runs a batch; resolves with one result per item, in order. Never rejects. */
  run(items: PrepareInput[]): Promise<WorkerResult[]>;
  close(): Promise<void>;
}

/** Runs batches in the calling thread (`--workers 0`). */
export class InlinePool implements Pool {
  async ready(): Promise<void> {}

  async run(items: PrepareInput[]): Promise<WorkerResult[]> {
    // Loaded on first use: the main thread of a worker-pool ingest never needs the analysis.
    const { prepare } = await import('./prepare.js');
    return items.map((item) => {
      try {
        return { ok: true, record: prepare(item) };
      } catch (e) {
        return { ok: false, message: e instanceof Error ? e.message : String(e) };
      }
    });
  }

  async close(): Promise<void> {}
}

interface Job {
  seq: number;
  items: PrepareInput[];
  resolve: (r: WorkerResult[]) => void;
  timer: NodeJS.Timeout | null;
}

interface Slot {
  worker: Worker;
  jobs: Map<number, Job>;
}

export interface WorkerPoolOptions {
  workers: number;
  /** Batches queued per worker. Default 2: one running, one waiting. */
  perWorker?: number;
  /** A batch taking longer than this fails and its worker is replaced. Default 5 minutes. */
  batchTimeoutMs?: number;
}

const WORKER_URL = new URL('./worker.js', import.meta.url);
/**
 * Heap limits of a worker: a small young generation and a capped old one keep the process's
 * memory flat over long runs (an analysis needs a few MB; a 1,000,000-character article ~80 MB).
 */
const WORKER_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 128 };

export class WorkerPool implements Pool {
  readonly #slots: Slot[] = [];
  readonly #perWorker: number;
  readonly #timeoutMs: number;
  #seq = 0;
  #waiters: (() => void)[] = [];
  #closed = false;

  constructor(options: WorkerPoolOptions) {
    this.#perWorker = options.perWorker ?? 2;
    this.#timeoutMs = options.batchTimeoutMs ?? 5 * 60_000;
    for (let i = 0; i < Math.max(1, options.workers); i++) this.#slots.push(this.#spawn());
  }

  #spawn(): Slot {
    const slot: Slot = { worker: new Worker(WORKER_URL, { resourceLimits: WORKER_LIMITS }), jobs: new Map() };
    slot.worker.on('message', (res: WorkerResponse) => {
      const job = slot.jobs.get(res.seq);
      if (!job) return;
      this.#finish(slot, job, res.results);
    });
    slot.worker.on('error', (e) => this.#fail(slot, `worker error: ${e.message}`));
    slot.worker.on('exit', (code) => {
      if (!this.#closed) this.#fail(slot, `worker exited with code ${code}`);
    });
    return slot;
  }

  #finish(slot: Slot, job: Job, results: WorkerResult[]): void {
    if (job.timer) clearTimeout(job.timer);
    slot.jobs.delete(job.seq);
    job.resolve(results);
    this.#wake();
  }

  /** Fails every batch of a dead or hung worker, and replaces it. */
  #fail(slot: Slot, message: string): void {
    const i = this.#slots.indexOf(slot);
    if (i === -1) return;
    for (const job of [...slot.jobs.values()]) {
      this.#finish(
        slot,
        job,
        job.items.map(() => ({ ok: false, message })),
      );
    }
    void slot.worker.terminate();
    if (!this.#closed) this.#slots[i] = this.#spawn();
    else this.#slots.splice(i, 1);
    this.#wake();
  }

  #wake(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const w of waiters) w();
  }

  #free(): Slot | null {
    let best: Slot | null = null;
    for (const s of this.#slots) {
      if (s.jobs.size < this.#perWorker && (!best || s.jobs.size < best.jobs.size)) best = s;
    }
    return best;
  }

  async ready(): Promise<void> {
    while (!this.#free()) await new Promise<void>((r) => this.#waiters.push(r));
  }

  async run(items: PrepareInput[]): Promise<WorkerResult[]> {
    await this.ready();
    const slot = this.#free()!;
    const seq = ++this.#seq;
    return new Promise<WorkerResult[]>((resolve) => {
      const job: Job = { seq, items, resolve, timer: null };
      job.timer = setTimeout(
        () => this.#fail(slot, `analysis took more than ${Math.round(this.#timeoutMs / 1000)} s`),
        this.#timeoutMs,
      );
      slot.jobs.set(seq, job);
      const req: WorkerRequest = { seq, items };
      slot.worker.postMessage(req);
    });
  }

  /** Waits for the running batches, then stops the workers. */
  async close(): Promise<void> {
    while (this.#slots.some((s) => s.jobs.size > 0)) await new Promise<void>((r) => this.#waiters.push(r));
    this.#closed = true;
    await Promise.all(this.#slots.map((s) => s.worker.terminate()));
    this.#slots.length = 0;
  }
}
