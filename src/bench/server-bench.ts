// Load test of `verbatim serve`: `npm run bench:server` (node dist/bench/server-bench.js).
// Builds (once) or reuses the 100,000-article archive of the archive benchmark
// (artifacts/archive-100k-schema<N>.db: the dev corpus stored 25 times with new ids, see
// src/ingest/bench-archive.ts), starts the server on it in a child process on a free loopback
// port, and runs autocannon against /api/search with varied queries (common and rare words,
// pairs, phrases, date and source filters), 50 connections by default: first one pass over the
// distinct searches (each new to the server), then the timed run (the steady state: searches seen
// before). Prints p50/p90/p99 latency, requests per second and errors of both, and writes
// artifacts/server-bench.json.
//
// Options: --connections N (50), --duration S (30), --queries N (distinct queries, 2000),
// --rate R (requests per second over all connections; default: as fast as the server answers),
// --archive FILE (an existing archive instead of the 100k one), --workers N (the server's search
// threads; default: its own, the number of cores), --cache N (the server's search cache; default
// 0: every search computed), --zipf S (draw the queries with Zipf's law of exponent S, popular
// searches repeated, instead of cycling through all of them in turn).

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

import autocannon from 'autocannon';

import { ARCHIVE_ARTICLES, archiveSection, mixedSearches } from '../ingest/bench-archive.js';
import { rng } from '../ingest/synthetic.js';
import { LATEST_VERSION } from '../store/migrations.js';
import { formatSection, loadCorpus, type BenchContext, type LoadedCorpus } from './bench.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = path.join(ROOT, 'dist/cli/main.js');
const ARTIFACTS = path.join(ROOT, 'artifacts');
const CORPUS =
  process.env['VERBATIM_CORPUS'] ??
  fileURLToPath(new URL('../../../shared/corpus/dev/articles.jsonl', import.meta.url));

const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '50' },
    duration: { type: 'string', default: '30' },
    queries: { type: 'string', default: '2000' },
    rate: { type: 'string' },
    archive: { type: 'string' },
    workers: { type: 'string' },
    cache: { type: 'string', default: '0' },
    zipf: { type: 'string' },
  },
});
const connections = Number(values.connections);
const duration = Number(values.duration);
const queryCount = Number(values.queries);
const rate = values.rate !== undefined ? Number(values.rate) : undefined;

let corpus: LoadedCorpus | null = null;
const ctx: BenchContext = {
  corpusPath: CORPUS,
  limit: null,
  corpus: () => (corpus ??= loadCorpus(CORPUS, null)),
  results: new Map(),
};

/** The archive: given, or the 100k one (built by the archive section when missing). */
async function archiveFile(): Promise<string> {
  if (values.archive !== undefined) return path.resolve(values.archive);
  const file = path.join(ARTIFACTS, `archive-${ARCHIVE_ARTICLES / 1000}k-schema${LATEST_VERSION}.db`);
  if (!existsSync(file)) {
    console.log(`building ${path.relative(ROOT, file)} (once; a few minutes)...`);
    process.env['VERBATIM_BENCH_ARCHIVE'] = '1';
    const rows = await archiveSection.run(ctx);
    console.log(formatSection('archive (in-process search latency)', rows) + '\n');
  }
  return file;
}

