// A worker thread of the ingest pool: receives batches of articles, answers with their records
// (or, article by article, the reason the analysis failed).

import { parentPort } from 'node:worker_threads';

import { prepare, type PrepareInput } from './prepare.js';
import type { WorkerRequest, WorkerResponse, WorkerResult } from './pool.js';

if (!parentPort) throw new Error('ingest/worker.js must run as a worker thread');
const port = parentPort;

port.on('message', (req: WorkerRequest) => {
  const results: WorkerResult[] = req.items.map((item: PrepareInput) => {
    try {
      return { ok: true, record: prepare(item) };
    } catch (e) {
      return { ok: false, message: e instanceof Error ? e.message : String(e) };
    }
  });
  const res: WorkerResponse = { seq: req.seq, results };
  port.postMessage(res);
});
