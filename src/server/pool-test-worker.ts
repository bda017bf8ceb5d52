// A worker for pool.test.ts: answers `{ms, tag}` with its tag after busy-waiting `ms` (a job that
// holds its thread, as a search does); `{who: true}` with its thread id.

import { parentPort, threadId } from 'node:worker_threads';

parentPort!.on('message', (m: { id: number; input: { ms: number; tag: string; who?: boolean } }) => {
  if (m.input.who) {
    parentPort!.postMessage({ id: m.id, output: String(threadId) });
    return;
  }
  const until = Date.now() + m.input.ms;
  while (Date.now() < until) {
    // busy: the thread is held, as by a synchronous SQLite query
  }
  parentPort!.postMessage({ id: m.id, output: m.input.tag });
});
