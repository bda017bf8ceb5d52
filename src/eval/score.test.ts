import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import type { Analysis, Entity, Quote, QuoteKind, SpeakerType } from '../types.js';
import type { GoldArticle, GoldQuote } from './gold.js';
import { parseArticleDate, parseGold } from './gold.js';
import { excerpt, formatDetails, formatJsonReport, formatReport } from './report.js';
import { runEval } from './run.js';
import {
  articleDetails,
  matchSpans,
  normaliseName,
  overlap,
  scoreEntities,
  scoreQuotes,
  type EvalPair,
} from './score.js';

const TEXT = 'x'.repeat(200);

interface G {
  start: number;
  end: number;
  kind?: QuoteKind;
  speaker?: string | null;
  type?: SpeakerType | null;
  cue?: [number, number] | null;
  mention?: [number, number] | null;
}

function goldQuote(g: G): GoldQuote {
  return {
    start: g.start,
    end: g.end,
    kind: g.kind ?? 'direct',
    speaker: g.speaker === undefined ? 'X' : g.speaker,
    speaker_type: g.type === undefined ? 'person' : g.type,
    cue: g.cue ? { start: g.cue[0], end: g.cue[1] } : null,
    mention: g.mention ? { start: g.mention[0], end: g.mention[1] } : null,
  };
}

function predQuote(g: G, i: number, text = TEXT): Quote {
  const sp = g.speaker === undefined ? 'X' : g.speaker;
  return {
    id: `q${i}`,
    start: g.start,
    end: g.end,
    text: text.slice(g.start, g.end),
    kind: g.kind ?? 'direct',
    cue: g.cue ? { start: g.cue[0], end: g.cue[1], text: text.slice(...g.cue), lemma: 'dire' } : null,
    speaker:
      sp === null
        ? null
        : {
            name: sp,
            type: 'person',
            mention: g.mention
              ? { start: g.mention[0], end: g.mention[1], text: text.slice(...g.mention) }
              : null,
          },
    dateIds: [],
    figureIds: [],
  };
}

function pair(
  gold: G[],
  pred: G[],
  id = 'a1',
  extra: Partial<GoldArticle> = {},
  entities: Entity[] = [],
): EvalPair {
  const analysis: Analysis = {
    schema: 1,
    id,
    date: null,
    title: null,
    source: null,
    url: null,
    quotes: pred.map((p, i) => predQuote(p, i)),
    entities,
    dates: [],
    figures: [],
  };
  return {
    gold: { id, quotes: gold.map(goldQuote), people: [], organizations: [], places: [], ...extra },
    predicted: analysis,
    text: TEXT,
  };
}

const close = (actual: number, expected: number): void =>
  assert.ok(Math.abs(actual - expected) < 1e-12, `expected ${expected}, got ${actual}`);

describe('overlap', () => {
  it('is relative to the gold span', () => {
    // |G ∩ P| = 5, |G| = 10, |P| = 20: gold-relative 0.5 (pred-relative would be 0.25, Jaccard 0.2).
    close(overlap({ start: 0, end: 10 }, { start: 5, end: 25 }), 0.5);
    close(overlap({ start: 5, end: 25 }, { start: 0, end: 10 }), 0.25);
    close(overlap({ start: 10, end: 20 }, { start: 0, end: 100 }), 1);
    close(overlap({ start: 0, end: 10 }, { start: 10, end: 20 }), 0);
    close(overlap({ start: 5, end: 5 }, { start: 0, end: 10 }), 0);
  });
});

describe('matchSpans', () => {
  it('is one-to-one: one prediction covering two gold quotes matches only one (the earlier on ties)', () => {
    const m = matchSpans(
      [
        { start: 0, end: 10 },
        { start: 12, end: 22 },
      ],
      [{ start: 0, end: 22 }],
      0.3,
    );
    assert.deepEqual(m, [{ gold: 0, pred: 0, overlap: 1 }]);
  });

  it('is greedy by overlap over the whole article, not by gold order', () => {
    // A=[0,10) B=[6,10); P1=[2,10): A 0.8, B 1.0; P2=[0,6): A 0.6.
    const gold = [
      { start: 0, end: 10 },
      { start: 6, end: 10 },
    ];
    const pred = [
      { start: 2, end: 10 },
      { start: 0, end: 6 },
    ];
    assert.deepEqual(matchSpans(gold, pred, 0.3), [
      { gold: 0, pred: 1, overlap: 0.6 },
      { gold: 1, pred: 0, overlap: 1 },
    ]);
    assert.deepEqual(matchSpans(gold, pred, 0.8), [{ gold: 1, pred: 0, overlap: 1 }]);
  });
});

