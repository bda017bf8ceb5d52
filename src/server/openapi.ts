// The JSON schemas of the API's parameters (fastify validates requests with them) and the OpenAPI
// 3.1 document built from the same objects, served at /openapi.json.

export const DATE_PATTERN = '^\\d{4}(-\\d{2}(-\\d{2})?)?$';

const date = (side: string) =>
  ({
    type: 'string',
    pattern: DATE_PATTERN,
    description: `${side} this date of the article (YYYY, YYYY-MM or YYYY-MM-DD, inclusive)`,
  }) as const;

export const RANGE_PROPS = {
  from: date('From'),
  to: date('Until'),
  source: {
    type: 'string',
    maxLength: 200,
    description: 'Articles whose source name contains this (case and accents folded)',
  },
} as const;

export const PAGE_PROPS = {
  limit: { type: 'integer', minimum: 1, maximum: 100, default: 20, description: 'Results per page' },
  offset: { type: 'integer', minimum: 0, maximum: 100000, default: 0, description: 'Results skipped' },
} as const;

const QUOTE_KIND = { type: 'string', enum: ['direct', 'indirect', 'mixed'] } as const;
const SPEAKER_TYPE = {
  type: 'string',
  enum: ['person', 'organization', 'group', 'anonymous', 'document'],
} as const;
const ENTITY_TYPE = { type: 'string', enum: ['person', 'organization', 'place'] } as const;

export interface JsonSchema {
  [key: string]: unknown;
}

const obj = (properties: Record<string, unknown>, required: string[] = []): JsonSchema => ({
  type: 'object',
  properties,
  ...(required.length > 0 ? { required } : {}),
  additionalProperties: false,
});

export const SCHEMAS = {
  search: obj(
    {
      q: { type: 'string', minLength: 1, maxLength: 500, description: 'Words; "quoted words" for a phrase' },
      in: {
        type: 'string',
        enum: ['all', 'articles', 'quotes'],
        default: 'all',
        description: 'What to search',
      },
      ...RANGE_PROPS,
      limit: { ...PAGE_PROPS.limit, default: 10 },
      offset: PAGE_PROPS.offset,
    },
    ['q'],
  ),
  quotes: obj({
    speaker: {
      type: 'string',
      maxLength: 200,
      description: 'Words of the speaker name; the last may be cut short',
    },
    about: {
      type: 'string',
      maxLength: 500,
      description: 'Words of the quote (full text, ranks by relevance)',
    },
    kind: QUOTE_KIND,
    speakerType: SPEAKER_TYPE,
    article: { type: 'string', maxLength: 500, description: 'Only the quotes of this article id' },
    ...RANGE_PROPS,
    ...PAGE_PROPS,
  }),
  speakers: obj({
    top: { type: 'integer', minimum: 1, maximum: 1000, default: 20 },
    type: SPEAKER_TYPE,
    name: { type: 'string', maxLength: 200, description: 'Words the name must contain' },
    ...RANGE_PROPS,
  }),
  entities: obj({
    top: { type: 'integer', minimum: 1, maximum: 1000, default: 20 },
    type: ENTITY_TYPE,
    name: { type: 'string', maxLength: 200 },
    ...RANGE_PROPS,
  }),
  articles: obj({ ...RANGE_PROPS, ...PAGE_PROPS }),
  range: obj({ ...RANGE_PROPS }),
  overview: obj({ ...RANGE_PROPS, top: { type: 'integer', minimum: 1, maximum: 100, default: 15 } }),
  page: obj({ ...PAGE_PROPS }),
  idParam: obj({ id: { type: 'string', minLength: 1, maxLength: 500 } }, ['id']),
  nameParam: obj({ name: { type: 'string', minLength: 1, maxLength: 500 } }, ['name']),
} as const satisfies Record<string, JsonSchema>;

/** The article JSON accepted by POST /analyze. */
export const ARTICLE_INPUT: JsonSchema = {
  type: 'object',
  required: ['text'],
  properties: {
    text: { type: 'string', minLength: 1 },
    id: { type: 'string' },
    date: { type: 'string', description: 'YYYY, YYYY-MM, YYYY-MM-DD or an ISO timestamp' },
    title: { type: 'string' },
    source: { type: 'string' },
    url: { type: 'string' },
  },
};

export interface RouteDoc {
  method: 'get' | 'post';
  /** OpenAPI path ({name} parameters). */
  path: string;
  summary: string;
  query?: JsonSchema;
  params?: JsonSchema;
  /** Component name of the 200 response body. */
  response: string;
  notFound?: boolean;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ref('Error') } },
});

