// The catalogue of problems an ingest reports: the input errors of `verbatim analyze` (same codes,
// same messages) plus those of the formats and stages only ingest has. Each problem names the
// file, the line (JSONL) or item (JSON array, feed) when there is one, and the reason.

import { INPUT_ERRORS } from '../io/errors.js';

export const INGEST_ERRORS = {
  ...INPUT_ERRORS,
  /** An HTML page in which Readability finds no article text. */
  E_NO_ARTICLE: 'no article in the HTML page',
  /** An .xml/.rss/.atom file that is not an RSS or Atom feed, or has no item. */
  E_FEED: 'not an RSS or Atom feed',
  /** A glob or directory that matched no file. */
  E_NO_MATCH: 'no file matches',
  /** analyze() threw on this article, or its worker died. */
  E_ANALYSIS: 'analysis failed',
  /** The archive refused the record (a constraint, a value it cannot hold). */
  E_STORE: 'could not store the article',
} as const;

export type IngestErrorCode = keyof typeof INGEST_ERRORS;

export interface IngestError {
  code: IngestErrorCode;
  /** The path as found (under a directory given, or the glob's match). */
  file: string;
  /** 1-based line (JSONL) or item number (JSON array, RSS/Atom feed). */
  line?: number;
  /** The article id, when the record got that far. */
  id?: string;
  /** The reason: the catalogue's message, with a detail in parentheses. */
  message: string;
}

export function ingestError(
  code: IngestErrorCode,
  file: string,
  detail?: string,
  line?: number,
  id?: string,
): IngestError {
  const e: IngestError = {
    code,
    file,
    message: detail ? `${INGEST_ERRORS[code]} (${detail})` : INGEST_ERRORS[code],
  };
  if (line !== undefined) e.line = line;
  if (id !== undefined) e.id = id;
  return e;
}

/** "corpus/a.jsonl:12: invalid JSON (Unexpected token ...)". */
export function formatIngestError(e: IngestError): string {
  const where = e.line === undefined ? e.file : `${e.file}:${e.line}`;
  return `${where}: ${e.message}${e.id !== undefined ? ` [id ${e.id}]` : ''}`;
}