describe('scoreQuotes', () => {
  it('differs between 0.3 and 0.8', () => {
    // overlap 0.5: a match at 0.3 only.
    const s = scoreQuotes([pair([{ start: 0, end: 10 }], [{ start: 5, end: 30 }])]);
    assert.deepEqual(
      s.thresholds.map((t) => t.threshold),
      [0.3, 0.8],
    );
    assert.equal(s.thresholds[0]!.overall.matchedGold, 1);
    assert.equal(s.thresholds[0]!.overall.f1, 1);
    assert.equal(s.thresholds[1]!.overall.matchedGold, 0);
    assert.equal(s.thresholds[1]!.overall.f1, 0);
    // Exactly at the threshold counts (>=).
    const at = scoreQuotes([pair([{ start: 0, end: 10 }], [{ start: 2, end: 10 }])]);
    assert.equal(at.thresholds[1]!.overall.matchedGold, 1);
  });

  it('computes exact precision, recall and F1, summed over articles', () => {
    const s = scoreQuotes([
      // 3 gold, 2 predicted, 1 match (the second prediction overlaps nothing).
      pair(
        [
          { start: 0, end: 10 },
          { start: 20, end: 30 },
          { start: 40, end: 50 },
        ],
        [
          { start: 0, end: 10 },
          { start: 60, end: 70 },
        ],
        'a1',
      ),
      // 1 gold, 2 predicted covering it: one-to-one, 1 match.
      pair(
        [{ start: 0, end: 10 }],
        [
          { start: 0, end: 10 },
          { start: 0, end: 9 },
        ],
        'a2',
      ),
    ]);
    const o = s.thresholds[0]!.overall;
    assert.equal(s.articles, 2);
    assert.equal(s.goldQuotes, 4);
    assert.equal(s.predictedQuotes, 4);
    assert.equal(o.matchedGold, 2);
    close(o.precision, 2 / 4);
    close(o.recall, 2 / 4);
    close(o.f1, 0.5);
    assert.equal(s.matched, 2);

    const single = scoreQuotes([
      pair(
        [
          { start: 0, end: 10 },
          { start: 20, end: 30 },
          { start: 40, end: 50 },
        ],
        [
          { start: 0, end: 10 },
          { start: 60, end: 70 },
        ],
      ),
    ]).thresholds[0]!.overall;
    close(single.precision, 0.5);
    close(single.recall, 1 / 3);
    close(single.f1, 0.4);
  });

  it('does not match across articles', () => {
    const s = scoreQuotes([pair([{ start: 0, end: 10 }], [], 'a1'), pair([], [{ start: 0, end: 10 }], 'a2')]);
    assert.equal(s.thresholds[0]!.overall.matchedGold, 0);
    assert.equal(s.thresholds[0]!.overall.precision, 0);
    assert.equal(s.thresholds[0]!.overall.recall, 0);
  });

  it('breaks down recall by gold kind and precision by predicted kind', () => {
    const s = scoreQuotes([
      pair(
        [
          { start: 0, end: 10, kind: 'direct' },
          { start: 20, end: 30, kind: 'indirect' },
          { start: 40, end: 50, kind: 'mixed' },
        ],
        [
          { start: 0, end: 10, kind: 'mixed' }, // matches the direct gold quote
          { start: 20, end: 30, kind: 'indirect' },
          { start: 60, end: 70, kind: 'direct' }, // spurious
        ],
      ),
    ]);
    const t = s.thresholds[0]!;
    const { direct, indirect, mixed } = t.byKind;
    assert.deepEqual(
      [direct.gold, direct.predicted, direct.matchedGold, direct.matchedPredicted],
      [1, 1, 1, 0],
    );
    close(direct.recall, 1);
    close(direct.precision, 0);
    close(direct.f1, 0);
    close(mixed.recall, 0);
    close(mixed.precision, 1);
    close(mixed.f1, 0);
    close(indirect.precision, 1);
    close(indirect.recall, 1);
    close(indirect.f1, 1);
    assert.deepEqual(t.kindAccuracy, { correct: 1, total: 2, value: 0.5 });
    close(t.overall.precision, 2 / 3);
    close(t.overall.recall, 2 / 3);
  });

  it('scores speakers after normalisation among pairs matched at 0.3', () => {
    const s = scoreQuotes([
      pair(
        [
          { start: 0, end: 10, speaker: 'Otan', type: 'organization' },
          { start: 20, end: 30, speaker: 'Emmanuel Macron' },
          { start: 40, end: 50, speaker: null, type: null },
          { start: 60, end: 70, speaker: 'Élisabeth Borne' },
          { start: 80, end: 90, speaker: 'Jean Castex' },
          { start: 100, end: 110, speaker: 'Nobody Matched' },
          { start: 120, end: 130, speaker: null, type: null },
        ],
        [
          { start: 0, end: 10, speaker: '« l’Otan »' }, // right
          { start: 20, end: 30, speaker: null }, // wrong: null vs a name
          { start: 40, end: 50, speaker: null }, // right: null vs null
          { start: 63, end: 70, speaker: 'elisabeth  BORNE' }, // right, overlap 0.7 (matched at 0.3 only)
          { start: 80, end: 90, speaker: 'Édouard Philippe' }, // wrong
          { start: 120, end: 130, speaker: 'un témoin' }, // wrong: a name vs null
        ],
      ),
    ]);
    assert.equal(s.matched, 6);
    assert.deepEqual(s.speaker, { correct: 3, total: 6, value: 0.5 });
    // Persons: Macron (wrong), Borne (right), Castex (wrong).
    assert.deepEqual(s.speakerPerson, { correct: 1, total: 3, value: 1 / 3 });
  });

  it('scores cue and mention overlap among matched pairs', () => {
    const s = scoreQuotes([
      pair(
        [
          { start: 0, end: 10, cue: [12, 20], mention: [21, 30] },
          { start: 40, end: 50, cue: [52, 60], mention: [61, 70] },
          { start: 80, end: 90, cue: null, mention: null },
        ],
        [
          { start: 0, end: 10, cue: [15, 25], mention: [25, 28] }, // both overlap
          { start: 40, end: 50, cue: [60, 62], mention: null }, // cue touches only, mention missing
          { start: 80, end: 90, cue: null, mention: null }, // both null: right
        ],
      ),
    ]);
    assert.deepEqual(s.cue, { correct: 2, total: 3, value: 2 / 3 });
    assert.deepEqual(s.mention, { correct: 2, total: 3, value: 2 / 3 });
  });

  it('counts predicted spans whose text is not the article slice', () => {
    const p = pair([], [{ start: 0, end: 5 }]);
    assert.equal(scoreQuotes([p]).invalidPredictedSpans, 0);
    p.predicted.quotes[0]!.text = 'wrong';
    assert.equal(scoreQuotes([p]).invalidPredictedSpans, 1);
  });
});