const span = {
  type: 'object',
  required: ['start', 'end', 'text'],
  properties: { start: { type: 'integer' }, end: { type: 'integer' }, text: { type: 'string' } },
};
const nullable = (type: string) => ({ type: [type, 'null'] });

/** Response bodies, described for clients (responses are not validated against them). */
const COMPONENTS: Record<string, JsonSchema> = {
  Error: {
    type: 'object',
    required: ['status', 'error', 'message'],
    properties: {
      status: { type: 'integer', description: 'The HTTP status' },
      error: { type: 'string', description: 'Its reason phrase' },
      message: { type: 'string', description: 'What went wrong' },
    },
  },
  Highlight: { type: 'object', properties: { start: { type: 'integer' }, end: { type: 'integer' } } },
  QuoteRow: {
    type: 'object',
    description: 'A stored quote with its article (offsets into the article text)',
    properties: {
      articleId: { type: 'string' },
      quoteId: { type: 'string' },
      date: nullable('string'),
      datePrecision: nullable('string'),
      source: nullable('string'),
      title: nullable('string'),
      url: nullable('string'),
      kind: QUOTE_KIND,
      start: { type: 'integer' },
      end: { type: 'integer' },
      text: { type: 'string' },
      cue: nullable('string'),
      cueLemma: nullable('string'),
      speaker: nullable('string'),
      speakerType: nullable('string'),
      gender: nullable('string'),
      score: { type: 'number' },
    },
  },
  QuotePage: {
    type: 'object',
    properties: {
      total: { type: 'integer' },
      limit: { type: 'integer' },
      offset: { type: 'integer' },
      hits: { type: 'array', items: ref('QuoteRow') },
    },
  },
  SearchResult: {
    type: 'object',
    properties: {
      query: { type: 'string' },
      terms: { type: 'array', items: { type: 'array', items: { type: 'string' } } },
      limit: { type: 'integer' },
      offset: { type: 'integer' },
      articles: {
        type: 'object',
        properties: {
          total: { type: 'integer' },
          ranked: { type: 'integer', description: 'Matches ranked: all, or the most recent 1,000' },
          hits: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                id: { type: 'string' },
                title: nullable('string'),
                date: nullable('string'),
                source: nullable('string'),
                url: nullable('string'),
                quotes: { type: 'integer' },
                score: { type: 'number' },
                snippet: {
                  type: 'object',
                  properties: {
                    start: { type: 'integer' },
                    end: { type: 'integer' },
                    text: { type: 'string' },
                    highlights: { type: 'array', items: ref('Highlight') },
                    cutStart: { type: 'boolean' },
                    cutEnd: { type: 'boolean' },
                  },
                },
                titleHighlights: { type: 'array', items: ref('Highlight') },
              },
            },
          },
        },
      },
      quotes: {
        type: 'object',
        properties: {
          total: { type: 'integer' },
          ranked: { type: 'integer', description: 'Matches ranked: all, or the most recent 500' },
          hits: {
            type: 'array',
            items: {
              allOf: [
                ref('QuoteRow'),
                { type: 'object', properties: { highlights: { type: 'array', items: ref('Highlight') } } },
              ],
            },
          },
        },
      },
      ms: { type: 'number' },
    },
  },
  SpeakerRow: {
    type: 'object',
    properties: {
      name: { type: 'string' },
      type: SPEAKER_TYPE,
      quotes: { type: 'integer' },
      articles: { type: 'integer' },
      gender: { type: 'string', enum: ['male', 'female', 'unknown'] },
      direct: { type: 'integer' },
      indirect: { type: 'integer' },
      mixed: { type: 'integer' },
      firstDate: nullable('string'),
      lastDate: nullable('string'),
    },
  },
  Speakers: { type: 'object', properties: { speakers: { type: 'array', items: ref('SpeakerRow') } } },
  SpeakerPage: {
    type: 'object',
    properties: {
      speaker: {
        allOf: [
          ref('SpeakerRow'),
          {
            type: 'object',
            properties: {
              key: { type: 'string' },
              months: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { month: { type: 'string' }, quotes: { type: 'integer' } },
                },
              },
              roles: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { role: { type: 'string' }, count: { type: 'integer' } },
                },
              },
            },
          },
        ],
      },
      quotes: ref('QuotePage'),
    },
  },
  Entities: {
    type: 'object',
    properties: {
      entities: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            name: { type: 'string' },
            type: ENTITY_TYPE,
            gender: { type: 'string' },
            articles: { type: 'integer' },
            mentions: { type: 'integer' },
            quotes: { type: 'integer' },
          },
        },
      },
    },
  },
  ArticleList: {
    type: 'object',
    properties: {
      total: { type: 'integer' },
      limit: { type: 'integer' },
      offset: { type: 'integer' },
      hits: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            title: nullable('string'),
            date: nullable('string'),
            source: nullable('string'),
            url: nullable('string'),
            chars: { type: 'integer' },
            quotes: { type: 'integer' },
          },
        },
      },
    },
  },
  Analysis: {
    type: 'object',
    description:
      'The exchange format of docs/schema.md: quotes, entities, dates, figures with offsets into the text',
    required: ['schema', 'id', 'quotes', 'entities', 'dates', 'figures'],
    properties: {
      schema: { type: 'integer' },
      id: { type: 'string' },
      date: { type: ['object', 'null'] },
      title: nullable('string'),
      source: nullable('string'),
      url: nullable('string'),
      quotes: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            start: { type: 'integer' },
            end: { type: 'integer' },
            text: { type: 'string' },
            kind: QUOTE_KIND,
            cue: { oneOf: [span, { type: 'null' }] },
            speaker: { type: ['object', 'null'] },
          },
        },
      },
      entities: { type: 'array', items: { type: 'object' } },
      dates: { type: 'array', items: { type: 'object' } },
      figures: { type: 'array', items: { type: 'object' } },
    },
  },
  StoredArticle: {
    type: 'object',
    properties: {
      article: { type: 'object' },
      analysis: ref('Analysis'),
      hash: { type: 'string' },
      idGiven: { type: 'boolean' },
      origin: { type: ['object', 'null'] },
      ingestedAt: { type: 'string' },
    },
  },
  Stats: {
    type: 'object',
    description: 'Counts, quotes by kind, by gender bucket, by speaker type, sources and months',
    properties: {
      articles: { type: 'integer' },
      quotes: { type: 'integer' },
      entities: { type: 'integer' },
      speakers: { type: 'integer' },
      dates: { type: 'integer' },
      figures: { type: 'integer' },
      byKind: { type: 'object' },
      byGender: { type: 'object' },
      bySpeakerType: { type: 'object' },
      shares: { type: 'object' },
      sources: { type: 'array', items: { type: 'object' } },
      months: { type: 'array', items: { type: 'object' } },
    },
  },
  Overview: {
    type: 'object',
    properties: {
      stats: ref('Stats'),
      topSpeakers: { type: 'array', items: ref('SpeakerRow') },
      womenShare: { type: 'array', items: { type: 'object' } },
      womenShareAll: { type: ['number', 'null'] },
    },
  },
};

