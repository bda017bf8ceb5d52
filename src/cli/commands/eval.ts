// `verbatim eval --gold GOLD.jsonl --articles ARTICLES.jsonl`: scores analyze() against
// hand-annotated articles and prints the report.

import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';

import { analyze } from '../../analyze.js';
import { runEval } from '../../eval/run.js';
import {
  EXIT_FAILURE,
  EXIT_OK,
  errorMessage,
  processContext,
  reportUsageError,
  type CliContext,
  type Command,
} from '../format.js';

const USAGE = `Usage: verbatim eval --gold GOLD.jsonl --articles ARTICLES.jsonl [--json] [--details]

Runs the analysis on the gold articles and scores it: precision, recall and F1 of the quotes
(spans, kinds, speakers, cues) and of the entities.

Options:
  --gold FILE       Gold annotations: one {"id", "quotes", "people", ...} object a line.
  --articles FILE   The articles the gold refers to by id: one {"id", "text", ...} object a line.
  --json            Print the report as JSON.
  --details         Also list, article by article, the missed and spurious quotes.
  -h, --help        Show this help.

Examples:
  verbatim eval --gold ../shared/corpus/dev/gold.jsonl --articles ../shared/corpus/dev/articles.jsonl
  verbatim eval --gold gold.jsonl --articles articles.jsonl --json --details > report.json

Exit status: 0 when the report was printed; 1 when a file cannot be read or is invalid; 2 on a
usage error.`;

export const evalCommand: Command = {
  name: 'eval',
  summary: 'Score the analysis against a gold corpus',
  usage: USAGE,
  run: (argv, ctx) => runEvalCommand(argv, ctx),
};

export async function runEvalCommand(argv: string[], ctx: CliContext = processContext()): Promise<number> {
  let gold: string;
  let articles: string;
  let json: boolean;
  let details: boolean;
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        gold: { type: 'string' },
        articles: { type: 'string' },
        json: { type: 'boolean' },
        details: { type: 'boolean' },
      },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length > 0) throw new Error(`unexpected argument ${JSON.stringify(positionals[0])}`);
    if (values.gold === undefined) throw new Error('missing --gold FILE');
    if (values.articles === undefined) throw new Error('missing --articles FILE');
    gold = values.gold;
    articles = values.articles;
    json = values.json ?? false;
    details = values.details ?? false;
  } catch (e) {
    return reportUsageError(ctx, evalCommand, errorMessage(e));
  }

  for (const file of [gold, articles]) {
    const problem = await fileProblem(file);
    if (problem) {
      ctx.err(`verbatim eval: ${file}: ${problem}`);
      return EXIT_FAILURE;
    }
  }
  let text: string;
  try {
    ({ text } = await runEval({ gold, articles, analyze, json, details }));
  } catch (e) {
    ctx.err(`verbatim eval: ${errorMessage(e)}`);
    return EXIT_FAILURE;
  }
  await ctx.out.write(text.endsWith('\n') ? text : text + '\n');
  if (ctx.out.failure) {
    ctx.err(`verbatim eval: cannot write the output: ${ctx.out.failure.message}`);
    return EXIT_FAILURE;
  }
  return EXIT_OK;
}

/** Why `file` cannot be read as a file, or null. */
async function fileProblem(file: string): Promise<string | null> {
  try {
    const st = await stat(file);
    return st.isDirectory() ? 'not a file (it is a directory)' : null;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such file';
    if (code === 'EACCES' || code === 'EPERM') return 'cannot read file (permission denied)';
    return `cannot read file (${errorMessage(e)})`;
  }
}
