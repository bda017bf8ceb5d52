// Runs an analyser over the gold articles and scores it.

import type { Analysis, Article } from '../types.js';
import { loadArticlesById, loadGold, toArticle } from './gold.js';
import { formatDetails, formatJsonReport, formatReport } from './report.js';
import type { ArticleDetails, EntityScores, EvalPair, QuoteScores } from './score.js';
import { collectDetails, scoreEntities, scoreQuotes } from './score.js';

export interface RunEvalOptions {
  /** Path of the gold JSONL. */
  gold: string;
  /** Path of the corpus articles.jsonl holding the gold articles' texts. */
  articles: string;
  analyze: (article: Article) => Analysis | Promise<Analysis>;
  /** `text` is the JSON report instead of the readable one. */
  json?: boolean;
  /** Also compute per-article misses (appended to `text`, or included in the JSON). */
  details?: boolean;
}

export interface EvalScores {
  quotes: QuoteScores;
  entities: EntityScores;
}

export interface RunEvalResult {
  text: string;
  scores: EvalScores;
  details?: ArticleDetails[];
  /** Wall-clock seconds spent in `analyze`. */
  analyzeSeconds: number;
}

export async function runEval(opts: RunEvalOptions): Promise<RunEvalResult> {
  const gold = loadGold(opts.gold);
  const texts = loadArticlesById(opts.articles, new Set(gold.map((g) => g.id)));
  const missing = gold.filter((g) => !texts.has(g.id)).map((g) => g.id);
  if (missing.length > 0) {
    throw new Error(`${opts.articles}: no text for gold article(s) ${missing.slice(0, 10).join(', ')}`);
  }
  const pairs: EvalPair[] = [];
  let analyzeMs = 0;
  for (const g of gold) {
    const article = toArticle(texts.get(g.id)!);
    for (const q of g.quotes) {
      if (q.end > article.text.length) {
        throw new Error(`${opts.gold}: gold quote [${q.start},${q.end}) of ${g.id} is beyond the text`);
      }
    }
    const t0 = performance.now();
    let predicted: Analysis;
    try {
      predicted = await opts.analyze(article);
    } catch (err) {
      throw new Error(`analyze failed on ${g.id}: ${(err as Error).message}`, { cause: err });
    }
    analyzeMs += performance.now() - t0;
    pairs.push({ gold: g, predicted, text: article.text });
  }
  const scores: EvalScores = { quotes: scoreQuotes(pairs), entities: scoreEntities(pairs) };
  const details = opts.details ? collectDetails(pairs) : undefined;
  const text = opts.json
    ? formatJsonReport(scores.quotes, scores.entities, details)
    : formatReport(scores.quotes, scores.entities) + (details ? '\n' + formatDetails(details) : '');
  return { text, scores, ...(details ? { details } : {}), analyzeSeconds: analyzeMs / 1000 };
}
