// `verbatim serve`: the HTTP server (src/server/app.ts) over an archive: the JSON API, POST
// /analyze, /openapi.json and the web app. Runs until SIGINT or SIGTERM.

import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

import { DEFAULT_DB, openStore } from '../../store/open.js';
import type { Store } from '../../store/store.js';
import { FLAG, OptionError, STRING, intOption, parseCommandArgs } from '../archive-command.js';
import {
  EXIT_FAILURE,
  EXIT_OK,
  errorMessage,
  processContext,
  reportUsageError,
  type Command,
} from '../format.js';

const USAGE = `Usage: verbatim serve [--db FILE] [--port N] [--host ADDRESS] [--workers N] [--cache N] [--log]

Serves the archive over HTTP: the web app (search, articles, speakers, overview, a paste box that
analyses any text), a JSON API over the same questions as the CLI (/api/search, /api/quotes,
/api/speakers, /api/entities, /api/articles, /api/stats), POST /analyze (an article in, its
analysis out) and the API's OpenAPI document at /openapi.json. Listens on 127.0.0.1 unless told
otherwise; stops on Ctrl-C.

Options:
  --db FILE        The archive (default $VERBATIM_DB or ./${DEFAULT_DB}); it must exist.
  --port N         TCP port (default 8080; 0 picks a free one).
  --host ADDRESS   Address to listen on (default 127.0.0.1; 0.0.0.0 for every interface).
  --workers N      Search on N worker threads (default: the number of cores; 0: in the
                   server's thread).
  --cache N        Keep the answers of the N most recent distinct searches (default 1000; 0:
                   none); dropped whenever the archive changes.
  --log            Log every request (JSON lines on standard output).
  --json           Print the address as one JSON line once listening.
  -h, --help       Show this help.

Examples:
  verbatim ingest ../shared/corpus/dev/articles.jsonl && verbatim serve
  verbatim serve --db archive.db --port 3000
  curl 'http://127.0.0.1:8080/api/search?q=gilets+jaunes&limit=3'

Exit status: 0 after a clean stop; 1 when the archive cannot be read or the port is taken; 2 on a
usage error.`;

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
      version?: unknown;
    };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Web app and JSON API over the archive (HTTP)',
  usage: USAGE,
  run: async (argv, ctx = processContext()) => {
    let port: number;
    let host: string;
    let workers: number;
    let cacheSize: number;
    let args;
    try {
      args = parseCommandArgs(argv, {
        port: STRING,
        host: STRING,
        workers: STRING,
        cache: STRING,
        log: FLAG,
      });
      cacheSize = intOption(args.values.cache, 'cache', 1000, 0);
      workers = intOption(args.values.workers, 'workers', availableParallelism(), 0);
      port = intOption(args.values.port, 'port', 8080, 0);
      if (port > 65535) throw new OptionError(`--port must be at most 65535, got ${port}`);
      host = args.values.host ?? '127.0.0.1';
    } catch (e) {
      return reportUsageError(ctx, serveCommand, errorMessage(e));
    }
    let store: Store;
    try {
      store = openStore(args.db, { mustExist: true });
    } catch (e) {
      ctx.err(`verbatim serve: ${errorMessage(e)}`);
      return EXIT_FAILURE;
    }
    const { buildApp } = await import('../../server/app.js');
    const app = buildApp({
      store,
      db: args.db,
      searchWorkers: workers,
      // Analyses of posted texts on their own thread: a long text never holds up the pages.
      analyzeWorkers: 1,
      searchCache: cacheSize,
      version: version(),
      logger: args.values.log ?? false,
    });
    let address: string;
    try {
      address = await app.listen({ port, host });
    } catch (e) {
      store.close();
      ctx.err(`verbatim serve: cannot listen on ${host}:${port}: ${errorMessage(e)}`);
      return EXIT_FAILURE;
    }
    const c = store.counts();
    if (args.values.json) {
      await ctx.out.line(
        JSON.stringify({ url: `${address}/`, db: args.db, articles: c.articles, quotes: c.quotes }),
      );
    } else {
      await ctx.out.line(
        `verbatim serve: ${address}/ (archive ${args.db}: ${c.articles.toLocaleString('en-US')} articles, ${c.quotes.toLocaleString('en-US')} quotes); Ctrl-C stops`,
      );
    }
    await new Promise<void>((resolve) => {
      const stop = (): void => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await app.close();
    store.close();
    return EXIT_OK;
  },
};
