// Versioned schema of the SQLite archive. `PRAGMA user_version` is the version of the schema in
// the file; `schema_migrations` records when each step was applied. Migrations only ever append:
// a released step is never edited, a change is a new step. Each step runs in a transaction with
// the version bump, so an interrupted upgrade leaves the previous version intact.
//
// Full-text: two FTS5 tables hold the stemmed text only (contentless: the text itself lives in
// `articles` and `quotes`), with `contentless_delete=1` so that a reanalysis can remove its rows.
// The tokenizer folds case and accents; the stems come from query/french.ts.

import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FTS_TOKENIZER = `tokenize = 'unicode61 remove_diacritics 2'`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'articles, sources, quotes, speakers, entities, mentions, dates, figures, full-text indexes',
    sql: `
CREATE TABLE sources (
  pk INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);

CREATE TABLE articles (
  pk INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  id_given INTEGER NOT NULL,
  text_hash TEXT NOT NULL,
  source TEXT,
  source_pk INTEGER REFERENCES sources (pk),
  url TEXT,
  title TEXT,
  date TEXT,
  date_precision TEXT,
  day TEXT,
  text TEXT NOT NULL,
  chars INTEGER NOT NULL,
  schema_version INTEGER NOT NULL,
  origin_file TEXT,
  origin_line INTEGER,
  ingested_at TEXT NOT NULL
);
CREATE INDEX articles_hash ON articles (text_hash);
CREATE INDEX articles_day ON articles (day);
CREATE INDEX articles_source ON articles (source_pk);

CREATE TABLE speakers (
  pk INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL
);

CREATE TABLE entities (
  pk INTEGER PRIMARY KEY,
  article INTEGER NOT NULL REFERENCES articles (pk),
  eid TEXT NOT NULL,
  type TEXT NOT NULL,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  gender TEXT,
  aliases TEXT,
  roles TEXT,
  UNIQUE (article, eid)
);
CREATE INDEX entities_name ON entities (name_key);

CREATE TABLE mentions (
  pk INTEGER PRIMARY KEY,
  entity INTEGER NOT NULL REFERENCES entities (pk),
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX mentions_entity ON mentions (entity);

CREATE TABLE quotes (
  pk INTEGER PRIMARY KEY,
  article INTEGER NOT NULL REFERENCES articles (pk),
  qid TEXT NOT NULL,
  day TEXT,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  kind TEXT NOT NULL,
  cue_start INTEGER,
  cue_end INTEGER,
  cue_text TEXT,
  cue_lemma TEXT,
  speaker INTEGER REFERENCES speakers (pk),
  speaker_name TEXT,
  speaker_type TEXT,
  mention_start INTEGER,
  mention_end INTEGER,
  mention_text TEXT,
  entity INTEGER REFERENCES entities (pk),
  date_ids TEXT,
  figure_ids TEXT,
  UNIQUE (article, qid)
);
CREATE INDEX quotes_speaker ON quotes (speaker, day);
CREATE INDEX quotes_day ON quotes (day);
CREATE INDEX quotes_entity ON quotes (entity);

CREATE TABLE dates (
  pk INTEGER PRIMARY KEY,
  article INTEGER NOT NULL REFERENCES articles (pk),
  did TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  value TEXT NOT NULL,
  precision TEXT NOT NULL,
  kind TEXT NOT NULL,
  UNIQUE (article, did)
);

CREATE TABLE figures (
  pk INTEGER PRIMARY KEY,
  article INTEGER NOT NULL REFERENCES articles (pk),
  fid TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  value REAL NOT NULL,
  unit TEXT,
  of_text TEXT,
  UNIQUE (article, fid)
);

-- rowid = day number of the article's date * 2^28 + articles.pk (see sqlite.ts ftsKey): the index
-- is in date order, so date filters are rowid ranges and "the most recent matches" a rowid bound.
-- meta holds filter tokens: src<sources.pk>.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
  title, body, meta, content = '', contentless_delete = 1, ${FTS_TOKENIZER}
);
-- rowid = day number * 2^32 + quotes.pk; meta: src<pk> k<kind> t<speaker type>.
CREATE VIRTUAL TABLE quotes_fts USING fts5 (
  text, speaker, meta, content = '', contentless_delete = 1, ${FTS_TOKENIZER}
);
`,
  },
  {
    version: 2,
    name: 'full-text indexes of the most recent articles and quotes, where searches are ranked',
    sql: `
-- The rows of articles_fts / quotes_fts whose rowid (date order) is >= fts_recent.cut, again:
-- bm25 reads the whole posting list of every searched word for its IDF, so a search whose
-- ranking window holds only recent matches is ranked here, on a fraction of the archive (see
-- sqlite.ts, "Recent indexes"). cut 0: every row. filled 0: not built (yet): built by the store
-- from the stored rows once the archive holds more than twice the recent index's size.
CREATE VIRTUAL TABLE articles_recent_fts USING fts5 (
  title, body, meta, content = '', contentless_delete = 1, ${FTS_TOKENIZER}
);
CREATE VIRTUAL TABLE quotes_recent_fts USING fts5 (
  text, speaker, meta, content = '', contentless_delete = 1, ${FTS_TOKENIZER}
);
CREATE TABLE fts_recent (
  name TEXT PRIMARY KEY,
  cut INTEGER NOT NULL,
  filled INTEGER NOT NULL
);
INSERT INTO fts_recent (name, cut, filled) VALUES ('articles', 0, 0), ('quotes', 0, 0);
`,
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export class SchemaTooNewError extends Error {}

/** Brings the database to the latest schema; returns the versions before and after. */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[] = MIGRATIONS,
): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;
  if (from > latest) {
    throw new SchemaTooNewError(
      `the archive has schema version ${from}, newer than this verbatim knows (${latest}): upgrade verbatim`,
    );
  }
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  for (const m of migrations) {
    if (m.version <= from) continue;
    db.transaction(() => {
      // Read again under the write lock: another process may have migrated meanwhile.
      if ((db.pragma('user_version', { simple: true }) as number) >= m.version) return;
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return { from, to: Math.max(from, latest) };
}