function parametersOf(schema: JsonSchema | undefined, where: 'query' | 'path'): unknown[] {
  if (!schema) return [];
  const props = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema['required'] as string[] | undefined) ?? []);
  return Object.entries(props).map(([name, s]) => {
    const { description, ...rest } = s;
    return {
      name,
      in: where,
      required: where === 'path' || required.has(name),
      ...(description !== undefined ? { description } : {}),
      schema: rest,
    };
  });
}

/** The OpenAPI 3.1 document of the routes. */
export function openApiDocument(routes: readonly RouteDoc[], version: string): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const responses: Record<string, unknown> = {
      200: { description: 'OK', content: { 'application/json': { schema: ref(r.response) } } },
      400: errorResponse('Bad parameters'),
      500: errorResponse('Server error'),
    };
    if (r.notFound) responses[404] = errorResponse('Not found');
    const op: Record<string, unknown> = {
      operationId: `${r.method}${r.path.replace(/[{}]/g, '').replace(/(^|\/)(\w)/g, (_, __, c: string) => c.toUpperCase())}`,
      summary: r.summary,
      parameters: [...parametersOf(r.params, 'path'), ...parametersOf(r.query, 'query')],
      responses,
    };
    if (r.method === 'post') {
      op['requestBody'] = {
        required: true,
        content: {
          'application/json': { schema: ARTICLE_INPUT },
          'text/plain': { schema: { type: 'string' } },
        },
      };
      responses[413] = errorResponse('Body larger than the limit');
      responses[415] = errorResponse('Content type other than application/json or text/plain');
    }
    (paths[r.path] ??= {})[r.method] = op;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'verbatim',
      version,
      description:
        'Who said what in French news: search an archive of analysed articles (quotes, speakers, entities, dates, figures) and analyse new texts.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/' }],
    paths,
    components: { schemas: COMPONENTS },
  };
}
