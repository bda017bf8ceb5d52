// A search worker of the server (pool.ts): its own read-only connection to the archive, running
// `search()` of the query layer for the main thread, one request at a time.

import { parentPort, workerData } from 'node:worker_threads';

import { QueryError } from '../query/errors.js';
import { search, type SearchParams } from '../query/search.js';
import { openStore } from '../store/open.js';

const { db } = workerData as { db: string };
const store = openStore(db, { mustExist: true });

parentPort!.on('message', (m: { id: number; input: SearchParams }) => {
  try {
    parentPort!.postMessage({ id: m.id, output: search(store, m.input) });
  } catch (e) {
    parentPort!.postMessage({
      id: m.id,
      error: { message: e instanceof Error ? e.message : String(e), query: e instanceof QueryError },
    });
  }
});