function startServer(db: string): Promise<{ child: ChildProcess; url: string }> {
  const args = [MAIN, 'serve', '--db', db, '--port', '0', '--json'];
  if (values.workers !== undefined) args.push('--workers', values.workers);
  args.push('--cache', values.cache);
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const nl = out.indexOf('\n');
      if (nl !== -1) resolve({ child, url: (JSON.parse(out.slice(0, nl)) as { url: string }).url });
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code})`)));
  });
}

function searchPath(q: { text: string; from?: string; to?: string; source?: string }): string {
  const u = new URLSearchParams({ q: q.text, limit: '10' });
  if (q.from) u.set('from', q.from);
  if (q.to) u.set('to', q.to);
  if (q.source) u.set('source', q.source);
  return `/api/search?${u.toString()}`;
}

async function main(): Promise<void> {
  const db = await archiveFile();
  const queries = mixedSearches(
    ctx.corpus().articles.map((a) => a.text),
    queryCount,
    11,
  ).map(searchPath);
  const distinct = new Set(queries).size;
  const { child, url } = await startServer(db);
  const base = url.replace(/\/$/, '');
  try {
    // Warm-up: the first requests read the index pages from disk.
    for (const p of queries.slice(0, 100)) await (await fetch(base + p)).arrayBuffer();
    // The first pass: each distinct search once, every one new to the server (counted, then ranked),
    // at the same concurrency; reported on its own. The timed run after it is the steady state of
    // a server that has been up a while: searches seen before, their counts kept (SqliteStore).
    let first = 0;
    const unique = [...new Set(queries)];
    const cold = await autocannon({
      url: base,
      connections,
      amount: unique.length,
      requests: [
        { method: 'GET', setupRequest: (req) => ({ ...req, path: unique[first++ % unique.length]! }) },
      ],
    });
    const c = cold.latency;
    console.log(
      `first pass, ${unique.length} searches each new to the server: ${cold.requests.average.toFixed(0)}/s  latency ms: p50 ${c.p50}  p90 ${c.p90}  p99 ${c.p99}  max ${c.max}  errors ${cold.errors}  non-2xx ${cold.non2xx}`,
    );
    let i = 0;
    let next = (): string => queries[i++ % queries.length]!;
    if (values.zipf !== undefined) {
      // Query k (from 1) drawn with probability proportional to 1 / k^s.
      const s = Number(values.zipf);
      const cumulative: number[] = [];
      let sum = 0;
      for (let k = 1; k <= queries.length; k++) cumulative.push((sum += 1 / k ** s));
      const random = rng(5);
      next = () => {
        const x = random() * sum;
        let lo = 0;
        let hi = cumulative.length - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (cumulative[mid]! < x) lo = mid + 1;
          else hi = mid;
        }
        return queries[lo]!;
      };
    }
    console.log(
      `autocannon: ${connections} connections, ${duration} s, ${distinct} distinct searches ${values.zipf !== undefined ? `drawn by Zipf's law (s = ${values.zipf})` : 'cycled'}, server cache ${values.cache}${rate ? `, ${rate} requests/s in all` : ', no pause between requests'}; server ${base} on ${path.relative(ROOT, db)}`,
    );
    const result = await autocannon({
      url: base,
      connections,
      duration,
      ...(rate ? { overallRate: rate } : {}),
      requests: [
        {
          method: 'GET',
          setupRequest: (req) => ({ ...req, path: next() }),
        },
      ],
    });
    const l = result.latency;
    const summary = {
      date: new Date().toISOString(),
      archive: path.relative(ROOT, db),
      connections,
      durationSeconds: duration,
      rate: rate ?? null,
      serverCache: Number(values.cache),
      zipf: values.zipf !== undefined ? Number(values.zipf) : null,
      distinctQueries: distinct,
      requests: result.requests.total,
      requestsPerSecond: result.requests.average,
      latencyMs: { p50: l.p50, p90: l.p90, p97_5: l.p97_5, p99: l.p99, max: l.max, mean: l.average },
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      target: 'p99 < 100 ms, no errors',
      firstPass: {
        requests: cold.requests.total,
        requestsPerSecond: cold.requests.average,
        latencyMs: { p50: c.p50, p90: c.p90, p99: c.p99, max: c.max, mean: c.average },
        errors: cold.errors,
        non2xx: cold.non2xx,
      },
    };
    console.log(
      `steady state: requests ${summary.requests} (${summary.requestsPerSecond.toFixed(0)}/s)  latency ms: p50 ${l.p50}  p90 ${l.p90}  p99 ${l.p99}  max ${l.max}  errors ${result.errors}  timeouts ${result.timeouts}  non-2xx ${result.non2xx}`,
    );
    const ok = l.p99 < 100 && result.errors === 0 && result.non2xx === 0 && result.timeouts === 0;
    console.log(ok ? 'target met: p99 < 100 ms, no errors' : 'target NOT met (p99 < 100 ms, no errors)');
    mkdirSync(ARTIFACTS, { recursive: true });
    const out = path.join(ARTIFACTS, 'server-bench.json');
    writeFileSync(out, JSON.stringify(summary, null, 2) + '\n');
    console.log(`wrote ${path.relative(ROOT, out)}`);
  } finally {
    child.kill('SIGTERM');
  }
}

main().catch((e: unknown) => {
  console.error(`server-bench: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
