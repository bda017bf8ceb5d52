// The archive in one SQLite file through better-sqlite3: WAL journal (readers never block the
// writer, and a process killed at any moment loses at most the transaction in progress), one
// transaction per batch of articles, full-text search with FTS5 over stemmed text.

import { existsSync } from 'node:fs';

import Database from 'better-sqlite3';

import { foldName, ftsMatch, indexText, stem, wordsOf, type SearchTerms } from '../query/french.js';
import type {
  Analysis,
  Article,
  DateFact,
  DatePrecision,
  Entity,
  Figure,
  Gender,
  Quote,
  QuoteKind,
  Speaker,
  SpeakerType,
} from '../types.js';
import { SCHEMA_VERSION } from '../types.js';
import { migrate } from './migrations.js';
import type {
  ArticleFilter,
  ArticleHit,
  ArticleListRow,
  ArticleRecord,
  DayRange,
  EntityFilter,
  EntityRow,
  ExistingArticle,
  FullTextOptions,
  GenderBucket,
  MonthStats,
  PutOutcome,
  QuoteFilter,
  QuoteRow,
  QuoteSearchFilter,
  SearchPage,
  SpeakerFilter,
  SpeakerProfileRow,
  SpeakerRow,
  StatsResult,
  Store,
  StoreCounts,
  StoredArticle,
} from './store.js';

export const DEFAULT_DB = 'verbatim.db';

export interface OpenOptions {
  /** Fail when the file does not exist (query commands), instead of creating an archive. */
  mustExist?: boolean;
  /** SQLite page cache, MB. Default 32 (queries); ingest uses less to keep its memory flat. */
  cacheMB?: number;
  /**
   * Memory-mapped reads, MB (SQLite's mmap_size, which SQLite caps at 2 GB). Default 2048, the
   * whole of a 100,000-article archive (~1.5 GB), for an archive that must exist
   * (the query commands and the server: pages are read in place, shared by every connection
   * through the OS page cache, no copy into each connection's page cache), 0 otherwise (ingest,
   * whose resident memory stays flat).
   */
  mmapMB?: number;
  /**
   * Rows kept in the recent full-text indexes (articles_recent_fts, quotes_recent_fts): at least
   * this many of the most recent, at most twice as many. Default RECENT_ROWS.
   */
  recent?: Record<FtsKind, number>;
}

type FtsKind = 'articles' | 'quotes';

/**
 * The recent indexes hold the 10,000 most recent articles and 100,000 most recent quotes (up to
 * twice as many between two prunings): a tenth of a 100,000-article archive.
 */
export const RECENT_ROWS: Readonly<Record<FtsKind, number>> = { articles: 10_000, quotes: 100_000 };

/** The archive is missing: `verbatim ingest` has not been run for this path. */
export class NoArchiveError extends Error {}

/** Opens (or creates) the archive at `file` and brings its schema up to date. */
export function openSqliteStore(file: string, options: OpenOptions = {}): SqliteStore {
  if (options.mustExist && file !== ':memory:' && !existsSync(file)) {
    throw new NoArchiveError(`no archive at ${file}: create it with 'verbatim ingest FILE... --db ${file}'`);
  }
  const db = new Database(file, { fileMustExist: options.mustExist ?? false });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 10000');
    db.pragma(`cache_size = -${Math.max(1, Math.round((options.cacheMB ?? 32) * 1000))}`);
    db.pragma('temp_store = MEMORY');
    const mmapMB = options.mmapMB ?? (options.mustExist ? 2048 : 0);
    if (mmapMB > 0) db.pragma(`mmap_size = ${Math.round(mmapMB * 1024 * 1024)}`);
    migrate(db);
  } catch (e) {
    db.close();
    throw e;
  }
  const store = new SqliteStore(db, file, options.recent ?? RECENT_ROWS);
  try {
    store.fillRecent();
  } catch (e) {
    db.close();
    throw e;
  }
  return store;
}

interface ArticleRowDb {
  pk: number;
  id: string;
  id_given: number;
  text_hash: string;
  source: string | null;
  url: string | null;
  title: string | null;
  date: string | null;
  date_precision: string | null;
  text: string;
  origin_file: string | null;
  origin_line: number | null;
  ingested_at: string;
}

interface QuoteRowDb {
  articleId: string;
  qid: string;
  date: string | null;
  date_precision: string | null;
  source: string | null;
  title: string | null;
  url: string | null;
  kind: string;
  start: number;
  end: number;
  text: string;
  cue_text: string | null;
  cue_lemma: string | null;
  speaker_name: string | null;
  speaker_type: string | null;
  gender: string | null;
  score?: number;
}

const QUOTE_COLUMNS = `a.id AS articleId, q.qid, a.date, a.date_precision, a.source, a.title, a.url,
  q.kind, q.start, q."end" AS "end", q.text, q.cue_text, q.cue_lemma, q.speaker_name, q.speaker_type,
  e.gender`;

/** FTS rowids: day number * 2^28 + article pk, day number * 2^32 + quote pk (all < 2^53). */
const ARTICLE_KEY = 2 ** 28;
const QUOTE_KEY = 2 ** 32;
const DAY_ZERO = Date.UTC(1000, 0, 1) / 86_400_000;

/** 0 for no date, else 1 + days since 1000-01-01 of an ISO day. */
export function dayNumber(day: string | null): number {
  if (day === null) return 0;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Math.max(1, Date.UTC(y, m - 1, d) / 86_400_000 - DAY_ZERO + 1);
}

export function articleKey(day: string | null, pk: number): number {
  if (pk >= ARTICLE_KEY) throw new RangeError(`the archive holds at most ${ARTICLE_KEY - 1} articles`);
  return dayNumber(day) * ARTICLE_KEY + pk;
}

export function quoteKey(day: string | null, pk: number): number {
  if (pk >= QUOTE_KEY) throw new RangeError(`the archive holds at most ${QUOTE_KEY - 1} quotes`);
  return dayNumber(day) * QUOTE_KEY + pk;
}

/** The FTS rowids of a day range (dated articles only when a bound is given). */
function keyRange(filter: DayRange, unit: number): { lo: number; hi: number } {
  const lo = filter.from !== undefined ? dayNumber(filter.from) * unit : filter.to !== undefined ? unit : 0;
  const hi = filter.to !== undefined ? (dayNumber(filter.to) + 1) * unit - 1 : Number.MAX_SAFE_INTEGER;
  return { lo, hi };
}

/** Searches whose count and ranking window are kept (SqliteStore #counts): ~100 bytes each. */
const COUNT_CACHE_SIZE = 20_000;

/**
 * The full-text tables of each kind: the whole index, the recent one, the rowid unit, and the
 * bm25 weights (article title words count 3 times body words; filter tokens, meta, nothing).
 */
const FTS: Readonly<Record<FtsKind, { main: string; recent: string; unit: number; weights: string }>> = {
  articles: { main: 'articles_fts', recent: 'articles_recent_fts', unit: 2 ** 28, weights: '3.0, 1.0, 0.0' },
  quotes: { main: 'quotes_fts', recent: 'quotes_recent_fts', unit: 2 ** 32, weights: '1.0, 1.0, 0.0' },
};
const QUOTE_RANK = 'bm25(quotes_fts, 1.0, 1.0, 0.0)';

const ENTITY_JOIN = 'LEFT JOIN entities e ON e.pk = q.entity';

const GENDER_BUCKET = `CASE WHEN q.speaker_type = 'person'
  THEN (CASE WHEN e.gender IN ('female', 'male') THEN e.gender ELSE 'unknown' END)
  ELSE 'other' END`;

