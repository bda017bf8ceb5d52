// Property test: on random mixes of the pieces that trip French quote extraction (unbalanced marks,
// inversions, titles, interviews, dates, emoji, no-break spaces), analyze() never throws, every
// span is a slice of the text and no quote is empty. Deterministic seed: a failure reproduces.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from './analyze.js';
import type { Span } from './types.js';

const PIECES = [
  '«',
  '»',
  '“',
  '”',
  '"',
  ' ',
  '\n',
  '\n\n',
  ',',
  '.',
  ':',
  ';',
  '!',
  '?',
  '…',
  '-',
  '—',
  ' a-t-il dit',
  ' selon',
  ' Selon lui',
  ' que ',
  " qu'",
  ' M.',
  ' Mme',
  ' Jean',
  ' Dupont',
  ' la police',
  ' Pour',
  ' Q.',
  ' R.',
  '(',
  ')',
  '2019',
  ' 14 juin',
  ' mardi',
  ' trente',
  '%',
  ' euros',
  ' estime',
  'd’après',
  ' il',
  ' elle',
  'l’Otan',
  ' Comme l’a relevé',
  '😀',
  '\u00A0',
  '\u202F',
  ' a déclaré',
  'dit-elle',
];

test('random inputs: no exception, every span a slice of the text, no empty quote', () => {
  let seed = 7;
  const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let k = 0; k < 1500; k++) {
    let text = '';
    const length = Math.floor(random() * 60);
    for (let i = 0; i < length; i++) text += PIECES[Math.floor(random() * PIECES.length)];
    const a = analyze({ text, date: random() < 0.5 ? { value: '2021-05', precision: 'month' } : null });
    const spans: Span[] = [
      ...a.quotes,
      ...a.quotes.flatMap((q) => [q.cue, q.speaker?.mention].filter((s): s is Span => !!s)),
      ...a.entities.flatMap((e) => e.mentions),
      ...a.dates,
      ...a.figures,
    ];
    for (const s of spans) assert.equal(s.text, text.slice(s.start, s.end), JSON.stringify(text));
    for (const q of a.quotes) assert.ok(q.end > q.start, JSON.stringify(text));
  }
});
