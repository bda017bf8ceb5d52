import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDoc } from '../doc/document.js';
import { findVerbGroups } from './cues.js';

const cues = (text: string): Array<[string, string]> => {
  const d = createDoc(text);
  return findVerbGroups(d).map((g) => [text.slice(d.tokens.start[g.first]!, d.tokens.end[g.last]!), g.lemma]);
};

test('verb groups take their auxiliary, adverbs and inverted pronoun', () => {
  assert.deepEqual(cues('Il a notamment déclaré que tout allait bien.'), [
    ['a notamment déclaré', 'déclarer'],
  ]);
  assert.deepEqual(cues('«Non», a-t-il martelé.'), [['a-t-il martelé', 'marteler']]);
  assert.deepEqual(cues('«Non», estime-t-elle.'), [['estime-t-elle', 'estimer']]);
  assert.deepEqual(cues('Elle s’est dite satisfaite.'), [['s’est dite', 'dire']]);
});

test('multiword cues and "pouvait-on lire"', () => {
  assert.deepEqual(cues('Le ministre a fait savoir que la réforme attendra.'), [
    ['a fait savoir', 'faire savoir'],
  ]);
  assert.deepEqual(cues('«Non aux taxes», pouvait-on lire sur une pancarte.'), [['pouvait-on lire', 'lire']]);
});

test('a participle used as an adjective is no cue; a present participle is non-finite', () => {
  assert.deepEqual(cues('Les mesures annoncées seront appliquées.'), []);
  const d = createDoc('Il est parti, estimant que tout était perdu.');
  const [g] = findVerbGroups(d);
  assert.equal(g?.lemma, 'estimer');
  assert.equal(g?.nonFinite, true);
});

test('an inverted incise makes a cue of a verb outside the lexicon', () => {
  assert.deepEqual(cues('«Merci à tous, a-t-il partagé. Nous serons là.»'), [['a-t-il partagé', 'partagé']]);
  assert.deepEqual(cues('«Tout a commencé en mai», égrène-t-elle.'), [['égrène-t-elle', 'égrène']]);
  // A parenthetical reports nothing.
  assert.deepEqual(cues('La police a, semble-t-il, été surprise.'), []);
  // Without a comma before it, an inversion is a question.
  assert.deepEqual(cues('Pourquoi partage-t-il cette vidéo ?'), []);
});
