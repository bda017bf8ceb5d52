// The work done for each article away from the main thread: the analysis, the text hash and the
// stemmed texts of the full-text index. Pure: the same input gives the same record.

import { analyze } from '../analyze.js';
import { indexText } from '../query/french.js';
import type { ArticleRecord } from '../store/store.js';
import type { Article } from '../types.js';
import { textHash } from './normalize.js';

export interface PrepareInput {
  article: Article;
  idGiven: boolean;
  hash: string | null;
  file: string;
  line?: number;
}

export function prepare(input: PrepareInput): ArticleRecord {
  const { article } = input;
  const analysis = analyze(article);
  return {
    article,
    idGiven: input.idGiven,
    hash: input.hash ?? textHash(article.text),
    origin: input.line === undefined ? { file: input.file } : { file: input.file, line: input.line },
    analysis,
    index: indexTexts(article, analysis.quotes),
  };
}

export function indexTexts(
  article: Article,
  quotes: readonly { text: string; speaker: { name: string } | null }[],
): ArticleRecord['index'] {
  return {
    title: indexText(article.title),
    body: indexText(article.text),
    quotes: quotes.map((q) => indexText(q.text)),
    speakers: quotes.map((q) => indexText(q.speaker?.name ?? null)),
  };
}