describe('normaliseName', () => {
  it('folds case, accents, apostrophes, quotes, spaces and a leading determiner', () => {
    assert.equal(normaliseName('l’Otan'), 'otan');
    assert.equal(normaliseName('« l’Otan »'), normaliseName('Otan'));
    assert.equal(normaliseName("L'OTAN"), 'otan');
    assert.equal(normaliseName('Élisabeth   Borne'), 'elisabeth borne');
    assert.equal(normaliseName('Les «gilets jaunes»'), normaliseName('les "gilets jaunes"'));
    assert.equal(normaliseName('Les «gilets jaunes»'), 'gilets jaunes');
    assert.equal(normaliseName('La France insoumise'), 'france insoumise');
    assert.equal(normaliseName('une source policière'), 'source policiere');
    assert.equal(normaliseName("'Otan'"), 'otan');
    assert.equal(normaliseName('d’Artagnan'), "d'artagnan");
  });

  it('removes only a whole determiner word, and only one', () => {
    assert.equal(normaliseName('Laurent Nuñez'), 'laurent nunez');
    assert.equal(normaliseName('Lea Salamé'), 'lea salame');
    assert.equal(normaliseName('Unedic'), 'unedic');
    assert.equal(normaliseName('des habitants'), 'habitants');
    assert.notEqual(normaliseName('Otan'), normaliseName('ONU'));
  });
});

