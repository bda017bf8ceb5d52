// Benchmark sections of the archive (listed in src/bench/bench.ts):
// - `ingest`: the dev corpus ingested by `verbatim ingest --workers 2` in a child process, into a
//   fresh archive, FTS included: articles/s and the child's peak RSS.
// - `archive` (opt-in, VERBATIM_BENCH_ARCHIVE=1): a 100,000-article archive built by replicating
//   the dev corpus with new ids (artifacts/archive-100k-schema<N>.db, built once and reused), then the
//   latency of 200 mixed searches and of 50 quote questions on it.
// - `ingest-memory` (opt-in, same variable): peak RSS of `verbatim ingest` on 10x the corpus
//   (artifacts/corpus-x10.jsonl, new ids) against 1x, each in its own child process.

import { spawnSync } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { analyze } from '../analyze.js';
import type { BenchContext, BenchRow, BenchSection } from '../bench/bench.js';
import { findQuotes } from '../query/questions.js';
import { search } from '../query/search.js';
import { LATEST_VERSION } from '../store/migrations.js';
import { openSqliteStore } from '../store/sqlite.js';
import type { ArticleRecord } from '../store/store.js';
import type { Article } from '../types.js';
import { textHash } from './normalize.js';
import { indexTexts } from './prepare.js';
import { rng } from './synthetic.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = path.join(ROOT, 'dist/cli/main.js');
const ARTIFACTS = path.join(ROOT, 'artifacts');
export const ARCHIVE_ARTICLES = 100_000;

export const heavyEnabled = (): boolean =>
  /^(1|true|yes)$/i.test(process.env['VERBATIM_BENCH_ARCHIVE'] ?? '');

const round = (v: number, d = 2): number => Number(v.toFixed(d));

interface IngestRun {
  articles: number;
  inserted: number;
  quotes: number;
  seconds: number;
  articlesPerSecond: number;
  peakRssMB: number;
  failed: number;
}

