import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
  foldAccents,
  foldedStem,
  foldName,
  ftsMatch,
  indexText,
  parseSearch,
  scanWords,
  stem,
  WORD,
  stemKeys,
  wordsOf,
} from './french.js';
import { highlightsIn, markHighlights, snippetOf } from './snippet.js';

describe('French search text', () => {
  test('stems: singular and plural, verb forms meet', () => {
    assert.equal(stem('financements'), stem('financement'));
    assert.equal(stem('violences'), stem('violence'));
    assert.equal(stem('jaunes'), stem('jaune'));
    assert.equal(stem('élections'), stem('élection'));
  });

  test('accents are folded after stemming: defense and défense meet', () => {
    assert.equal(foldAccents(stem('défense')), foldAccents(stem('defense')));
    assert.equal(foldAccents(indexText('DÉFENSE')), foldAccents(indexText('defense')));
  });

  test('elisions are split off and dropped, with either apostrophe', () => {
    assert.equal(indexText('l’Otan'), 'otan');
    assert.equal(indexText("l'OTAN"), 'otan');
    assert.equal(indexText("d'euros"), stem('euros'));
    assert.equal(indexText('qu’il'), 'il');
    assert.equal(indexText('jusqu’à'), 'à');
    // Not an elision: a word that ends before an apostrophe only by accident.
    assert.deepEqual(
      wordsOf("aujourd'hui").map((w) => w.lower),
      ['aujourd', 'hui'],
    );
  });

  test('offsets of words refer to the original text', () => {
    const text = 'Selon l’Otan, « NOUS » agissons.';
    for (const w of wordsOf(text)) assert.equal(text.slice(w.start, w.end).toLowerCase(), w.lower);
    assert.deepEqual(
      wordsOf(text).map((w) => w.lower),
      ['selon', 'otan', 'nous', 'agissons'],
    );
  });

  test('the word scan finds exactly the matches of WORD, in every script', () => {
    // Latin with accents and combining marks, digits, Greek, Cyrillic, CJK, an astral letter
    // (mathematical bold A), an emoji (not a word), superscripts and fractions (digits).
    const text =
      'Le ministre a dit: « Ça coûte 1,5 milliard » — Ελλάδα, Москва, 東京; 𝐀x 😀 e\u0301te x² ½ fin';
    const scanned: string[] = [];
    scanWords(text, (s, e) => scanned.push(text.slice(s, e)));
    const expected = [...text.matchAll(new RegExp(WORD.source, WORD.flags))].map((m) => m[0]);
    assert.deepEqual(scanned, expected);
    assert.ok(scanned.includes('東京') && scanned.includes('𝐀x') && scanned.includes('e\u0301te'));
  });

  test('user text never reaches FTS5 raw: every term is quoted', () => {
    assert.equal(ftsMatch(parseSearch("d'euros")), `"${stem('euros')}"`);
    assert.equal(ftsMatch(parseSearch('financements communs')), `"financ" AND "${stem('communs')}"`);
    // FTS5 operators and punctuation are words or nothing.
    // ("a" and "y" are function words, left out.)
    assert.equal(ftsMatch(parseSearch('NEAR(a b) OR * -x ^y')), `"near" AND "b" AND "or" AND "x"`);
    assert.equal(ftsMatch(parseSearch('" ( ) * : ^')), null);
    assert.equal(ftsMatch(parseSearch('')), null);
  });

  test('quoted phrases stay phrases, function words dropped outside them', () => {
    const t = parseSearch('les "gilets jaunes" à Paris');
    assert.deepEqual(t.groups, [[stem('gilets'), stem('jaunes')], [stem('paris')]]);
    // Only function words: they are kept.
    assert.deepEqual(parseSearch('de la').groups, [['de'], ['la']]);
  });

  test('names fold for matching', () => {
    assert.equal(foldName('  Hélène  ROUX '), 'helene roux');
    assert.equal(foldName('Jean-Luc Mélenchon'), 'jean luc melenchon');
  });
});

describe('snippets', () => {
  const text =
    'Premier paragraphe sans rapport. '.repeat(10) +
    'Les financements communs de la défense européenne, a dit la ministre. ' +
    'Suite du texte sans rapport. '.repeat(10);

  test('highlights the words whose stem matches, with exact offsets', () => {
    const keys = stemKeys(parseSearch('financement defense'));
    const hs = highlightsIn(text, keys);
    assert.deepEqual(
      hs.map((h) => text.slice(h.start, h.end)),
      ['financements', 'défense'],
    );
  });

  test('the excerpt is around the matches and marks them', () => {
    const keys = stemKeys(parseSearch('financement defense'));
    const s = snippetOf(text, keys, 120);
    assert.equal(s.text, text.slice(s.start, s.end));
    assert.ok(s.text.length <= 120);
    assert.ok(s.cutStart && s.cutEnd);
    assert.equal(s.highlights.length, 2);
    const marked = markHighlights(s.text, s.start, s.highlights, '[', ']');
    assert.match(marked, /\[financements\] communs de la \[défense\]/);
  });

  test('no match: the start of the text', () => {
    const s = snippetOf(text, new Set(['zzz']), 50);
    assert.equal(s.start, 0);
    assert.equal(s.highlights.length, 0);
  });
});

describe('highlights: the fast scan finds what stemming every word finds', () => {
  test('same words as wordsOf + foldedStem, on accents, capitals, elisions, marks', () => {
    const text =
      "L’État et l'Otan : ÉTATS, états, Étatiques. Les financements d’Œuvres, œuvre, OEUVRE ; " +
      'yeux, Yeux, youyou ; 2019, 300 ; \u0301accent, \uFE0Fétat ; jusqu’aux financiers. Défense, défenses, DEFENSE.';
    for (const query of [
      'état',
      'financement',
      'oeuvre œuvres',
      'yeux',
      '2019',
      'défense',
      'accent',
      'aux',
    ]) {
      const keys = stemKeys(parseSearch(query));
      const naive = wordsOf(text)
        .filter((w) => keys.has(foldedStem(w.lower)))
        .map((w) => ({ start: w.start, end: w.end }));
      assert.ok(naive.length > 0 || query === 'aux', `some match for ${query}`);
      assert.deepEqual(highlightsIn(text, keys), naive, query);
    }
  });
});
