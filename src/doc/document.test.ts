import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDoc, tokenText } from './document.js';
import { TokenFlag } from './tokens.js';

const words = (text: string): string[] => {
  const d = createDoc(text);
  return Array.from({ length: d.tokens.count }, (_, i) => tokenText(d, i));
};
const sentences = (text: string): string[] =>
  createDoc(text).sentences.map((s) => text.slice(s.start, s.end));

test('elision splits the article from the noun, with both apostrophes', () => {
  assert.deepEqual(words('l’Otan'), ['l’', 'Otan']);
  assert.deepEqual(words("qu'il dit"), ["qu'", 'il', 'dit']);
  assert.deepEqual(words('aujourd’hui'), ['aujourd’hui']);
});

test('inversions give the pronoun its own flagged token', () => {
  const d = createDoc('a-t-il martelé, ajoute-t-elle, dit-on');
  const toks = Array.from({ length: d.tokens.count }, (_, i) => tokenText(d, i));
  assert.deepEqual(toks, ['a', 'il', 'martelé', ',', 'ajoute', 'elle', ',', 'dit', 'on']);
  assert.ok(d.tokens.flags[1]! & TokenFlag.Inverted);
  assert.ok(d.tokens.flags[5]! & TokenFlag.Inverted);
  assert.ok(!(d.tokens.flags[0]! & TokenFlag.Inverted));
});

test('hyphenated names and words stay whole', () => {
  assert.deepEqual(words('Jean-Luc Mélenchon à Saint-Étienne'), [
    'Jean-Luc',
    'Mélenchon',
    'à',
    'Saint-Étienne',
  ]);
});

test('French numbers keep their group separators and decimal comma', () => {
  assert.deepEqual(words('1,5 milliard et 280 000 personnes, 2.500 manifestants'), [
    '1,5',
    'milliard',
    'et',
    '280\u202F000'.replace('\u202F', ' '),
    'personnes',
    ',',
    '2.500',
    'manifestants',
  ]);
  assert.deepEqual(words('280\u202F000 euros'), ['280\u202F000', 'euros']);
});

test('abbreviations and initials keep their period and do not end sentences', () => {
  assert.deepEqual(sentences('M. Dupont et Mme Durand sont venus. J.-C. Martin aussi.'), [
    'M. Dupont et Mme Durand sont venus.',
    'J.-C. Martin aussi.',
  ]);
});

test('sentences end after closing quotes, not inside them', () => {
  assert.deepEqual(sentences('« Non ! », a-t-il dit. Puis il est parti… Enfin.'), [
    '« Non ! », a-t-il dit.',
    'Puis il est parti…',
    'Enfin.',
  ]);
});

test('glued paragraphs from scraped pages are split', () => {
  assert.deepEqual(sentences('un soutien militaire.Le dirigeant a parlé.'), [
    'un soutien militaire.',
    'Le dirigeant a parlé.',
  ]);
  assert.deepEqual(sentences('Pas de hausse des fraisLes banques ont cédé.'), [
    'Pas de hausse des frais',
    'Les banques ont cédé.',
  ]);
  assert.deepEqual(sentences('voir lefigaro.fr pour le détail.'), ['voir lefigaro.fr pour le détail.']);
});

test('paragraphs follow line breaks', () => {
  const d = createDoc('Premier paragraphe.\n\nSecond paragraphe.\nTroisième.');
  assert.equal(d.paragraphs.length, 3);
});

test('token offsets always point into the unchanged text', () => {
  const text = ' « Bon »,\u00A0dit-elle : l’État… 3\u202F000 € 😀 fin';
  const d = createDoc(text);
  for (let i = 0; i < d.tokens.count; i++) {
    assert.ok(d.tokens.start[i]! < d.tokens.end[i]!);
    assert.ok(d.tokens.end[i]! <= text.length);
    assert.equal(tokenText(d, i).trim(), tokenText(d, i));
  }
  assert.ok(words(text).includes('😀'));
});