/** `verbatim ingest FILE --db DB --workers N --json` in a child process; its summary. */
function ingestChild(file: string, db: string, workers: number): IngestRun {
  const r = spawnSync(
    process.execPath,
    [MAIN, 'ingest', file, '--db', db, '--workers', String(workers), '--json'],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (r.status !== 0 && r.status !== 1) {
    throw new Error(`ingest child failed (${r.status ?? r.signal}): ${r.stderr.slice(0, 2000)}`);
  }
  return JSON.parse(r.stdout) as IngestRun;
}

/** The corpus file to ingest: the corpus itself, or its first `limit` lines. */
function corpusFile(ctx: BenchContext, tmp: string): string {
  if (ctx.limit === null) return ctx.corpusPath;
  const file = path.join(tmp, 'corpus.jsonl');
  const lines = ctx.corpus().articles.map((a) => JSON.stringify({ ...a, date: a.date?.value ?? null }));
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

export const ingestSection: BenchSection = {
  name: 'ingest',
  run(ctx) {
    const tmp = mkdtempSync(path.join(tmpdir(), 'verbatim-bench-'));
    try {
      const file = corpusFile(ctx, tmp);
      const bytes = statSync(file).size;
      const rows: BenchRow[] = [];
      for (const workers of [2]) {
        const db = path.join(tmp, `ingest-${workers}.db`);
        const r = ingestChild(file, db, workers);
        rows.push({
          name: `verbatim ingest, ${workers} workers, FTS (child)`,
          articles: r.inserted,
          mb: round(bytes / 1e6, 3),
          seconds: round(r.seconds, 3),
          articlesPerSecond: round(r.articlesPerSecond, 1),
          mbPerSecond: round(bytes / 1e6 / r.seconds, 2),
          extra: {
            quotes: r.quotes,
            'peak RSS MB': r.peakRssMB,
            'db MB': round(statSync(db).size / 1e6, 1),
            target: '>= 300 articles/s',
          },
        });
      }
      // A second run over the same archive: everything is already stored.
      const again = ingestChild(file, path.join(tmp, 'ingest-2.db'), 2);
      rows.push({
        name: 'again, same archive (all already stored)',
        articles: again.articles,
        seconds: round(again.seconds, 3),
        articlesPerSecond: round(again.articlesPerSecond, 0),
        extra: { new: again.inserted },
      });
      return rows;
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  },
};

/** Builds the replicated archive: the corpus analysed once, stored again and again with new ids. */
function buildArchive(ctx: BenchContext, file: string, target: number): { seconds: number } {
  const t0 = performance.now();
  const articles = ctx.corpus().articles;
  const prepared = articles.map((a) => {
    const analysis = analyze(a);
    return { article: a, analysis, index: indexTexts(a, analysis.quotes), hash: textHash(a.text) };
  });
  const partial = `${file}.partial`;
  // A fresh checkout has no artifacts folder yet.
  mkdirSync(path.dirname(file), { recursive: true });
  rmSync(partial, { force: true });
  const store = openSqliteStore(partial);
  try {
    store.db.pragma('synchronous = OFF');
    let n = 0;
    for (let copy = 0; n < target; copy++) {
      let batch: ArticleRecord[] = [];
      for (const p of prepared) {
        if (n >= target) break;
        const id = copy === 0 ? p.article.id : `${p.article.id}~${copy}`;
        const article: Article = { ...p.article, id };
        batch.push({
          article,
          idGiven: true,
          hash: p.hash,
          origin: null,
          analysis: { ...p.analysis, id },
          index: p.index,
        });
        n++;
        if (batch.length === 2000) {
          store.putArticles(batch, { replace: false });
          batch = [];
        }
      }
      store.putArticles(batch, { replace: false });
    }
    console.log(`  built ${path.basename(file)}: ${n} articles`);
    store.db.exec("INSERT INTO articles_fts (articles_fts) VALUES ('optimize')");
    store.db.exec("INSERT INTO quotes_fts (quotes_fts) VALUES ('optimize')");
    store.db.exec('ANALYZE');
  } finally {
    store.close();
  }
  renameSync(partial, file);
  return { seconds: (performance.now() - t0) / 1000 };
}

/** 200 searches of mixed shapes: common and rare words, pairs, phrases, accents, elisions, filters. */
export function mixedSearches(
  texts: readonly string[],
  count = 200,
  seed = 7,
): { text: string; from?: string; to?: string; source?: string }[] {
  const r = rng(seed);
  const vocab = new Map<string, number>();
  for (const t of texts) {
    for (const m of t.matchAll(/\p{L}{4,}/gu)) {
      const w = m[0].toLowerCase();
      vocab.set(w, (vocab.get(w) ?? 0) + 1);
    }
  }
  // Words by frequency band: common (top 300), middle, rare (seen 3-10 times).
  const ranked = [...vocab].sort((a, b) => b[1] - a[1]).map(([w]) => w);
  const common = ranked.slice(20, 320);
  const middle = ranked.slice(320, 5000);
  const rare = [...vocab].filter(([, n]) => n >= 3 && n <= 10).map(([w]) => w);
  const pick = (xs: readonly string[]): string => xs[Math.floor(r() * xs.length)]!;
  const fixed = [
    'gilets jaunes violences',
    'financements communs',
    'defense otan',
    "d'euros",
    'Macron',
    '"prix du carburant"',
    'manifestants police',
    'retraites réforme',
    'élections européennes',
    'pouvoir d’achat',
  ];
  const out: { text: string; from?: string; to?: string; source?: string }[] = [];
  for (let i = 0; i < count; i++) {
    const k = i % 10;
    let text: string;
    if (k === 0) text = fixed[(i / 10) % fixed.length]!;
    else if (k <= 2) text = pick(common);
    else if (k <= 4) text = pick(middle);
    else if (k === 5) text = pick(rare);
    else if (k <= 7) text = `${pick(middle)} ${pick(common)}`;
    else if (k === 8) text = `${pick(middle)} ${pick(middle)} ${pick(rare)}`;
    else text = `"${pick(common)} ${pick(common)}"`;
    const q: { text: string; from?: string; to?: string; source?: string } = { text };
    if (i % 7 === 3) {
      q.from = '2018-12';
      q.to = '2019-02';
    }
    if (i % 11 === 5) q.source = 'figaro';
    out.push(q);
  }
  return out;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function latencyRow(name: string, ms: number[], extra: Record<string, number | string>): BenchRow {
  const s = [...ms].sort((a, b) => a - b);
  return {
    name,
    extra: {
      n: s.length,
      'p50 ms': round(percentile(s, 50), 2),
      'p95 ms': round(percentile(s, 95), 2),
      'max ms': round(s[s.length - 1] ?? NaN, 1),
      ...extra,
    },
  };
}

export const archiveSection: BenchSection = {
  name: 'archive',
  run(ctx) {
    if (!heavyEnabled()) {
      return [
        { name: 'skipped: set VERBATIM_BENCH_ARCHIVE=1 (builds a 100,000-article archive once, ~3 min)' },
      ];
    }
    // Named by schema version: an archive of an older schema is not reused.
    const file = path.join(ARTIFACTS, `archive-${ARCHIVE_ARTICLES / 1000}k-schema${LATEST_VERSION}.db`);
    const rows: BenchRow[] = [];
    if (!existsSync(file)) {
      const { seconds } = buildArchive(ctx, file, ARCHIVE_ARTICLES);
      rows.push({
        name: 'build (analysis once, stored 25x with new ids)',
        articles: ARCHIVE_ARTICLES,
        seconds: round(seconds, 1),
        articlesPerSecond: round(ARCHIVE_ARTICLES / seconds, 0),
      });
    }
    const store = openSqliteStore(file, { mustExist: true });
    try {
      const counts = store.counts();
      rows.push({
        name: `archive ${path.relative(ROOT, file)}`,
        articles: counts.articles,
        extra: {
          quotes: counts.quotes,
          entities: counts.entities,
          'db MB': round(statSync(file).size / 1e6, 0),
        },
      });
      const queries = mixedSearches(ctx.corpus().articles.map((a) => a.text));
      // Warm-up: the first queries read the index pages from disk.
      for (const q of queries.slice(0, 20)) search(store, { ...q, limit: 10 });
      // Not the garbage of the sections before.
      (globalThis as { gc?: () => void }).gc?.();
      const ms: number[] = [];
      let hits = 0;
      for (const q of queries) {
        const t0 = performance.now();
        const r = search(store, { ...q, limit: 10 });
        ms.push(performance.now() - t0);
        hits += r.articles.hits.length + r.quotes.hits.length;
      }
      rows.push(
        latencyRow('200 mixed searches (articles + quotes, counts, snippets)', ms, {
          'results shown': hits,
          target: 'p95 < 20 ms',
        }),
      );
      const speakers = [
        'Macron',
        'Castaner',
        'Philippe',
        'Le Pen',
        'Mélenchon',
        'Trump',
        'Merkel',
        'Drouet',
        'Griveaux',
        'Darmanin',
      ];
      const about = [
        'violences',
        'retraites',
        'impôts',
        'Europe',
        'police',
        'démission',
        'débat',
        'carburant',
        'élections',
        'grand débat',
      ];
      const qms: number[] = [];
      for (let i = 0; i < 50; i++) {
        const p =
          i % 2 === 0
            ? { speaker: speakers[i % 10]! }
            : { speaker: speakers[i % 10]!, about: about[i % 10]! };
        const t0 = performance.now();
        findQuotes(store, { ...p, limit: 20 });
        qms.push(performance.now() - t0);
      }
      rows.push(latencyRow('50 quote questions (--speaker [--about])', qms, {}));
    } finally {
      store.close();
    }
    return rows;
  },
};

/** artifacts/corpus-x10.jsonl: the corpus 10 times, new ids each time. */
function tenTimes(ctx: BenchContext): Promise<string> {
  const file = path.join(ARTIFACTS, 'corpus-x10.jsonl');
  if (existsSync(file)) return Promise.resolve(file);
  const partial = `${file}.partial`;
  mkdirSync(ARTIFACTS, { recursive: true });
  const out = createWriteStream(partial);
  for (let k = 0; k < 10; k++) {
    for (const a of ctx.corpus().articles) {
      out.write(JSON.stringify({ ...a, id: `${a.id}~x${k}`, date: a.date?.value ?? null }) + '\n');
    }
  }
  return new Promise((resolve, reject) => {
    out.on('error', reject);
    out.end(() => {
      renameSync(partial, file);
      resolve(file);
    });
  });
}

export const ingestMemorySection: BenchSection = {
  name: 'ingest-memory',
  async run(ctx) {
    if (!heavyEnabled()) {
      return [{ name: 'skipped: set VERBATIM_BENCH_ARCHIVE=1 (ingests 10x the corpus, ~2 min)' }];
    }
    const x10 = await tenTimes(ctx);
    const tmp = mkdtempSync(path.join(tmpdir(), 'verbatim-bench-'));
    try {
      const one = corpusFile(ctx, tmp);
      const rows: BenchRow[] = [];
      for (const [name, file] of [
        ['1x corpus', one],
        ['10x corpus', x10],
      ] as const) {
        const r = ingestChild(file, path.join(tmp, `${name}.db`), 2);
        rows.push({
          name: `ingest ${name}, 2 workers (child)`,
          articles: r.inserted,
          mb: round(statSync(file).size / 1e6, 1),
          seconds: round(r.seconds, 1),
          articlesPerSecond: round(r.articlesPerSecond, 0),
          extra: { 'peak RSS MB': r.peakRssMB, target: 'flat, < 400 MB' },
        });
      }
      return rows;
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  },
};
