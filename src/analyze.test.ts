import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { analyze } from './analyze.js';
import type { Analysis, Span } from './types.js';

const shared = fileURLToPath(new URL('../../shared/', import.meta.url));

function spans(a: Analysis): Span[] {
  const out: Span[] = [];
  for (const q of a.quotes) {
    out.push(q);
    if (q.cue) out.push(q.cue);
    if (q.speaker?.mention) out.push(q.speaker.mention);
  }
  for (const e of a.entities) out.push(...e.mentions);
  for (const d of a.dates) out.push(d, ...(d.repeats ?? []));
  out.push(...a.figures);
  return out;
}

interface Expected {
  quotes: Array<{ kind: string; speaker: string; quote: Span; cue: Span | null; mention: Span | null }>;
  not_quotes: string[];
}

test('the seed article: its 7 quotations with kinds, speakers, cues and mentions', () => {
  const raw = readFileSync(`${shared}seed/nato-2021-05.txt`, 'utf8');
  const text = raw.replace(/^\s*date \d{4}-\d{2} /, '');
  const expected = JSON.parse(readFileSync(`${shared}seed/expected.json`, 'utf8')) as Expected;
  const a = analyze({ id: 'seed', text });
  for (const e of expected.quotes) {
    const q = a.quotes.find((x) => x.start < e.quote.end && e.quote.start < x.end);
    assert.ok(q, `missing quote «${e.quote.text.slice(0, 40)}»`);
    assert.equal(q.text, e.quote.text);
    assert.equal(q.kind, e.kind, `kind of «${e.quote.text.slice(0, 40)}»`);
    assert.equal(q.speaker?.name, e.speaker, `speaker of «${e.quote.text.slice(0, 40)}»`);
    assert.equal(q.cue?.text, e.cue?.text, `cue of «${e.quote.text.slice(0, 40)}»`);
    assert.equal(q.speaker?.mention?.text, e.mention?.text, `mention of «${e.quote.text.slice(0, 40)}»`);
  }
  assert.equal(a.quotes.length, expected.quotes.length);
  for (const term of expected.not_quotes)
    assert.ok(!a.quotes.some((q) => q.text === term), `scare quote ${term}`);
  const stoltenberg = a.entities.find((e) => e.name === 'Jens Stoltenberg');
  assert.ok(stoltenberg);
  assert.equal(stoltenberg.type, 'person');
});

test('the seed article: exactly the dates and figures of expected.json', () => {
  const raw = readFileSync(`${shared}seed/nato-2021-05.txt`, 'utf8');
  const text = raw.replace(/^\s*date \d{4}-\d{2} /, '');
  const expected = JSON.parse(readFileSync(`${shared}seed/expected.json`, 'utf8')) as {
    dates: Array<{ text: string; value: string }>;
    figures: Array<{ text: string; value: number; unit: string; of?: string }>;
  };
  const a = analyze({ id: 'seed', text, date: { value: '2021-05', precision: 'month' } });
  // expected.json lists them in no particular order.
  assert.deepEqual(a.dates.map((d) => d.text).sort(), expected.dates.map((d) => d.text).sort());
  for (const e of expected.dates) {
    const d = a.dates.find((x) => x.text === e.text)!;
    // Descriptions: ours is expected's text before its bracketed note.
    assert.ok(d.value === e.value || e.value.startsWith(`${d.value} (`), `${d.value} / ${e.value}`);
  }
  assert.deepEqual(
    a.figures.map((f) => ({ text: f.text, value: f.value, unit: f.unit, ...(f.of ? { of: f.of } : {}) })),
    expected.figures,
  );
  // The quote that names "le sommet du 14 juin" again speaks of that date.
  const d14 = a.dates.find((d) => d.text === 'le 14 juin')!;
  const q = a.quotes.find((x) => x.text.includes('sommet du 14 juin'));
  assert.ok(q);
  assert.deepEqual(q.dateIds, [d14.id]);
  // ... and that mention is kept as a repeat of the date, with its offsets.
  assert.deepEqual(
    d14.repeats?.map((r) => r.text),
    ['14 juin'],
  );
  assert.ok(d14.repeats![0]!.start > q.start && d14.repeats![0]!.end <= q.end);
});

