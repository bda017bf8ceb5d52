// The HTTP server of `verbatim serve` (fastify): a JSON API over the query layer (the same
// functions as the CLI), POST /analyze, the OpenAPI document, and the web app's pages. Built as a
// function of an open Store so that tests drive it with `app.inject` and no socket.

import { STATUS_CODES } from 'node:http';

import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';

import { articleRecord } from '../io/read-articles.js';
import { QueryError } from '../query/errors.js';
import { listArticles, overview, speakerPage } from '../query/profiles.js';
import { archiveStats, findQuotes, getArticle, topEntities, topSpeakers } from '../query/questions.js';
import { search, type SearchParams, type SearchResult } from '../query/search.js';
import type { Store } from '../store/store.js';
import type { Analysis, Article } from '../types.js';
import { PASTE_JS, STYLE_CSS } from './assets.js';
import { openApiDocument, SCHEMAS, type RouteDoc } from './openapi.js';
import { SearchCache } from './cache.js';
import { analyzePool, searchPool } from './pool.js';
import {
  articlePage,
  articlesPage,
  errorPage,
  overviewPage,
  pastePage,
  searchPage,
  speakerPageHtml,
  type SearchForm,
} from './pages.js';

/** POST /analyze takes bodies up to this many bytes (a long article is ~100 kB). */
export const ANALYZE_BODY_LIMIT = 2 * 1024 * 1024;

export interface AppOptions {
  store: Store;
  /** Shown in the OpenAPI document. */
  version?: string;
  /** Log requests (pino, JSON lines on stdout). Default false. */
  logger?: boolean;
  analyzeBodyLimit?: number;
  /**
   * Run searches on this many worker threads, each with its own connection to the archive file
   * `db` (the store's location by default). 0 (the default): in the request's thread.
   */
  searchWorkers?: number;
  db?: string;
  /** Run POST /analyze on this many worker threads; 0 (the default): in the request's thread. */
  analyzeWorkers?: number;
  /**
   * Keep the answers of this many distinct searches (least recently used out), dropped whenever
   * the archive changes. 0 (the default): no cache.
   */
  searchCache?: number;
}

/** Every response: no inline script or style, nothing from elsewhere, no framing. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

type Query = Record<string, string | number | undefined>;

type Analyze = (input: Article) => Analysis;
let analyzeFn: Promise<Analyze> | null = null;
/** analyze() is loaded on first use: the lexicons stay out of a server that only searches. */
function loadAnalyze(): Promise<Analyze> {
  analyzeFn ??= import('../analyze.js').then((m) => (a: Article) => m.analyze(a));
  return analyzeFn;
}

/** JSON errors for the API, HTML pages for the web app. */
function isApi(req: FastifyRequest): boolean {
  const url = req.url;
  return (
    url.startsWith('/api/') || url === '/api' || url.startsWith('/analyze') || url.startsWith('/openapi')
  );
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

function intParam(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^\d{1,9}$/.test(v)) return Number(v);
  return undefined;
}