const MONTH_OF = `CASE WHEN a.date IS NULL THEN 'undated'
  WHEN a.date_precision = 'year' THEN a.date ELSE substr(a.date, 1, 7) END`;

export class SqliteStore implements Store {
  readonly #statements = new Map<string, Database.Statement>();
  readonly #put: (batch: readonly ArticleRecord[], replace: boolean) => PutOutcome[];
  /** The cuts of the recent indexes during a write transaction (fts_recent). */
  #cuts: Record<FtsKind, number> = { articles: 0, quotes: 0 };

  constructor(
    readonly db: Database.Database,
    readonly location: string,
    private readonly recentRows: Readonly<Record<FtsKind, number>> = RECENT_ROWS,
  ) {
    const tx = db.transaction((batch: readonly ArticleRecord[], replace: boolean) => {
      this.#cuts = this.#readCuts();
      const out = batch.map((r) => this.#putOne(r, replace));
      this.#pruneRecent('articles');
      this.#pruneRecent('quotes');
      return out;
    });
    this.#put = (batch, replace) => tx.immediate(batch, replace);
  }

  #stmt(sql: string): Database.Statement {
    let s = this.#statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.#statements.set(sql, s);
    }
    return s;
  }

  close(): void {
    if (!this.db.open) return;
    // Fold the WAL back into the main file so that the archive is one file again.
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // Another connection is reading: the WAL is checkpointed later.
    }
    this.db.close();
  }

  // -------------------------------------------------------------------------------------------
  // Writing

  findArticle(id: string | null, hash: string): ExistingArticle | null {
    const row = (
      id !== null
        ? this.#stmt('SELECT id, text_hash AS hash FROM articles WHERE id = ?').get(id)
        : this.#stmt('SELECT id, text_hash AS hash FROM articles WHERE text_hash = ? LIMIT 1').get(hash)
    ) as ExistingArticle | undefined;
    return row ?? null;
  }

  putArticles(batch: readonly ArticleRecord[], options: { replace: boolean }): PutOutcome[] {
    if (batch.length === 0) return [];
    // Counts kept for searches are stale once this commits (data_version only tells of other
    // connections' changes).
    this.#counts.clear();
    try {
      return this.#put(batch, options.replace);
    } finally {
      this.#counts.clear();
    }
  }

  #putOne(r: ArticleRecord, replace: boolean): PutOutcome {
    const existing = (
      r.idGiven
        ? this.#stmt('SELECT pk, day FROM articles WHERE id = ?').get(r.article.id)
        : this.#stmt('SELECT pk, day FROM articles WHERE text_hash = ? ORDER BY pk LIMIT 1').get(r.hash)
    ) as { pk: number; day: string | null } | undefined;
    if (existing && !replace) return 'kept';
    const a = r.article;
    const day = a.date ? dayRange(a.date.value, a.date.precision)[0] : null;
    const sourcePk = a.source === null ? null : this.#sourcePk(a.source);
    const values = [
      r.hash,
      a.source,
      sourcePk,
      a.url,
      a.title,
      a.date?.value ?? null,
      a.date?.precision ?? null,
      day,
      a.text,
      a.text.length,
      r.analysis.schema,
      r.origin?.file ?? null,
      r.origin?.line ?? null,
      new Date().toISOString(),
    ];
    let pk: number;
    if (existing) {
      pk = existing.pk;
      this.#deleteAnalysis(pk, existing.day);
      this.#stmt(
        `UPDATE articles SET text_hash = ?, source = ?, source_pk = ?, url = ?, title = ?, date = ?,
           date_precision = ?, day = ?, text = ?, chars = ?, schema_version = ?, origin_file = ?,
           origin_line = ?, ingested_at = ? WHERE pk = ?`,
      ).run(...values, pk);
    } else {
      pk = Number(
        this.#stmt(
          `INSERT INTO articles (id, id_given, text_hash, source, source_pk, url, title, date, date_precision,
             day, text, chars, schema_version, origin_file, origin_line, ingested_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(a.id, r.idGiven ? 1 : 0, ...values).lastInsertRowid,
      );
    }
    const meta = sourcePk === null ? '' : `src${sourcePk}`;
    const key = articleKey(day, pk);
    this.#stmt('INSERT INTO articles_fts (rowid, title, body, meta) VALUES (?, ?, ?, ?)').run(
      key,
      r.index.title,
      r.index.body,
      meta,
    );
    if (key >= this.#cuts.articles) {
      this.#stmt('INSERT INTO articles_recent_fts (rowid, title, body, meta) VALUES (?, ?, ?, ?)').run(
        key,
        r.index.title,
        r.index.body,
        meta,
      );
    }
    this.#insertAnalysis(pk, day, meta, r);
    return existing ? 'replaced' : 'inserted';
  }

  #deleteAnalysis(pk: number, day: string | null): void {
    const key = articleKey(day, pk);
    this.#stmt('DELETE FROM articles_fts WHERE rowid = ?').run(key);
    if (key >= this.#cuts.articles) this.#stmt('DELETE FROM articles_recent_fts WHERE rowid = ?').run(key);
    this.#stmt('DELETE FROM quotes_fts WHERE rowid IN (SELECT ? + pk FROM quotes WHERE article = ?)').run(
      dayNumber(day) * QUOTE_KEY,
      pk,
    );
    this.#stmt(
      'DELETE FROM quotes_recent_fts WHERE rowid IN (SELECT ? + pk FROM quotes WHERE article = ? AND ? + pk >= ?)',
    ).run(dayNumber(day) * QUOTE_KEY, pk, dayNumber(day) * QUOTE_KEY, this.#cuts.quotes);
    this.#stmt('DELETE FROM quotes WHERE article = ?').run(pk);
    this.#stmt('DELETE FROM mentions WHERE entity IN (SELECT pk FROM entities WHERE article = ?)').run(pk);
    this.#stmt('DELETE FROM entities WHERE article = ?').run(pk);
    this.#stmt('DELETE FROM dates WHERE article = ?').run(pk);
    this.#stmt('DELETE FROM figures WHERE article = ?').run(pk);
  }

  #insertAnalysis(pk: number, day: string | null, sourceMeta: string, r: ArticleRecord): void {
    const an = r.analysis;
    const entityPk = new Map<string, number>();
    const insEntity = this.#stmt(
      `INSERT INTO entities (article, eid, type, name, name_key, gender, aliases, roles)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insMention = this.#stmt('INSERT INTO mentions (entity, start, "end", text) VALUES (?, ?, ?, ?)');
    for (const e of an.entities) {
      const epk = Number(
        insEntity.run(
          pk,
          e.id,
          e.type,
          e.name,
          foldName(e.name),
          e.gender ?? null,
          e.aliases && e.aliases.length > 0 ? JSON.stringify(e.aliases) : null,
          e.roles && e.roles.length > 0 ? JSON.stringify(e.roles) : null,
        ).lastInsertRowid,
      );
      entityPk.set(e.id, epk);
      for (const m of e.mentions) insMention.run(epk, m.start, m.end, m.text);
    }
    const insQuote = this.#stmt(
      `INSERT INTO quotes (article, qid, day, start, "end", text, kind, cue_start, cue_end, cue_text, cue_lemma,
         speaker, speaker_name, speaker_type, mention_start, mention_end, mention_text, entity, date_ids,
         figure_ids)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insQuoteFts = this.#stmt('INSERT INTO quotes_fts (rowid, text, speaker, meta) VALUES (?, ?, ?, ?)');
    const insQuoteRecent = this.#stmt(
      'INSERT INTO quotes_recent_fts (rowid, text, speaker, meta) VALUES (?, ?, ?, ?)',
    );
    an.quotes.forEach((q, i) => {
      const s = q.speaker;
      const qpk = Number(
        insQuote.run(
          pk,
          q.id,
          day,
          q.start,
          q.end,
          q.text,
          q.kind,
          q.cue?.start ?? null,
          q.cue?.end ?? null,
          q.cue?.text ?? null,
          q.cue?.lemma ?? null,
          s ? this.#speakerPk(s.name) : null,
          s?.name ?? null,
          s?.type ?? null,
          s?.mention?.start ?? null,
          s?.mention?.end ?? null,
          s?.mention?.text ?? null,
          s?.entityId !== undefined ? (entityPk.get(s.entityId) ?? null) : null,
          q.dateIds.length > 0 ? JSON.stringify(q.dateIds) : null,
          q.figureIds.length > 0 ? JSON.stringify(q.figureIds) : null,
        ).lastInsertRowid,
      );
      const meta = `${sourceMeta} k${q.kind} t${s?.type ?? 'none'}`;
      const key = quoteKey(day, qpk);
      const texts = [r.index.quotes[i] ?? '', r.index.speakers[i] ?? '', meta];
      insQuoteFts.run(key, ...texts);
      if (key >= this.#cuts.quotes) insQuoteRecent.run(key, ...texts);
    });
    const insDate = this.#stmt(
      `INSERT INTO dates (article, did, start, "end", text, value, precision, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const d of an.dates) insDate.run(pk, d.id, d.start, d.end, d.text, d.value, d.precision, d.kind);
    const insFigure = this.#stmt(
      `INSERT INTO figures (article, fid, start, "end", text, value, unit, of_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const f of an.figures) {
      insFigure.run(pk, f.id, f.start, f.end, f.text, f.value, f.unit ?? null, f.of ?? null);
    }
  }

  #sourcePk(name: string): number {
    const row = this.#stmt('SELECT pk FROM sources WHERE name = ?').get(name) as { pk: number } | undefined;
    if (row) return row.pk;
    return Number(this.#stmt('INSERT INTO sources (name) VALUES (?)').run(name).lastInsertRowid);
  }

  #speakerPk(name: string): number {
    const key = foldName(name) || name;
    const row = this.#stmt('SELECT pk FROM speakers WHERE key = ?').get(key) as { pk: number } | undefined;
    if (row) return row.pk;
    return Number(
      this.#stmt('INSERT INTO speakers (key, name) VALUES (?, ?)').run(key, name).lastInsertRowid,
    );
  }

  // -------------------------------------------------------------------------------------------
  // Recent indexes
  //
  // bm25 reads the whole posting list of every searched word once per search (its IDF): on a
  // large archive, a common word costs milliseconds however few matches are ranked. So the rows of
  // the full-text tables whose rowid (date order) is >= a cut are also in a second, smaller table
  // (articles_recent_fts, quotes_recent_fts), and a search whose ranking window lies above the
  // cut is ranked there: the same matches, scored with the statistics (IDF, average length) of
  // the recent rows. The cut is kept so that the recent table holds between `recentRows` and
  // twice as many rows: after each ingest batch, when it has more, the cut moves up to the
  // `recentRows`-th most recent row and the rows below it leave. cut 0: every row.

  #readCuts(): Record<FtsKind, number> {
    const cuts = { articles: Number.MAX_SAFE_INTEGER, quotes: Number.MAX_SAFE_INTEGER };
    for (const r of this.#stmt('SELECT name, cut, filled FROM fts_recent').all() as {
      name: FtsKind;
      cut: number;
      filled: number;
    }[]) {
      // Not built (a small archive): nothing is ranked there, nothing written.
      if (r.filled === 1) cuts[r.name] = r.cut;
    }
    return cuts;
  }

  /** The key of the `n`-th most recent row of the whole index of `kind`, or 0 when it has fewer. */
  #nthRecentKey(kind: FtsKind, n: number): number {
    const key = this.#stmt(`SELECT id FROM ${FTS[kind].main}_docsize ORDER BY id DESC LIMIT 1 OFFSET ?`)
      .pluck()
      .get(n - 1) as number | undefined;
    return key ?? 0;
  }

  /** Moves the cut of `kind` up when its recent table holds more than twice `recentRows` rows. */
  #pruneRecent(kind: FtsKind): void {
    const { recent } = FTS[kind];
    const size = this.recentRows[kind];
    if (this.#cuts[kind] === Number.MAX_SAFE_INTEGER) {
      // Not built: built once the whole index holds more than twice the size.
      if (this.#nthRecentKey(kind, 2 * size + 1) !== 0) {
        this.#buildRecent(kind);
        this.#cuts[kind] = this.#readCuts()[kind];
      }
      return;
    }
    const n = this.#stmt(`SELECT count(*) FROM ${recent}_docsize`).pluck().get() as number;
    if (n <= 2 * size) return;
    const cut = this.#nthRecentKey(kind, size);
    const old = this.#stmt(`SELECT id FROM ${recent}_docsize WHERE id < ?`).pluck().all(cut) as number[];
    const del = this.#stmt(`DELETE FROM ${recent} WHERE rowid = ?`);
    for (const key of old) del.run(key);
    this.#stmt('UPDATE fts_recent SET cut = ? WHERE name = ?').run(cut, kind);
    this.#cuts[kind] = cut;
  }

  /**
   * Builds the recent indexes not built yet whose whole index holds more than twice their size
   * (below that, ranking on all rows costs as little): from the stored rows, their texts stemmed
   * again as ingest does. Once per archive and kind: on opening an archive of schema 1 (its rows
   * were indexed before the recent indexes existed; a few seconds for 100,000 articles), or in
   * the ingest batch that makes the archive large enough (10,000 articles: ~1-2 s).
   */
  fillRecent(): void {
    const pending = this.#stmt('SELECT name FROM fts_recent WHERE filled = 0').pluck().all() as FtsKind[];
    const due = pending.filter((kind) => this.#nthRecentKey(kind, 2 * this.recentRows[kind] + 1) !== 0);
    if (due.length === 0) return;
    this.db.transaction(() => due.forEach((kind) => this.#buildRecent(kind))).immediate();
    this.#counts.clear();
  }

  /** Fills the recent index of `kind` with the `recentRows` most recent rows (in a transaction). */
  #buildRecent(kind: FtsKind): void {
    const done = this.#stmt('SELECT filled FROM fts_recent WHERE name = ?').pluck().get(kind);
    if (done === 1) return; // another process did it meanwhile
    const { recent } = FTS[kind];
    this.db.exec(`INSERT INTO ${recent} (${recent}) VALUES ('delete-all')`);
    const cut = this.#nthRecentKey(kind, this.recentRows[kind]);
    if (kind === 'articles') this.#fillArticles(cut);
    else this.#fillQuotes(cut);
    this.db.exec(`INSERT INTO ${recent} (${recent}) VALUES ('optimize')`);
    this.#stmt('UPDATE fts_recent SET cut = ?, filled = 1 WHERE name = ?').run(cut, kind);
  }

  #fillArticles(cut: number): void {
    const page = this.#stmt(
      `SELECT d.id AS key, a.title, a.text, a.source_pk FROM articles_fts_docsize d
       JOIN articles a ON a.pk = d.id % ${ARTICLE_KEY} WHERE d.id >= ? ORDER BY d.id LIMIT 500`,
    );
    const ins = this.#stmt('INSERT INTO articles_recent_fts (rowid, title, body, meta) VALUES (?, ?, ?, ?)');
    for (let from = cut; ;) {
      const rows = page.all(from) as {
        key: number;
        title: string | null;
        text: string;
        source_pk: number | null;
      }[];
      if (rows.length === 0) break;
      for (const r of rows) {
        ins.run(
          r.key,
          indexText(r.title),
          indexText(r.text),
          r.source_pk === null ? '' : `src${r.source_pk}`,
        );
      }
      from = rows[rows.length - 1]!.key + 1;
    }
  }

  #fillQuotes(cut: number): void {
    const page = this.#stmt(
      `SELECT d.id AS key, q.text, q.speaker_name, q.kind, q.speaker_type, a.source_pk FROM quotes_fts_docsize d
       JOIN quotes q ON q.pk = d.id % ${QUOTE_KEY} JOIN articles a ON a.pk = q.article
       WHERE d.id >= ? ORDER BY d.id LIMIT 5000`,
    );
    const ins = this.#stmt('INSERT INTO quotes_recent_fts (rowid, text, speaker, meta) VALUES (?, ?, ?, ?)');
    for (let from = cut; ;) {
      const rows = page.all(from) as {
        key: number;
        text: string;
        speaker_name: string | null;
        kind: string;
        speaker_type: string | null;
        source_pk: number | null;
      }[];
      if (rows.length === 0) break;
      for (const r of rows) {
        const source = r.source_pk === null ? '' : `src${r.source_pk}`;
        const meta = `${source} k${r.kind} t${r.speaker_type ?? 'none'}`;
        ins.run(r.key, indexText(r.text), indexText(r.speaker_name), meta);
      }
      from = rows[rows.length - 1]!.key + 1;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Reading

  counts(): StoreCounts {
    const n = (table: string): number =>
      (this.#stmt(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      articles: n('articles'),
      quotes: n('quotes'),
      entities: n('entities'),
      mentions: n('mentions'),
      dates: n('dates'),
      figures: n('figures'),
    };
  }

  article(id: string): StoredArticle | null {
    const a = this.#stmt('SELECT * FROM articles WHERE id = ?').get(id) as ArticleRowDb | undefined;
    if (!a) return null;
    const article: Article = {
      id: a.id,
      text: a.text,
      date:
        a.date !== null && a.date_precision !== null
          ? { value: a.date, precision: a.date_precision as DatePrecision }
          : null,
      title: a.title,
      source: a.source,
      url: a.url,
    };
    const entities = this.#entitiesOf(a.pk);
    const eidOf = new Map(entities.map(([pk, e]) => [pk, e.id]));
    const analysis: Analysis = {
      schema: SCHEMA_VERSION,
      id: a.id,
      date: article.date,
      title: a.title,
      source: a.source,
      url: a.url,
      quotes: this.#quotesOf(a.pk, eidOf),
      entities: entities.map(([, e]) => e),
      dates: this.#datesOf(a.pk),
      figures: this.#figuresOf(a.pk),
    };
    return {
      article,
      analysis,
      hash: a.text_hash,
      idGiven: a.id_given === 1,
      origin:
        a.origin_file === null
          ? null
          : a.origin_line === null
            ? { file: a.origin_file }
            : { file: a.origin_file, line: a.origin_line },
      ingestedAt: a.ingested_at,
    };
  }

  #entitiesOf(article: number): [number, Entity][] {
    const rows = this.#stmt(
      'SELECT pk, eid, type, name, gender, aliases, roles FROM entities WHERE article = ? ORDER BY pk',
    ).all(article) as {
      pk: number;
      eid: string;
      type: Entity['type'];
      name: string;
      gender: Gender | null;
      aliases: string | null;
      roles: string | null;
    }[];
    const mentions = this.#stmt(
      'SELECT start, "end" AS "end", text FROM mentions WHERE entity = ? ORDER BY start, pk',
    );
    return rows.map((r) => {
      // Keys in the order analyze() gives them.
      const e: Entity = { id: r.eid, type: r.type, name: r.name } as Entity;
      if (r.gender !== null) e.gender = r.gender;
      e.mentions = mentions.all(r.pk) as Entity['mentions'];
      if (r.aliases !== null) e.aliases = JSON.parse(r.aliases) as string[];
      if (r.roles !== null) e.roles = JSON.parse(r.roles) as string[];
      return [r.pk, e];
    });
  }

  #quotesOf(article: number, eidOf: Map<number, string>): Quote[] {
    const rows = this.#stmt(
      `SELECT qid, start, "end" AS "end", text, kind, cue_start, cue_end, cue_text, cue_lemma, speaker_name,
         speaker_type, mention_start, mention_end, mention_text, entity, date_ids, figure_ids
       FROM quotes WHERE article = ? ORDER BY pk`,
    ).all(article) as {
      qid: string;
      start: number;
      end: number;
      text: string;
      kind: QuoteKind;
      cue_start: number | null;
      cue_end: number | null;
      cue_text: string | null;
      cue_lemma: string | null;
      speaker_name: string | null;
      speaker_type: SpeakerType | null;
      mention_start: number | null;
      mention_end: number | null;
      mention_text: string | null;
      entity: number | null;
      date_ids: string | null;
      figure_ids: string | null;
    }[];
    return rows.map((r) => {
      let speaker: Speaker | null = null;
      if (r.speaker_name !== null) {
        speaker = {
          name: r.speaker_name,
          type: r.speaker_type ?? 'person',
          mention:
            r.mention_start !== null && r.mention_end !== null
              ? { start: r.mention_start, end: r.mention_end, text: r.mention_text ?? '' }
              : null,
        };
        const eid = r.entity === null ? undefined : eidOf.get(r.entity);
        if (eid !== undefined) speaker.entityId = eid;
      }
      return {
        id: r.qid,
        start: r.start,
        end: r.end,
        text: r.text,
        kind: r.kind,
        cue:
          r.cue_start !== null && r.cue_end !== null
            ? { start: r.cue_start, end: r.cue_end, text: r.cue_text ?? '', lemma: r.cue_lemma ?? '' }
            : null,
        speaker,
        dateIds: r.date_ids === null ? [] : (JSON.parse(r.date_ids) as string[]),
        figureIds: r.figure_ids === null ? [] : (JSON.parse(r.figure_ids) as string[]),
      };
    });
  }

  #datesOf(article: number): DateFact[] {
    const rows = this.#stmt(
      `SELECT did AS id, start, "end" AS "end", text, value, precision, kind FROM dates WHERE article = ? ORDER BY pk`,
    ).all(article) as DateFact[];
    return rows.map((d) => ({ ...d }));
  }

  #figuresOf(article: number): Figure[] {
    const rows = this.#stmt(
      `SELECT fid, start, "end" AS "end", text, value, unit, of_text FROM figures WHERE article = ? ORDER BY pk`,
    ).all(article) as {
      fid: string;
      start: number;
      end: number;
      text: string;
      value: number;
      unit: string | null;
      of_text: string | null;
    }[];
    return rows.map((f) => {
      const fig: Figure = { id: f.fid, start: f.start, end: f.end, text: f.text, value: f.value };
      if (f.unit !== null) fig.unit = f.unit;
      if (f.of_text !== null) fig.of = f.of_text;
      return fig;
    });
  }

  // -------------------------------------------------------------------------------------------
  // Questions

  /** Conditions on the article alias `a` (or `day` column `dayColumn`) for a filter. */
  #articleWhere(filter: ArticleFilter, where: string[], params: unknown[], dayColumn = 'a.day'): void {
    if (filter.from !== undefined) {
      where.push(`${dayColumn} >= ?`);
      params.push(filter.from);
    }
    if (filter.to !== undefined) {
      where.push(`${dayColumn} <= ?`);
      params.push(filter.to);
    }
    if (filter.source !== undefined) {
      const sources = this.#matchingSources(filter.source);
      where.push(sources.length === 0 ? '0' : `a.source_pk IN (${sources.map(() => '?').join(', ')})`);
      params.push(...sources);
    }
  }

  /** The pks of the sources whose name contains `s` (case and accents folded). */
  #matchingSources(s: string): number[] {
    const key = foldName(s);
    const all = this.#stmt('SELECT pk, name FROM sources').all() as { pk: number; name: string }[];
    return all.filter((r) => foldName(r.name).includes(key)).map((r) => r.pk);
  }

  /** The FTS5 condition on `meta` for a source filter: '' (no filter), or null (no such source). */
  #sourceMatch(source: string | undefined): string | null {
    if (source === undefined) return '';
    const pks = this.#matchingSources(source);
    if (pks.length === 0) return null;
    return ` AND meta : (${pks.map((pk) => `"src${pk}"`).join(' OR ')})`;
  }

  /**
   * Condition selecting the speakers whose folded name has the words of `name`: whole words, but
   * the last may be the start of a word ("jean dub" finds Jean Dubois).
   */
  #speakerWhere(column: string, name: string, where: string[], params: unknown[]): void {
    const words = foldName(name).split(' ').filter(Boolean);
    if (words.length === 0) return;
    const likes = words.map(() => `(' ' || key || ' ') LIKE ? ESCAPE '\\'`).join(' AND ');
    where.push(`${column} IN (SELECT pk FROM speakers WHERE ${likes})`);
    words.forEach((w, i) => {
      const escaped = w.replace(/[\\%_]/g, (c) => `\\${c}`);
      params.push(i === words.length - 1 ? `% ${escaped}%` : `% ${escaped} %`);
    });
  }

  /**
   * The count of a full-text search and the lowest rowid of its ranking window, by table, match
   * expression, key range and window: what a repeated search (or the next page of one) needs
   * before ranking, without counting every match again. Emptied whenever the archive changes:
   * by this connection (`putArticles`) or by another one (SQLite's `data_version`).
   */
  readonly #counts = new Map<string, { total: number; lo: number; ranked: number; cut: number }>();
  #countsVersion: number | null = null;
  /** Numbers kept with the counts, dropped with them: see #rankBySource. */
  readonly #numbers = new Map<string, number>();

  #countsFor(key: string): { total: number; lo: number; ranked: number; cut: number } | undefined {
    const v = this.dataVersion();
    if (v !== this.#countsVersion) {
      this.#counts.clear();
      this.#numbers.clear();
      this.#countsVersion = v;
    }
    const c = this.#counts.get(key);
    if (c !== undefined) {
      // Most recently used last: the first entry is the one to drop.
      this.#counts.delete(key);
      this.#counts.set(key, c);
    }
    return c;
  }

  #keepCounts(key: string, c: { total: number; lo: number; ranked: number; cut: number }): void {
    this.#counts.set(key, c);
    if (this.#counts.size > COUNT_CACHE_SIZE) this.#counts.delete(this.#counts.keys().next().value!);
  }

  /** A number kept until the archive changes (after #countsFor checked the version). */
  #number(key: string, compute: () => number): number {
    let n = this.#numbers.get(key);
    if (n === undefined) {
      n = compute();
      if (this.#numbers.size >= COUNT_CACHE_SIZE) this.#numbers.clear();
      this.#numbers.set(key, n);
    }
    return n;
  }

  /**
   * Whether to rank a search with a source filter by joining the source instead of matching its
   * tokens. bm25 reads the whole posting list of every phrase of the expression, the source's
   * `meta` tokens included (weight 0, but read): on the full quote index a large source is
   * hundreds of thousands of rows, tens of milliseconds. Without them in the expression, every
   * match of the words in the window's key range is scored and its article's source checked: the
   * cheaper way when those matches are fewer than 1/150 of the source's rows (measured: reading a
   * posting list costs ~20-30 ns a row, scoring and checking a match ~3-4 µs). The scores are the
   * same: the meta column weighs nothing.
   */
  #rankBySource(
    table: string,
    bySource: { match: string; sources: number[] },
    lo: number,
    hi: number,
  ): boolean {
    const tokens = bySource.sources.map((pk) => `"src${pk}"`).join(' OR ');
    const rows = this.#number(
      `df\u0000${table}\u0000${tokens}`,
      () =>
        this.#stmt(`SELECT count(*) FROM ${table} WHERE ${table} MATCH ?`)
          .pluck()
          .get(`meta : (${tokens})`) as number,
    );
    const cap = Math.floor(rows / 150);
    if (cap === 0) return false;
    const matches = this.#number(
      `n\u0000${table}\u0000${bySource.match}\u0000${lo}\u0000${hi}`,
      () =>
        this.#stmt(
          `SELECT count(*) FROM (SELECT 1 FROM ${table} WHERE ${table} MATCH ? AND rowid BETWEEN ? AND ? LIMIT ?)`,
        )
          .pluck()
          .get(bySource.match, lo, hi, cap + 1) as number,
    );
    return matches <= cap;
  }

  /**
   * Ranked full-text search of one FTS table: counts the matches in the key range, narrows the
   * range to the `window` most recent when there are more, and ranks by bm25. The count and the
   * window's bound are kept for the next search with the same expression (#counts).
   */
  #fullText(
    kind: FtsKind,
    match: string,
    range: { lo: number; hi: number },
    options: FullTextOptions,
    bySource?: { match: string; sources: number[] },
  ): { total: number; ranked: number; keys: { key: number; score: number }[] } {
    const { main, recent, weights, unit } = FTS[kind];
    const window = options.window ?? null;
    const cacheKey = `${kind}\u0000${match}\u0000${range.lo}\u0000${range.hi}\u0000${window}`;
    let counted = this.#countsFor(cacheKey);
    if (counted === undefined) {
      const total = (
        this.#stmt(`SELECT count(*) AS n FROM ${main} WHERE ${main} MATCH ? AND rowid BETWEEN ? AND ?`).get(
          match,
          range.lo,
          range.hi,
        ) as { n: number }
      ).n;
      counted = { total, lo: range.lo, ranked: total, cut: this.#readCuts()[kind] };
      if (window !== null && total > window) {
        const bound = this.#stmt(
          `SELECT rowid FROM ${main} WHERE ${main} MATCH ? AND rowid BETWEEN ? AND ?
           ORDER BY rowid DESC LIMIT 1 OFFSET ?`,
        )
          .pluck()
          .get(match, range.lo, range.hi, window - 1) as number | undefined;
        if (bound !== undefined) counted = { ...counted, lo: bound, ranked: window };
      }
      this.#keepCounts(cacheKey, counted);
    }
    const { total, lo, ranked, cut } = counted;
    if (total === 0) return { total, ranked: 0, keys: [] };
    // Every match to rank is above the cut: ranked on the recent rows (see "Recent indexes").
    const table = lo >= cut ? recent : main;
    if (bySource && this.#rankBySource(table, bySource, lo, range.hi)) {
      const join =
        kind === 'articles'
          ? `JOIN articles a ON a.pk = ${table}.rowid % ${unit}`
          : `JOIN quotes q ON q.pk = ${table}.rowid % ${unit} JOIN articles a ON a.pk = q.article`;
      const keys = this.#stmt(
        `SELECT ${table}.rowid AS key, bm25(${table}, ${weights}) AS score FROM ${table} ${join}
         WHERE ${table} MATCH ? AND ${table}.rowid BETWEEN ? AND ?
           AND a.source_pk IN (${bySource.sources.map(() => '?').join(', ')})
         ORDER BY score LIMIT ? OFFSET ?`,
      ).all(bySource.match, lo, range.hi, ...bySource.sources, options.limit, options.offset ?? 0) as {
        key: number;
        score: number;
      }[];
      return { total, ranked, keys };
    }
    const keys = this.#stmt(
      `SELECT rowid AS key, bm25(${table}, ${weights}) AS score FROM ${table}
       WHERE ${table} MATCH ? AND rowid BETWEEN ? AND ? ORDER BY score LIMIT ? OFFSET ?`,
    ).all(match, lo, range.hi, options.limit, options.offset ?? 0) as { key: number; score: number }[];
    return { total, ranked, keys };
  }

  searchArticles(
    terms: SearchTerms,
    filter: ArticleFilter,
    options: FullTextOptions,
  ): SearchPage<ArticleHit> {
    const words = ftsMatch(terms);
    const source = this.#sourceMatch(filter.source);
    if (words === null || source === null) return { total: 0, ranked: 0, hits: [] };
    const bySource =
      filter.source === undefined
        ? undefined
        : { match: words, sources: this.#matchingSources(filter.source) };
    const r = this.#fullText('articles', words + source, keyRange(filter, ARTICLE_KEY), options, bySource);
    const get = this.#stmt(
      `SELECT id, title, date, source, url, text,
         (SELECT count(*) FROM quotes q WHERE q.article = a.pk) AS quotes
       FROM articles a WHERE pk = ?`,
    );
    const hits = r.keys.map((k) => ({
      ...(get.get(k.key % ARTICLE_KEY) as Omit<ArticleHit, 'score'>),
      score: k.score,
    }));
    return { total: r.total, ranked: r.ranked, hits };
  }

  searchQuotes(
    terms: SearchTerms,
    filter: QuoteSearchFilter,
    options: FullTextOptions,
  ): SearchPage<QuoteRow> {
    const match = this.#quoteMatch(terms, filter);
    if (match === null) return { total: 0, ranked: 0, hits: [] };
    const bySource =
      filter.source === undefined
        ? undefined
        : {
            match: this.#quoteMatch(terms, { ...filter, source: undefined })!,
            sources: this.#matchingSources(filter.source),
          };
    const r = this.#fullText('quotes', match, keyRange(filter, QUOTE_KEY), options, bySource);
    return {
      total: r.total,
      ranked: r.ranked,
      hits: r.keys.map((k) => ({ ...this.#quoteRow(k.key % QUOTE_KEY), score: k.score })),
    };
  }

  /**
   * The FTS5 expression of a quote search: the words, and the filters the index holds (speaker
   * name words as prefixes of their stems, source, kind, speaker type); null when nothing can match.
   */
  #quoteMatch(terms: SearchTerms, filter: QuoteSearchFilter & { speaker?: string }): string | null {
    const words = ftsMatch(terms);
    const source = this.#sourceMatch(filter.source);
    if (words === null || source === null) return null;
    let match = words + source;
    if (filter.speaker !== undefined) {
      // As #speakerWhere: whole words, the last one a prefix.
      const ws = wordsOf(filter.speaker);
      const names = ws.map(
        (w, i) => `"${stem(w.lower).replace(/"/g, '""')}"${i === ws.length - 1 ? '*' : ''}`,
      );
      if (names.length > 0) match += ` AND speaker : (${names.join(' AND ')})`;
    }
    if (filter.kind !== undefined) match += ` AND meta : "k${filter.kind}"`;
    if (filter.speakerType !== undefined) match += ` AND meta : "t${filter.speakerType}"`;
    return match;
  }

  #quoteRow(pk: number): QuoteRow {
    const get = this.#stmt(
      `SELECT ${QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.pk = q.article
         LEFT JOIN entities e ON e.pk = q.entity WHERE q.pk = ?`,
    );
    return toQuoteRow(get.get(pk) as QuoteRowDb);
  }

  #quoteQuery(filter: QuoteFilter): { from: string; where: string[]; params: unknown[]; ranked: boolean } {
    const where: string[] = [];
    const params: unknown[] = [];
    // The entity join (for the gender column) is added by the queries that select rows.
    let from = 'quotes q JOIN articles a ON a.pk = q.article';
    let ranked = false;
    if (filter.about) {
      const match = ftsMatch(filter.about);
      if (match === null) {
        where.push('0');
      } else {
        from = `quotes_fts JOIN quotes q ON q.pk = quotes_fts.rowid % ${QUOTE_KEY} JOIN articles a ON a.pk = q.article`;
        const range = keyRange(filter, QUOTE_KEY);
        where.push('quotes_fts MATCH ? AND quotes_fts.rowid BETWEEN ? AND ?');
        params.push(match, range.lo, range.hi);
        ranked = true;
      }
    }
    this.#articleWhere(filter, where, params, 'q.day');
    if (filter.speaker !== undefined) this.#speakerWhere('q.speaker', filter.speaker, where, params);
    if (filter.kind !== undefined) {
      where.push('q.kind = ?');
      params.push(filter.kind);
    }
    if (filter.speakerType !== undefined) {
      where.push('q.speaker_type = ?');
      params.push(filter.speakerType);
    }
    if (filter.articleId !== undefined) {
      where.push('a.id = ?');
      params.push(filter.articleId);
    }
    return { from, where, params, ranked };
  }

  quotes(filter: QuoteFilter, options: { count?: boolean } = {}): SearchPage<QuoteRow> {
    const limit = filter.limit ?? 20;
    const offset = filter.offset ?? 0;
    if (filter.about && filter.articleId === undefined) {
      // Everything in the full-text index: ranked there, rows fetched for the page only.
      const match = this.#quoteMatch(filter.about, filter);
      if (match === null) return { total: 0, hits: [] };
      const r = this.#fullText('quotes', match, keyRange(filter, QUOTE_KEY), {
        limit,
        offset,
        window: null,
      });
      return {
        total: r.total,
        hits: r.keys.map((k) => ({ ...this.#quoteRow(k.key % QUOTE_KEY), score: k.score })),
      };
    }
    const { from, where, params, ranked } = this.#quoteQuery(filter);
    const cond = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    let hits: QuoteRow[];
    if (ranked) {
      const rows = this.#stmt(
        `SELECT ${QUOTE_COLUMNS}, ${QUOTE_RANK} AS score FROM ${from} ${ENTITY_JOIN} ${cond}
         ORDER BY score LIMIT ? OFFSET ?`,
      ).all(...params, limit, offset) as QuoteRowDb[];
      hits = rows.map(toQuoteRow);
    } else {
      // Newest first (descending order puts NULLs, the undated, last), then in text order. The
      // page's keys come from the indexes alone; its rows are fetched afterwards.
      const join =
        filter.source !== undefined || filter.articleId !== undefined
          ? 'JOIN articles a ON a.pk = q.article'
          : '';
      const pks = this.#stmt(
        `SELECT q.pk FROM quotes q ${join} ${cond} ORDER BY q.day DESC, q.pk LIMIT ? OFFSET ?`,
      )
        .pluck()
        .all(...params, limit, offset) as number[];
      hits = pks.map((pk) => this.#quoteRow(pk));
    }
    let total: number | null = null;
    if (options.count) {
      const needsArticles = ranked || filter.source !== undefined || filter.articleId !== undefined;
      total = (
        this.#stmt(`SELECT count(*) AS n FROM ${needsArticles ? from : 'quotes q'} ${cond}`).get(
          ...params,
        ) as {
          n: number;
        }
      ).n;
    }
    return { total, hits };
  }

  *iterateQuotes(filter: QuoteFilter): IterableIterator<QuoteRow> {
    const { from, where, params, ranked } = this.#quoteQuery(filter);
    const cond = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const order = ranked ? 'ORDER BY score' : 'ORDER BY q.day IS NULL, q.day, q.pk';
    const limit = filter.limit !== undefined ? `LIMIT ${Math.max(0, Math.floor(filter.limit))}` : '';
    // Not cached: an iterating statement is busy until the loop ends.
    const stmt = this.db.prepare(
      `SELECT ${QUOTE_COLUMNS}${ranked ? `, ${QUOTE_RANK} AS score` : ''} FROM ${from} ${ENTITY_JOIN} ${cond}
       ${order} ${limit}`,
    );
    for (const r of stmt.iterate(...params)) yield toQuoteRow(r as QuoteRowDb);
  }

  speakers(filter: SpeakerFilter): SpeakerRow[] {
    const where: string[] = ['q.speaker IS NOT NULL'];
    const params: unknown[] = [];
    this.#articleWhere(filter, where, params, 'q.day');
    if (filter.type !== undefined) {
      where.push('q.speaker_type = ?');
      params.push(filter.type);
    }
    if (filter.name !== undefined) this.#speakerWhere('q.speaker', filter.name, where, params);
    const rows = this.#stmt(
      `SELECT s.name AS name, count(*) AS quotes, count(DISTINCT q.article) AS articles,
         sum(e.gender = 'female') AS female, sum(e.gender = 'male') AS male,
         sum(q.kind = 'direct') AS direct, sum(q.kind = 'indirect') AS indirect, sum(q.kind = 'mixed') AS mixed,
         sum(q.speaker_type = 'person') AS person, sum(q.speaker_type = 'organization') AS organization,
         sum(q.speaker_type = 'group') AS "group", sum(q.speaker_type = 'anonymous') AS anonymous,
         sum(q.speaker_type = 'document') AS document,
         min(q.day) AS firstDate, max(q.day) AS lastDate
       FROM quotes q JOIN speakers s ON s.pk = q.speaker
         ${filter.source !== undefined ? 'JOIN articles a ON a.pk = q.article' : ''}
         LEFT JOIN entities e ON e.pk = q.entity
       WHERE ${where.join(' AND ')}
       GROUP BY q.speaker ORDER BY quotes DESC, s.name LIMIT ?`,
    ).all(...params, filter.limit ?? 20) as (Record<string, number> & {
      name: string;
      firstDate: string | null;
      lastDate: string | null;
    })[];
    return rows.map((r) => {
      const types: SpeakerType[] = ['person', 'organization', 'group', 'anonymous', 'document'];
      let type: SpeakerType = 'person';
      for (const t of types) if ((r[t] ?? 0) > (r[type] ?? 0)) type = t;
      const female = r['female'] ?? 0;
      const male = r['male'] ?? 0;
      return {
        name: r.name,
        type,
        quotes: r['quotes'] ?? 0,
        articles: r['articles'] ?? 0,
        gender: majorityGender(female, male),
        direct: r['direct'] ?? 0,
        indirect: r['indirect'] ?? 0,
        mixed: r['mixed'] ?? 0,
        firstDate: r.firstDate,
        lastDate: r.lastDate,
      };
    });
  }

  entities(filter: EntityFilter): EntityRow[] {
    const where: string[] = [];
    const params: unknown[] = [];
    this.#articleWhere(filter, where, params);
    if (filter.type !== undefined) {
      where.push('e.type = ?');
      params.push(filter.type);
    }
    if (filter.name !== undefined) {
      for (const w of foldName(filter.name).split(' ').filter(Boolean)) {
        where.push(`(' ' || e.name_key) LIKE ? ESCAPE '\\'`);
        params.push(`% ${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      }
    }
    const rows = this.#stmt(
      `SELECT e.name AS name, e.type AS type, count(DISTINCT e.article) AS articles,
         sum((SELECT count(*) FROM mentions m WHERE m.entity = e.pk)) AS mentions,
         sum((SELECT count(*) FROM quotes q WHERE q.entity = e.pk)) AS quotes,
         sum(e.gender = 'female') AS female, sum(e.gender = 'male') AS male
       FROM entities e JOIN articles a ON a.pk = e.article
       ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       GROUP BY e.type, e.name_key ORDER BY articles DESC, quotes DESC, name LIMIT ?`,
    ).all(...params, filter.limit ?? 20) as {
      name: string;
      type: EntityRow['type'];
      articles: number;
      mentions: number;
      quotes: number;
      female: number;
      male: number;
    }[];
    return rows.map((r) => ({
      name: r.name,
      type: r.type,
      gender: majorityGender(r.female, r.male),
      articles: r.articles,
      mentions: r.mentions,
      quotes: r.quotes,
    }));
  }

  stats(filter: ArticleFilter): StatsResult {
    const where: string[] = [];
    const params: unknown[] = [];
    this.#articleWhere(filter, where, params);
    const cond = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const quoteFrom = `quotes q JOIN articles a ON a.pk = q.article LEFT JOIN entities e ON e.pk = q.entity ${cond}`;
    const count = (sql: string): number => (this.#stmt(sql).get(...params) as { n: number }).n;

    const byKind: Record<QuoteKind, number> = { direct: 0, indirect: 0, mixed: 0 };
    for (const r of this.#stmt(`SELECT q.kind AS k, count(*) AS n FROM ${quoteFrom} GROUP BY q.kind`).all(
      ...params,
    ) as { k: QuoteKind; n: number }[]) {
      byKind[r.k] = r.n;
    }
    const bySpeakerType: Record<string, number> = {};
    for (const r of this.#stmt(
      `SELECT coalesce(q.speaker_type, 'none') AS k, count(*) AS n FROM ${quoteFrom} GROUP BY k ORDER BY n DESC`,
    ).all(...params) as { k: string; n: number }[]) {
      bySpeakerType[r.k] = r.n;
    }
    const months = new Map<string, MonthStats>();
    const month = (m: string): MonthStats => {
      let s = months.get(m);
      if (!s) {
        s = { month: m, articles: 0, quotes: 0, byGender: { female: 0, male: 0, unknown: 0, other: 0 } };
        months.set(m, s);
      }
      return s;
    };
    for (const r of this.#stmt(
      `SELECT ${MONTH_OF} AS m, count(*) AS n FROM articles a ${cond} GROUP BY m`,
    ).all(...params) as { m: string; n: number }[]) {
      month(r.m).articles = r.n;
    }
    const byGender: Record<GenderBucket, number> = { female: 0, male: 0, unknown: 0, other: 0 };
    for (const r of this.#stmt(
      `SELECT ${MONTH_OF} AS m, ${GENDER_BUCKET} AS g, count(*) AS n FROM ${quoteFrom} GROUP BY m, g`,
    ).all(...params) as { m: string; g: GenderBucket; n: number }[]) {
      const s = month(r.m);
      s.quotes += r.n;
      s.byGender[r.g] += r.n;
      byGender[r.g] += r.n;
    }
    const sources = this.#stmt(
      `SELECT coalesce(a.source, '(none)') AS source, count(*) AS articles FROM articles a ${cond}
       GROUP BY a.source_pk ORDER BY articles DESC, source`,
    ).all(...params) as { source: string; articles: number }[];
    return {
      articles: count(`SELECT count(*) AS n FROM articles a ${cond}`),
      quotes: byKind.direct + byKind.indirect + byKind.mixed,
      entities: count(`SELECT count(*) AS n FROM entities e JOIN articles a ON a.pk = e.article ${cond}`),
      speakers: count(`SELECT count(DISTINCT q.speaker) AS n FROM ${quoteFrom}`),
      dates: count(`SELECT count(*) AS n FROM dates d JOIN articles a ON a.pk = d.article ${cond}`),
      figures: count(`SELECT count(*) AS n FROM figures f JOIN articles a ON a.pk = f.article ${cond}`),
      byKind,
      byGender,
      bySpeakerType,
      sources,
      months: [...months.values()].sort((x, y) => monthOrder(x.month, y.month)),
    };
  }
  // -------------------------------------------------------------------------------------------
  // Pages of the web app (query/profiles.ts)

  listArticles(
    filter: ArticleFilter,
    options: { limit: number; offset?: number },
  ): SearchPage<ArticleListRow> {
    const where: string[] = [];
    const params: unknown[] = [];
    this.#articleWhere(filter, where, params);
    const cond = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const total = (this.#stmt(`SELECT count(*) AS n FROM articles a ${cond}`).get(...params) as { n: number })
      .n;
    const hits = this.#stmt(
      `SELECT a.id, a.title, a.date, a.source, a.url, a.chars,
         (SELECT count(*) FROM quotes q WHERE q.article = a.pk) AS quotes
       FROM articles a ${cond} ORDER BY a.day IS NULL, a.day DESC, a.pk LIMIT ? OFFSET ?`,
    ).all(...params, options.limit, options.offset ?? 0) as ArticleListRow[];
    return { total, hits };
  }

  dataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  #speakerByName(name: string): { pk: number; key: string; name: string } | null {
    const key = foldName(name) || name;
    const row = this.#stmt('SELECT pk, key, name FROM speakers WHERE key = ?').get(key) as
      { pk: number; key: string; name: string } | undefined;
    return row ?? null;
  }

  speakerProfile(name: string): SpeakerProfileRow | null {
    const sp = this.#speakerByName(name);
    if (!sp) return null;
    const r = this.#stmt(
      `SELECT count(*) AS quotes, count(DISTINCT q.article) AS articles,
         sum(e.gender = 'female') AS female, sum(e.gender = 'male') AS male,
         sum(q.kind = 'direct') AS direct, sum(q.kind = 'indirect') AS indirect, sum(q.kind = 'mixed') AS mixed,
         min(q.day) AS firstDate, max(q.day) AS lastDate
       FROM quotes q LEFT JOIN entities e ON e.pk = q.entity WHERE q.speaker = ?`,
    ).get(sp.pk) as Record<string, number | null> & { firstDate: string | null; lastDate: string | null };
    const types = this.#stmt(
      `SELECT speaker_type AS t, count(*) AS n FROM quotes WHERE speaker = ? GROUP BY speaker_type
       ORDER BY n DESC, t LIMIT 1`,
    ).get(sp.pk) as { t: SpeakerType | null } | undefined;
    const months = this.#stmt(
      `SELECT ${MONTH_OF} AS month, count(*) AS quotes FROM quotes q JOIN articles a ON a.pk = q.article
       WHERE q.speaker = ? GROUP BY month`,
    ).all(sp.pk) as { month: string; quotes: number }[];
    months.sort((x, y) => monthOrder(x.month, y.month));
    // Roles: of the person entities of this name, whether or not the quotes were resolved to them.
    const roleCounts = new Map<string, number>();
    for (const raw of this.#stmt(
      `SELECT roles FROM entities WHERE name_key = ? AND type = 'person' AND roles IS NOT NULL`,
    )
      .pluck()
      .all(sp.key) as string[]) {
      for (const role of JSON.parse(raw) as string[]) roleCounts.set(role, (roleCounts.get(role) ?? 0) + 1);
    }
    const roles = [...roleCounts]
      .map(([role, count]) => ({ role, count }))
      .sort((a, b) => b.count - a.count || a.role.localeCompare(b.role));
    return {
      name: sp.name,
      key: sp.key,
      type: types?.t ?? 'person',
      quotes: r['quotes'] ?? 0,
      articles: r['articles'] ?? 0,
      gender: majorityGender(r['female'] ?? 0, r['male'] ?? 0),
      direct: r['direct'] ?? 0,
      indirect: r['indirect'] ?? 0,
      mixed: r['mixed'] ?? 0,
      firstDate: r.firstDate,
      lastDate: r.lastDate,
      months,
      roles,
    };
  }

  speakerQuotes(name: string, options: { limit: number; offset?: number }): SearchPage<QuoteRow> {
    const sp = this.#speakerByName(name);
    if (!sp) return { total: 0, hits: [] };
    const total = (
      this.#stmt('SELECT count(*) AS n FROM quotes WHERE speaker = ?').get(sp.pk) as { n: number }
    ).n;
    const pks = this.#stmt(
      'SELECT pk FROM quotes q WHERE q.speaker = ? ORDER BY q.day DESC, q.pk LIMIT ? OFFSET ?',
    )
      .pluck()
      .all(sp.pk, options.limit, options.offset ?? 0) as number[];
    return { total, hits: pks.map((pk) => this.#quoteRow(pk)) };
  }
}

function toQuoteRow(r: QuoteRowDb): QuoteRow {
  const row: QuoteRow = {
    articleId: r.articleId,
    quoteId: r.qid,
    date: r.date,
    datePrecision: r.date_precision as DatePrecision | null,
    source: r.source,
    title: r.title,
    url: r.url,
    kind: r.kind as QuoteKind,
    start: r.start,
    end: r.end,
    text: r.text,
    cue: r.cue_text,
    cueLemma: r.cue_lemma,
    speaker: r.speaker_name,
    speakerType: r.speaker_type as SpeakerType | null,
    gender: r.speaker_type === 'person' ? ((r.gender as Gender | null) ?? 'unknown') : null,
  };
  if (r.score !== undefined) row.score = r.score;
  return row;
}

function majorityGender(female: number, male: number): Gender {
  if (female > male) return 'female';
  if (male > female) return 'male';
  return 'unknown';
}

/** "undated" last, then chronological. */
function monthOrder(a: string, b: string): number {
  if (a === b) return 0;
  if (a === 'undated') return 1;
  if (b === 'undated') return -1;
  return a < b ? -1 : 1;
}

/** The first and last day of an article date's period: 2021-05 -> [2021-05-01, 2021-05-31]. */
export function dayRange(value: string | null, precision: string | null): [string | null, string | null] {
  if (value === null) return [null, null];
  if (precision === 'day') return [value, value];
  if (precision === 'month') {
    const [y, m] = value.split('-').map(Number) as [number, number];
    return [`${value}-01`, `${value}-${String(lastDay(y, m)).padStart(2, '0')}`];
  }
  return [`${value}-01-01`, `${value}-12-31`];
}

export function lastDay(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
