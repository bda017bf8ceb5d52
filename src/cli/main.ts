#!/usr/bin/env node
// The `verbatim` bin: a table of commands, each one function returning its exit code.
// Global options: --help / -h, --version / -v. `verbatim help CMD` and `verbatim CMD --help`
// print the command's usage.

import { readFileSync } from 'node:fs';

import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, errorMessage, processContext, type Command } from './format.js';

/**
 * The command table. Each command's module is loaded only when it runs: the analysis (its
 * gazetteers, chrono-node) stays out of a process that only searches the archive, and out of the
 * main thread of `ingest`, whose workers load it.
 */
interface CommandEntry {
  name: string;
  summary: string;
  load: () => Promise<Command>;
}

const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'analyze',
    summary: 'Extract quotations and their speakers from articles',
    load: async () => (await import('./commands/analyze.js')).analyzeCommand,
  },
  {
    name: 'eval',
    summary: 'Score the analysis against a gold corpus',
    load: async () => (await import('./commands/eval.js')).evalCommand,
  },
  {
    name: 'ingest',
    summary: 'Analyse articles into the archive (files, folders, globs; HTML, RSS)',
    load: async () => (await import('./commands/ingest.js')).ingestCommand,
  },
  {
    name: 'search',
    summary: 'Full-text search of the archive: articles and quotes, ranked',
    load: async () => (await import('./commands/search.js')).searchCommand,
  },
  {
    name: 'quotes',
    summary: 'Quotes by speaker, subject, period, source, kind',
    load: async () => (await import('./commands/quotes.js')).quotesCommand,
  },
  {
    name: 'speakers',
    summary: 'Who is quoted most: counts and gender',
    load: async () => (await import('./commands/speakers.js')).speakersCommand,
  },
  {
    name: 'entities',
    summary: 'The people, organisations and places of the archive',
    load: async () => (await import('./commands/entities.js')).entitiesCommand,
  },
  {
    name: 'article',
    summary: 'One stored article with its quotes marked',
    load: async () => (await import('./commands/article.js')).articleCommand,
  },
  {
    name: 'stats',
    summary: 'Archive counts; quotes by kind and by gender over time',
    load: async () => (await import('./commands/stats.js')).statsCommand,
  },
  {
    name: 'export',
    summary: 'Export quotes with speaker, article, date, source (JSONL, CSV)',
    load: async () => (await import('./commands/export.js')).exportCommand,
  },
  {
    name: 'serve',
    summary: 'Web app and JSON API over the archive (HTTP)',
    load: async () => (await import('./commands/serve.js')).serveCommand,
  },
];

async function findCommand(name: string): Promise<Command | undefined> {
  return COMMANDS.find((c) => c.name === name)?.load();
}

function version(): string {
  // src/cli/main.ts and dist/cli/main.js both sit two levels below package.json.
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version?: unknown;
  };
  return typeof pkg.version === 'string' ? pkg.version : 'unknown';
}

function globalUsage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length), 'help'.length) + 2;
  const rows = [
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    `  ${'help'.padEnd(width)}Show the help of a command`,
  ];
  return `Usage: verbatim <command> [options]

Who said what in French news: quotations, speakers, entities, with exact character offsets.

Commands:
${rows.join('\n')}

Options:
  -h, --help     Show this help
  -v, --version  Print the version

Examples:
  verbatim analyze examples/exemple.txt
  verbatim analyze --json examples/exemples.jsonl
  cat article.txt | verbatim analyze -
  verbatim eval --gold gold.jsonl --articles articles.jsonl
  verbatim help analyze

Run 'verbatim help <command>' for a command's options.`;
}

/** True when argv asks for help before any `--` (after which everything is an operand). */
function wantsHelp(argv: string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

export async function main(argv: string[]): Promise<number> {
  const ctx = processContext();
  const [first, ...rest] = argv;
  if (first === undefined) {
    ctx.err(globalUsage());
    return EXIT_USAGE;
  }
  if (first === '--help' || first === '-h') {
    await ctx.out.line(globalUsage());
    return EXIT_OK;
  }
  if (first === '--version' || first === '-v') {
    await ctx.out.line(version());
    return EXIT_OK;
  }
  if (first === 'help') {
    const topic = rest[0];
    if (topic === undefined) {
      await ctx.out.line(globalUsage());
      return EXIT_OK;
    }
    const command = await findCommand(topic);
    if (!command) {
      ctx.err(`verbatim: unknown command ${JSON.stringify(topic)}\n`);
      ctx.err(globalUsage());
      return EXIT_USAGE;
    }
    await ctx.out.line(command.usage);
    return EXIT_OK;
  }
  const command = await findCommand(first);
  if (!command) {
    const what = first.startsWith('-') ? 'unknown option' : 'unknown command';
    ctx.err(`verbatim: ${what} ${JSON.stringify(first)}\n`);
    ctx.err(globalUsage());
    return EXIT_USAGE;
  }
  if (wantsHelp(rest)) {
    await ctx.out.line(command.usage);
    return EXIT_OK;
  }
  return command.run(rest, ctx);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // Standard input may still be open (a command that stopped early, e.g. `| head`): it must
    // not keep the process waiting.
    if (
      !process.stdin.destroyed &&
      process.stdin.listenerCount('data') + process.stdin.listenerCount('readable') > 0
    ) {
      process.stdin.destroy();
    }
  },
  (e: unknown) => {
    process.stderr.write(
      `verbatim: internal error: ${e instanceof Error ? (e.stack ?? e.message) : errorMessage(e)}\n`,
    );
    process.exitCode = EXIT_FAILURE;
  },
);