describe('scoreEntities', () => {
  it('scores document-level name sets by type and gender of matched people', () => {
    const ent = (type: Entity['type'], name: string, gender?: Entity['gender']): Entity => ({
      id: name,
      type,
      name,
      mentions: [],
      ...(gender ? { gender } : {}),
    });
    const p = pair(
      [],
      [],
      'a1',
      {
        people: [
          { name: 'Emmanuel Macron', gender: 'male' },
          { name: 'Élisabeth Borne', gender: 'female' },
          { name: 'Priscillia Ludosky', gender: 'unknown' },
        ],
        organizations: ['Otan', 'AFP'],
        places: ['Paris'],
      },
      [
        ent('person', 'Emmanuel Macron', 'male'),
        ent('person', 'Elisabeth Borne', 'male'), // name right, gender wrong
        ent('person', 'Priscillia Ludosky', 'female'), // gold gender unknown: excluded
        ent('person', 'Jean Dupont'), // spurious
        ent('organization', 'l’Otan'),
        ent('organization', 'Otan'), // duplicate after normalisation: counted once
        ent('place', 'Paris'),
        ent('place', 'Lyon'),
      ],
    );
    const e = scoreEntities([p]);
    const { person, organization, place } = e.byType;
    assert.deepEqual([person.gold, person.predicted, person.matchedGold], [3, 4, 3]);
    close(person.precision, 3 / 4);
    close(person.recall, 1);
    assert.deepEqual([organization.gold, organization.predicted, organization.matchedGold], [2, 1, 1]);
    close(organization.precision, 1);
    close(organization.recall, 0.5);
    close(place.precision, 0.5);
    close(place.recall, 1);
    assert.deepEqual([e.overall.gold, e.overall.predicted, e.overall.matchedGold], [6, 7, 5]);
    assert.deepEqual(e.gender, { correct: 1, total: 2, value: 0.5 });
  });
});

describe('reports', () => {
  const p = pair(
    [
      { start: 0, end: 100, speaker: 'Jean Castex', kind: 'direct' },
      { start: 120, end: 130, speaker: 'Otan', kind: 'indirect' },
      { start: 150, end: 160 },
    ],
    [
      { start: 0, end: 50, speaker: 'Édouard Philippe', kind: 'mixed' },
      { start: 120, end: 130, speaker: 'Otan', kind: 'indirect' },
      { start: 170, end: 180, speaker: null },
    ],
    'art-42',
  );

  it('formats a table with overall and kind rows at both thresholds', () => {
    const txt = formatReport(scoreQuotes([p]), scoreEntities([p]));
    for (const s of ['P@0.3', 'R@0.3', 'F1@0.3', 'P@0.8', 'F1@0.8', 'speaker accuracy', 'Entities']) {
      assert.ok(txt.includes(s), s);
    }
    // overall: 3 gold, 3 pred, 2 matched at 0.3 (P = R = F1 = 66.7), 1 at 0.8 (33.3).
    assert.match(txt, /^overall\s+3\s+3\s+66\.7\s+66\.7\s+66\.7\s+33\.3\s+33\.3\s+33\.3$/m);
    assert.match(txt, /^indirect\s+1\s+1\s+100\.0\s+100\.0\s+100\.0\s+100\.0\s+100\.0\s+100\.0$/m);
    assert.match(txt, /^mixed\s+0\s+1\s+100\.0\s+0\.0\s+0\.0/m);
    assert.match(txt, /speaker accuracy @0\.3\s+50\.0%\s+\(1\/2\)/);
    const json = JSON.parse(formatJsonReport(scoreQuotes([p]))) as { quotes: { matched: number } };
    assert.equal(json.quotes.matched, 2);
  });

  it('lists misses per article with offsets, excerpts and speakers', () => {
    const d = articleDetails(p);
    assert.deepEqual(
      d.missed.map((m) => [m.start, m.end]),
      [[150, 160]],
    );
    assert.deepEqual(
      d.spurious.map((m) => [m.start, m.end]),
      [[170, 180]],
    );
    assert.equal(d.speakerMismatches.length, 1);
    assert.equal(d.partial.length, 1);
    assert.equal(d.kindMismatches.length, 1);
    const txt = formatDetails([d]);
    assert.ok(txt.includes('== art-42'));
    assert.ok(txt.includes('MISSED   [150,160)'));
    assert.ok(txt.includes('SPURIOUS [170,180)'));
    assert.ok(txt.includes('gold "Jean Castex" vs predicted "Édouard Philippe"'));
    assert.ok(txt.includes(`“${'x'.repeat(80)}…”`));
    assert.ok(!txt.includes('x'.repeat(81)));
    assert.equal(excerpt('a\n\n b'), '“a b”');
  });
});

