// Scores the entity stage on a gold corpus, and measures its cost.
//
//   node dist/entities/eval-entities.js [--gold G] [--articles A] [--details] [--bench]
//
// For each gold article: analyze() gives the speaker stage's person entities, which become the
// seeds; findEntities() replaces the analysis' entities; scoreEntities() compares document-level
// name sets (people, organisations, places) and gender. --details lists the misses and the
// spurious names of every article; --bench times createDoc and the stage over every article of
// the articles file (seeds from analyze(), not timed).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

import { analyze } from '../analyze.js';
import { createDoc } from '../doc/document.js';
import { loadArticlesById, loadGold, toArticle } from '../eval/gold.js';
import { normaliseName, scoreEntities, type EvalPair } from '../eval/score.js';
import type { Analysis, Entity } from '../types.js';
import { findEntities, type PersonSeed } from './find-entities.js';

/** The seeds analyze() would hand to the stage: the persons the speaker stage resolved. */
export function seedsOf(a: Analysis): PersonSeed[] {
  return a.entities
    .filter((e) => e.type === 'person')
    .map((e) => ({ key: e.name, name: e.name, gender: e.gender ?? 'unknown', mentions: e.mentions }));
}

function pct(x: number): string {
  return (100 * x).toFixed(1);
}

function main(): void {
  const { values } = parseArgs({
    options: {
      gold: { type: 'string', default: '../shared/corpus/dev/gold.jsonl' },
      articles: { type: 'string', default: '../shared/corpus/dev/articles.jsonl' },
      details: { type: 'boolean', default: false },
      bench: { type: 'boolean', default: false },
    },
  });
  const gold = loadGold(values.gold!);
  const texts = loadArticlesById(values.articles!, new Set(gold.map((g) => g.id)));
  const pairs: EvalPair[] = [];
  for (const g of gold) {
    const a = texts.get(g.id);
    if (!a) throw new Error(`no text for ${g.id}`);
    const article = toArticle(a);
    const analysis = analyze(article);
    const entities = findEntities(createDoc(article.text), seedsOf(analysis));
    for (const e of entities)
      for (const m of e.mentions)
        if (article.text.slice(m.start, m.end) !== m.text)
          throw new Error(`${g.id}: bad span ${JSON.stringify(m)}`);
    pairs.push({ gold: g, predicted: { ...analysis, entities }, text: article.text });
    if (values.details) details(g.id, g, entities);
  }
  const s = scoreEntities(pairs);
  console.log(`entities on ${values.gold} (${s.articles} articles)`);
  console.log('type          gold  pred  match     P     R    F1');
  for (const t of ['person', 'organization', 'place'] as const) {
    const r = s.byType[t];
    console.log(
      `${t.padEnd(12)} ${String(r.gold).padStart(5)} ${String(r.predicted).padStart(5)} ${String(r.matchedGold).padStart(6)}  ${pct(r.precision).padStart(5)} ${pct(r.recall).padStart(5)} ${pct(r.f1).padStart(5)}`,
    );
  }
  console.log(
    `gender accuracy (gold unknown excluded): ${pct(s.gender.value)}% (${s.gender.correct}/${s.gender.total})`,
  );
  if (values.bench) bench(values.articles!);
}

function details(id: string, g: EvalPair['gold'], entities: Entity[]): void {
  const lines: string[] = [];
  const sets: Array<[string, string[], Entity['type']]> = [
    ['PER', g.people.map((p) => p.name), 'person'],
    ['ORG', g.organizations, 'organization'],
    ['LOC', g.places, 'place'],
  ];
  for (const [label, goldNames, type] of sets) {
    const gs = new Set(goldNames.map(normaliseName));
    const ps = new Map(entities.filter((e) => e.type === type).map((e) => [normaliseName(e.name), e]));
    const fn = [...gs].filter((n) => !ps.has(n));
    const fp = [...ps.keys()].filter((n) => !gs.has(n));
    if (fn.length) lines.push(`  ${label} missed:   ${fn.join(' | ')}`);
    if (fp.length) lines.push(`  ${label} spurious: ${fp.join(' | ')}`);
  }
  const genders = new Map(
    entities.filter((e) => e.type === 'person').map((e) => [normaliseName(e.name), e.gender]),
  );
  for (const p of g.people) {
    const k = normaliseName(p.name);
    if (p.gender !== 'unknown' && genders.has(k) && genders.get(k) !== p.gender)
      lines.push(`  gender: ${p.name} gold ${p.gender} predicted ${genders.get(k)}`);
  }
  if (lines.length) console.log(`${id}\n${lines.join('\n')}`);
}

function bench(path: string): void {
  const articles = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { id: string; text: string });
  const seeds = articles.map((a) => seedsOf(analyze({ id: a.id, text: a.text })));
  for (let round = 0; round < 2; round++) {
    let docMs = 0;
    let stageMs = 0;
    let count = 0;
    articles.forEach((a, k) => {
      const t0 = performance.now();
      const doc = createDoc(a.text);
      const t1 = performance.now();
      count += findEntities(doc, seeds[k]).length;
      stageMs += performance.now() - t1;
      docMs += t1 - t0;
    });
    console.log(
      `bench round ${round + 1}: ${articles.length} articles, createDoc ${docMs.toFixed(0)} ms, findEntities ${stageMs.toFixed(0)} ms, ${count} entities`,
    );
  }
}

main();
