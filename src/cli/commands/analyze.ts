// `verbatim analyze FILE...`: reads articles (readInputs), analyses each one, and prints either a
// human-readable summary or one JSON analysis a line. A bad input or a failed analysis is
// reported on stderr and does not stop the others; the exit code says whether any failed.

import { parseArgs } from 'node:util';

import { analyze } from '../../analyze.js';
import { DEFAULT_MAX_TEXT_CHARS, formatInputError, readInputs } from '../../io/read-articles.js';
import type { Analysis, Article } from '../../types.js';
import {
  EXIT_FAILURE,
  EXIT_OK,
  errorMessage,
  formatAnalysis,
  processContext,
  reportUsageError,
  type CliContext,
  type Command,
} from '../format.js';

const USAGE = `Usage: verbatim analyze FILE... [--json] [--max-chars N]

Extracts the quotations of each article with their speakers and reporting verbs.

FILE is a text file (optionally starting with a header "date YYYY-MM-DD", "date YYYY-MM" or
"date YYYY"), a .jsonl file (one {"text": ..., "id", "date", "title", "source", "url"} object a
line), a .json file (one such object or an array of them), or "-" for standard input.

Options:
  --json          Print one JSON object per article per line: the analyze() result
                  (schema: docs/schema.md). Default: a readable summary.
  --max-chars N   Reject articles longer than N characters (default ${DEFAULT_MAX_TEXT_CHARS}).
  -h, --help      Show this help.

Examples:
  verbatim analyze examples/exemple.txt
  verbatim analyze --json examples/exemples.jsonl > analyses.jsonl
  cat article.txt | verbatim analyze -
  verbatim analyze --json corpus/*.jsonl | head -n 5

Exit status: 0 when every article was analysed; 1 when an input or an article failed (the
others are still analysed, and each problem is reported on stderr); 2 on a usage error.`;

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'Extract quotations and their speakers from articles',
  usage: USAGE,
  run: (argv, ctx) => runAnalyze(argv, ctx),
};

/** The analyze command; `analyzeFn` is replaceable for tests. */
export async function runAnalyze(
  argv: string[],
  ctx: CliContext = processContext(),
  analyzeFn: (article: Article) => Analysis = analyze,
): Promise<number> {
  let json: boolean;
  let files: string[];
  let maxTextChars = DEFAULT_MAX_TEXT_CHARS;
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { json: { type: 'boolean' }, 'max-chars': { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    json = values.json ?? false;
    files = positionals;
    const max = values['max-chars'];
    if (max !== undefined) {
      maxTextChars = Number(max);
      if (!/^\d+$/.test(max) || !Number.isSafeInteger(maxTextChars) || maxTextChars < 1) {
        throw new Error(`--max-chars must be a positive integer, got ${JSON.stringify(max)}`);
      }
    }
  } catch (e) {
    return reportUsageError(ctx, analyzeCommand, errorMessage(e));
  }
  if (files.length === 0) {
    return reportUsageError(
      ctx,
      analyzeCommand,
      'no input: give one or more files, or "-" for standard input',
    );
  }

  let analysed = 0;
  let failed = 0;
  for await (const item of readInputs(files, { maxTextChars, stdin: ctx.stdin })) {
    if (!item.ok) {
      ctx.err(`verbatim: ${formatInputError(item.error)}`);
      failed++;
      continue;
    }
    let result: Analysis;
    try {
      result = analyzeFn(item.article);
    } catch (e) {
      const where = item.line === undefined ? item.file : `${item.file}:${item.line}`;
      ctx.err(
        `verbatim: ${where}: analysis of article ${JSON.stringify(item.article.id)} failed: ${errorMessage(e)}`,
      );
      failed++;
      continue;
    }
    analysed++;
    if (json) {
      await ctx.out.line(JSON.stringify(result));
    } else {
      if (analysed > 1) await ctx.out.line('');
      for (const line of formatAnalysis(result)) await ctx.out.line(line);
    }
    // The reader went away (`| head`): stop reading; breaking out closes the open file.
    if (ctx.out.closed) break;
  }

  if (ctx.out.failure) {
    ctx.err(`verbatim: cannot write the output: ${ctx.out.failure.message}`);
    return EXIT_FAILURE;
  }
  if (failed > 0) {
    const errors = failed === 1 ? '1 error' : `${failed} errors`;
    const articles = analysed === 1 ? '1 article' : `${analysed} articles`;
    ctx.err(`verbatim: ${errors}; ${articles} analysed`);
    return EXIT_FAILURE;
  }
  return EXIT_OK;
}