test('scare quotes and titles in marks are not quotations', () => {
  const text =
    'Les «gilets jaunes» ont bloqué le rond-point lors d’une «opération escargot». Le film «Les Misérables» sort mercredi.';
  assert.deepEqual(analyze(text).quotes, []);
});

test('direct quote with inverted cue resolves the pronoun to the person named before', () => {
  const text =
    'La maire de Lyon, Claire Martin, a visité le chantier.\n«Nous tiendrons les délais», a-t-elle assuré.';
  const [q] = analyze(text).quotes;
  assert.ok(q);
  assert.equal(q.kind, 'direct');
  assert.equal(q.text, 'Nous tiendrons les délais');
  assert.equal(q.cue?.text, 'a-t-elle assuré');
  assert.equal(q.cue?.lemma, 'assurer');
  assert.equal(q.speaker?.name, 'Claire Martin');
  assert.equal(q.speaker?.mention?.text, 'elle');
});

test('indirect speech with que, selon X and an inverted cue', () => {
  const text =
    'Le ministre Paul Durand a affirmé que la réforme serait votée avant l’été. ' +
    'Selon la préfecture, 3 000 personnes ont manifesté. ' +
    'Dix personnes ont été interpellées dans la soirée, a précisé la police.';
  const a = analyze(text);
  const byCue = new Map(a.quotes.map((q) => [q.cue?.text, q]));
  assert.equal(byCue.get('a affirmé')?.text, 'la réforme serait votée avant l’été');
  assert.equal(byCue.get('a affirmé')?.kind, 'indirect');
  assert.equal(byCue.get('a affirmé')?.speaker?.name, 'Paul Durand');
  assert.equal(byCue.get('Selon')?.text, '3 000 personnes ont manifesté');
  assert.equal(byCue.get('Selon')?.speaker?.type, 'organization');
  assert.equal(byCue.get('a précisé')?.text, 'Dix personnes ont été interpellées dans la soirée');
  assert.equal(byCue.get('a précisé')?.speaker?.name, 'police');
});

test('indirect speech containing quoted words is one mixed quote', () => {
  const text = 'Jean Dupont a estimé que le projet était «une folie budgétaire» et devait être retiré.';
  const a = analyze(text);
  assert.equal(a.quotes.length, 1);
  assert.equal(a.quotes[0]!.kind, 'mixed');
  assert.equal(a.quotes[0]!.text, 'le projet était «une folie budgétaire» et devait être retiré');
});

test('a quote paragraph with no attribution continues the previous source', () => {
  const text = '«Nous avons gagné», a lancé Marie Leroy.\n«Et ce n’est que le début de notre combat.»';
  const a = analyze(text);
  assert.equal(a.quotes.length, 2);
  assert.equal(a.quotes[1]!.speaker?.name, 'Marie Leroy');
  assert.equal(a.quotes[1]!.speaker?.mention, null);
  assert.equal(a.quotes[1]!.cue, null);
});

test('every span of every dev corpus article is a slice of its text', () => {
  const lines = readFileSync(`${shared}corpus/dev/articles.jsonl`, 'utf8').split('\n').filter(Boolean);
  let checked = 0;
  for (const line of lines) {
    const article = JSON.parse(line) as { id: string; text: string };
    const a = analyze(article);
    for (const s of spans(a)) {
      if (s.text !== article.text.slice(s.start, s.end))
        assert.fail(`${article.id}: span [${s.start},${s.end}) text differs`);
      checked++;
    }
  }
  assert.ok(lines.length > 3000);
  assert.ok(checked > 10000, `only ${checked} spans`);
});