export function buildApp(options: AppOptions): FastifyInstance {
  const { store } = options;
  const app = Fastify({
    logger: options.logger ?? false,
    // Room for the largest page of results; POST /analyze has its own limit.
    bodyLimit: 64 * 1024,
    ajv: { customOptions: { coerceTypes: true, removeAdditional: false, allErrors: false } },
  });

  const workers = options.searchWorkers ?? 0;
  const pool = workers > 0 ? searchPool(options.db ?? store.location, workers) : null;
  if (pool) app.addHook('onClose', async () => pool.close());
  const analyzers = (options.analyzeWorkers ?? 0) > 0 ? analyzePool(options.analyzeWorkers!) : null;
  if (analyzers) app.addHook('onClose', async () => analyzers.close());
  const cache = new SearchCache(options.searchCache ?? 0, () => store.dataVersion());
  /** A search: from the cache, else on a worker (or here); `hit` tells which. */
  const runSearch = async (params: SearchParams): Promise<{ result: SearchResult; hit: boolean }> => {
    const key = JSON.stringify(params);
    const cached = cache.get(key);
    if (cached) return { result: cached, hit: true };
    const version = cache.enabled ? cache.current() : 0;
    // The same words and filters on the same worker, whatever the page: it has their counts.
    const affinity = JSON.stringify([
      params.text,
      params.from,
      params.to,
      params.source,
      params.articles,
      params.quotes,
    ]);
    const result = pool ? await pool.run(params, affinity) : search(store, params);
    cache.set(key, result, version);
    return { result, hit: false };
  };

  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    return payload;
  });

  app.setErrorHandler((err: Error & { statusCode?: number; validation?: unknown }, req, reply) => {
    let status = err.statusCode ?? 500;
    if (err instanceof QueryError || err.validation) status = 400;
    if (status < 400 || status > 599) status = 500;
    if (status >= 500) req.log.error(err);
    const message = status >= 500 ? 'internal server error' : err.message;
    send(req, reply, status, message);
  });

  app.setNotFoundHandler((req, reply) => {
    send(req, reply, 404, `no such page: ${req.method} ${req.url.split('?')[0]}`);
  });

  function send(req: FastifyRequest, reply: FastifyReply, status: number, message: string): void {
    reply.status(status);
    if (isApi(req) || req.method !== 'GET') {
      void reply
        .type('application/json; charset=utf-8')
        .send({ status, error: STATUS_CODES[status], message });
    } else {
      void reply.type('text/html; charset=utf-8').send(errorPage(status, message));
    }
  }

  // -------------------------------------------------------------------------------------------
  // JSON API

  const routes: (RouteDoc & { handler: (req: FastifyRequest, reply: FastifyReply) => unknown })[] = [
    {
      method: 'get',
      path: '/api/search',
      summary: 'Full-text search of articles and quotes, ranked, with counts and highlighted snippets',
      query: SCHEMAS.search,
      response: 'SearchResult',
      handler: async (req, reply) => {
        const q = req.query as Query;
        const limit = intParam(q['limit']) ?? 10;
        const offset = intParam(q['offset']) ?? 0;
        const what = str(q['in']) ?? 'all';
        const { result: r, hit } = await runSearch({
          text: String(q['q'] ?? ''),
          from: str(q['from']),
          to: str(q['to']),
          source: str(q['source']),
          limit,
          offset,
          articles: what !== 'quotes',
          quotes: what !== 'articles',
        });
        if (cache.enabled) void reply.header('x-cache', hit ? 'hit' : 'miss');
        return { ...r, limit, offset };
      },
    },
    {
      method: 'get',
      path: '/api/quotes',
      summary: 'Quotes by speaker, subject, period, source, kind: newest first, or by relevance with about',
      query: SCHEMAS.quotes,
      response: 'QuotePage',
      handler: (req) => {
        const q = req.query as Query;
        const limit = intParam(q['limit']) ?? 20;
        const offset = intParam(q['offset']) ?? 0;
        const page = findQuotes(store, {
          speaker: str(q['speaker']),
          about: str(q['about']),
          kind: str(q['kind']),
          speakerType: str(q['speakerType']),
          article: str(q['article']),
          from: str(q['from']),
          to: str(q['to']),
          source: str(q['source']),
          limit,
          offset,
        });
        return { total: page.total, limit, offset, hits: page.hits };
      },
    },
    {
      method: 'get',
      path: '/api/speakers',
      summary: 'Speakers by number of quotes, with gender, kinds, articles and dates',
      query: SCHEMAS.speakers,
      response: 'Speakers',
      handler: (req) => {
        const q = req.query as Query;
        return {
          speakers: topSpeakers(store, {
            top: intParam(q['top']),
            type: str(q['type']),
            name: str(q['name']),
            from: str(q['from']),
            to: str(q['to']),
            source: str(q['source']),
          }),
        };
      },
    },
    {
      method: 'get',
      path: '/api/speakers/{name}',
      summary: "One speaker: roles, gender, quotes per month, and a page of the speaker's quotes",
      params: SCHEMAS.nameParam,
      query: SCHEMAS.page,
      response: 'SpeakerPage',
      notFound: true,
      handler: (req) => {
        const { name } = req.params as { name: string };
        const q = req.query as Query;
        const p = speakerPage(store, name, { limit: intParam(q['limit']), offset: intParam(q['offset']) });
        if (!p) throw new HttpError(404, `no speaker named ${JSON.stringify(name)}`);
        return p;
      },
    },
    {
      method: 'get',
      path: '/api/entities',
      summary: 'Entities (persons, organisations, places) by number of articles',
      query: SCHEMAS.entities,
      response: 'Entities',
      handler: (req) => {
        const q = req.query as Query;
        return {
          entities: topEntities(store, {
            top: intParam(q['top']),
            type: str(q['type']),
            name: str(q['name']),
            from: str(q['from']),
            to: str(q['to']),
            source: str(q['source']),
          }),
        };
      },
    },
    {
      method: 'get',
      path: '/api/articles',
      summary: 'Articles, newest first, with their number of quotes',
      query: SCHEMAS.articles,
      response: 'ArticleList',
      handler: (req) => {
        const q = req.query as Query;
        return listArticles(store, {
          from: str(q['from']),
          to: str(q['to']),
          source: str(q['source']),
          limit: intParam(q['limit']),
          offset: intParam(q['offset']),
        });
      },
    },
    {
      method: 'get',
      path: '/api/articles/{id}',
      summary: 'One stored article with its full analysis',
      params: SCHEMAS.idParam,
      response: 'StoredArticle',
      notFound: true,
      handler: (req) => {
        const { id } = req.params as { id: string };
        const a = getArticle(store, id);
        if (!a) throw new HttpError(404, `no article with id ${JSON.stringify(id)}`);
        return a;
      },
    },
    {
      method: 'get',
      path: '/api/stats',
      summary: 'Counts; quotes by kind, by speaker type, by gender month by month; articles by source',
      query: SCHEMAS.range,
      response: 'Stats',
      handler: (req) => {
        const q = req.query as Query;
        return archiveStats(store, { from: str(q['from']), to: str(q['to']), source: str(q['source']) });
      },
    },
    {
      method: 'get',
      path: '/api/overview',
      summary: 'Stats, top speakers and the share of women among quoted persons by month',
      query: SCHEMAS.overview,
      response: 'Overview',
      handler: (req) => {
        const q = req.query as Query;
        return overview(store, {
          from: str(q['from']),
          to: str(q['to']),
          source: str(q['source']),
          top: intParam(q['top']),
        });
      },
    },
  ];

  for (const r of routes) {
    const url = r.path.replace(/\{(\w+)\}/g, ':$1');
    const schema: Record<string, unknown> = {};
    if (r.query) schema['querystring'] = r.query;
    if (r.params) schema['params'] = r.params;
    app.get(url, { schema }, async (req, reply) => r.handler(req, reply));
  }

  const analyzeDoc: RouteDoc = {
    method: 'post',
    path: '/analyze',
    summary:
      'Analyse one article (JSON {text, id?, date?, title?, source?, url?} or plain text): its quotes, speakers, entities, dates and figures',
    response: 'Analysis',
  };
  app.post('/analyze', { bodyLimit: options.analyzeBodyLimit ?? ANALYZE_BODY_LIMIT }, async (req) => {
    const body: unknown = req.body;
    let article: Article;
    if (typeof body === 'string') {
      if (!/\S/.test(body)) throw new HttpError(400, 'the text is empty');
      article = { id: 'text', text: body, date: null, title: null, source: null, url: null };
    } else {
      const rec = articleRecord(body);
      if (!rec.ok) throw new HttpError(400, `not an article: ${rec.detail}`);
      article = { id: rec.id ?? 'article', ...rec.fields };
    }
    const analyze = await loadAnalyze();
    return analyze(article);
  });

  const document = openApiDocument([...routes, analyzeDoc], options.version ?? '0.0.0');
  app.get('/openapi.json', async () => document);

  // -------------------------------------------------------------------------------------------
  // Web app

  const htmlReply = (reply: FastifyReply, body: string): FastifyReply =>
    reply.type('text/html; charset=utf-8').send(body);

  app.get('/static/style.css', async (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(STYLE_CSS),
  );
  app.get('/static/paste.js', async (_req, reply) =>
    reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(PASTE_JS),
  );

  const searchHandler = async (req: FastifyRequest, reply: FastifyReply) => {
    const q = req.query as Query;
    const form: SearchForm = {
      q: str(q['q']) ?? '',
      from: str(q['from']),
      to: str(q['to']),
      source: str(q['source']),
      in: ['articles', 'quotes'].includes(String(q['in'])) ? String(q['in']) : 'all',
      offset: Math.min(intParam(q['offset']) ?? 0, 100_000),
    };
    const limit = 10;
    if (form.q === '') {
      const c = store.counts();
      return htmlReply(reply, searchPage(form, null, limit, null, c));
    }
    try {
      const { result } = await runSearch({
        text: form.q,
        from: form.from,
        to: form.to,
        source: form.source,
        limit,
        offset: form.offset,
        articles: form.in !== 'quotes',
        quotes: form.in !== 'articles',
      });
      return htmlReply(reply, searchPage(form, result, limit, null));
    } catch (e) {
      if (!(e instanceof QueryError)) throw e;
      reply.status(400);
      return htmlReply(reply, searchPage(form, null, limit, e.message));
    }
  };
  app.get('/', searchHandler);
  app.get('/search', searchHandler);

  app.get('/articles', async (req, reply) => {
    const q = req.query as Query;
    const f = { from: str(q['from']), to: str(q['to']), source: str(q['source']) };
    const list = listArticles(store, {
      ...f,
      limit: 50,
      offset: Math.min(intParam(q['offset']) ?? 0, 10_000_000),
    });
    return htmlReply(reply, articlesPage(list, f));
  });

  app.get('/articles/:id', async (req, reply) => {
    const { id } = req.params as { id: string };
    const a = getArticle(store, id);
    if (!a) throw new HttpError(404, `no article with id ${JSON.stringify(id)}`);
    return htmlReply(reply, articlePage(a));
  });

  app.get('/speakers/:name', async (req, reply) => {
    const { name } = req.params as { name: string };
    const q = req.query as Query;
    const p = speakerPage(store, name, {
      limit: 50,
      offset: Math.min(intParam(q['offset']) ?? 0, 10_000_000),
    });
    if (!p) throw new HttpError(404, `no speaker named ${JSON.stringify(name)} in the archive`);
    return htmlReply(reply, speakerPageHtml(p));
  });

  app.get('/overview', async (req, reply) => {
    const q = req.query as Query;
    return htmlReply(
      reply,
      overviewPage(overview(store, { from: str(q['from']), to: str(q['to']), source: str(q['source']) })),
    );
  });

  app.get('/paste', async (_req, reply) => htmlReply(reply, pastePage()));
  app.get('/favicon.ico', async (_req, reply) =>
    reply.status(204).header('cache-control', 'public, max-age=86400').send(),
  );

  return app;
}
