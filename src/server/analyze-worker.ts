// The analysis worker of the server (pool.ts): `POST /analyze` runs analyze() here, so that a long
// text (a megabyte takes seconds) never holds up the searches and pages of the main thread.

import { parentPort } from 'node:worker_threads';

import { analyze } from '../analyze.js';
import type { Article } from '../types.js';

parentPort!.on('message', (m: { id: number; input: Article }) => {
  try {
    parentPort!.postMessage({ id: m.id, output: analyze(m.input) });
  } catch (e) {
    parentPort!.postMessage({
      id: m.id,
      error: { message: e instanceof Error ? e.message : String(e), query: false },
    });
  }
});