describe('gold loading and runEval', () => {
  it('parses gold lines and rejects malformed ones', () => {
    const line = JSON.stringify({
      id: 'a',
      quotes: [
        { start: 1, end: 4, kind: 'direct', speaker: 'X', speaker_type: 'person', mention: null, cue: null },
      ],
      people: [{ name: 'X', gender: 'male' }],
      organizations: [],
      places: ['Paris'],
    });
    const g = parseGold(line + '\n\n');
    assert.equal(g.length, 1);
    assert.equal(g[0]!.quotes[0]!.end, 4);
    assert.throws(() => parseGold(line.replace('"direct"', '"quoted"')), /invalid kind/);
    assert.throws(
      () => parseGold('{"id":"b","quotes":[{"start":5,"end":2,"kind":"direct"}]}'),
      /invalid span/,
    );
    assert.throws(() => parseGold('{"id":'), /gold:1: invalid JSON/);
  });

  it('parses article dates', () => {
    assert.deepEqual(parseArticleDate('2019-01-05'), { value: '2019-01-05', precision: 'day' });
    assert.equal(parseArticleDate(null), null);
    assert.equal(parseArticleDate('2019-13-05'), null);
  });

  it('runs an analyser over gold articles and reports details', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'verbatim-eval-'));
    try {
      const text = 'Il a dit : « Bonjour à tous ». Puis rien.';
      const start = text.indexOf('Bonjour');
      const end = text.indexOf(' »');
      writeFileSync(
        join(dir, 'articles.jsonl'),
        [
          { id: 'other', source: null, url: null, date: null, title: null, text: 'nothing' },
          { id: 'a1', source: 'Le Test', url: null, date: '2019-01-05', title: 'T', text },
        ]
          .map((a) => JSON.stringify(a))
          .join('\n') + '\n',
      );
      const goldLine = {
        id: 'a1',
        quotes: [
          { start, end, kind: 'direct', speaker: 'Jean', speaker_type: 'person', mention: null, cue: null },
        ],
        people: [{ name: 'Jean', gender: 'male' }],
        organizations: [],
        places: [],
      };
      writeFileSync(join(dir, 'gold.jsonl'), JSON.stringify(goldLine) + '\n');
      const seen: string[] = [];
      const res = await runEval({
        gold: join(dir, 'gold.jsonl'),
        articles: join(dir, 'articles.jsonl'),
        details: true,
        analyze: (article) => {
          seen.push(article.id);
          assert.deepEqual(article.date, { value: '2019-01-05', precision: 'day' });
          assert.equal(article.source, 'Le Test');
          return {
            schema: 1,
            id: article.id,
            date: article.date,
            title: article.title,
            source: article.source,
            url: article.url,
            quotes: [
              {
                id: 'q1',
                start,
                end,
                text: text.slice(start, end),
                kind: 'direct',
                cue: null,
                speaker: { name: 'Pierre', type: 'person', mention: null },
                dateIds: [],
                figureIds: [],
              },
            ],
            entities: [],
            dates: [],
            figures: [],
          };
        },
      });
      assert.deepEqual(seen, ['a1']);
      assert.equal(res.scores.quotes.thresholds[1]!.overall.f1, 1);
      assert.deepEqual(res.scores.quotes.speaker, { correct: 0, total: 1, value: 0 });
      assert.ok(res.text.includes('gold "Jean" vs predicted "Pierre"'));
      assert.equal(res.details?.length, 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