test('interview answers are quotes of the interviewee, questions are not', () => {
  const text =
    'Pour la sociologue Anne Morel, spécialiste des mouvements sociaux, la comparaison ne tient pas. ' +
    'Q. Le mouvement peut-il durer ? R. Il durera tant que les revendications resteront sans réponse. ' +
    'Q. Et ensuite ? R. Ensuite viendra le temps des élections, et tout changera.';
  const a = analyze(text);
  const answers = a.quotes.filter((q) => q.cue === null);
  assert.deepEqual(
    answers.map((q) => q.text),
    [
      'Il durera tant que les revendications resteront sans réponse.',
      'Ensuite viendra le temps des élections, et tout changera.',
    ],
  );
  for (const q of answers) assert.equal(q.speaker?.name, 'Anne Morel');
  assert.ok(!a.quotes.some((q) => q.text.includes('peut-il durer')));
});

test('dialogue lines: a dash answer after a dash question', () => {
  const text =
    'Le maire Paul Girard a reçu notre journal.\n— Pourquoi ce projet ?\n— Parce que la ville en a besoin depuis vingt ans.';
  const a = analyze(text);
  assert.equal(a.quotes.length, 1);
  assert.equal(a.quotes[0]!.text, 'Parce que la ville en a besoin depuis vingt ans.');
  assert.equal(a.quotes[0]!.speaker?.name, 'Paul Girard');
});

test('a pronoun after an apposed name resolves to the subject, not to the name in the apposition', () => {
  const text =
    'Steven Martin, un fidèle de Paul Durand, est arrivé jeudi. «Nous resterons jusqu’au bout», dit-il.';
  assert.equal(analyze(text).quotes[0]?.speaker?.name, 'Steven Martin');
});

test('a verb inside quoted words is not a cue', () => {
  const text = '«Nous pensons que la réforme est mauvaise et nous le dirons», a déclaré Marc Petit.';
  const a = analyze(text);
  assert.equal(a.quotes.length, 1);
  assert.equal(a.quotes[0]!.kind, 'direct');
  assert.equal(a.quotes[0]!.cue?.text, 'a déclaré');
});

test('a list of quotes shares the cue after the last one', () => {
  const text =
    'Ils ont défilé. «Du pain», «du travail» ou encore «de la dignité», a scandé la foule devant la mairie.';
  const a = analyze(text);
  assert.deepEqual(
    a.quotes.map((q) => [q.text, q.cue?.text, q.speaker?.name]),
    [
      ['Du pain', 'a scandé', 'la foule'],
      ['du travail', 'a scandé', 'la foule'],
      ['de la dignité', 'a scandé', 'la foule'],
    ],
  );
});

test('selon X inside the clause attributes the whole sentence; a second figure keeps its own source', () => {
  const a = analyze(
    'Au total, 2.500 manifestants selon la police, 3.000 selon les organisateurs, ont défilé.',
  );
  assert.deepEqual(
    a.quotes.map((q) => [q.text, q.speaker?.name]),
    [
      ['Au total, 2.500 manifestants', 'police'],
      ['3.000', 'les organisateurs'],
    ],
  );
});

test('incise cues, "se dire" attributes and "Comme l\'a relevé X" are indirect speech', () => {
  const text =
    'Le procès reprend. D’emblée, raconte le policier Marc Aubert, le suspect reste vague sur son emploi du temps. ' +
    'Les étudiants belges se disent solidaires de leurs camarades français. ' +
    'Comme l’a relevé la Cour des comptes dans son rapport, le budget dépasse les prévisions.';
  const a = analyze(text);
  const byLemma = new Map(a.quotes.map((q) => [q.cue?.lemma, q]));
  assert.equal(
    byLemma.get('raconter')?.text,
    'D’emblée, raconte le policier Marc Aubert, le suspect reste vague sur son emploi du temps',
  );
  assert.equal(byLemma.get('raconter')?.speaker?.name, 'Marc Aubert');
  assert.equal(byLemma.get('dire')?.text, 'solidaires de leurs camarades français');
  assert.equal(byLemma.get('dire')?.speaker?.type, 'group');
  assert.equal(byLemma.get('relever')?.text, 'le budget dépasse les prévisions');
  assert.equal(byLemma.get('relever')?.speaker?.name, 'Cour des comptes');
});
