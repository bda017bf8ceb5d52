// Embedded posts: a tweet's text signed by its author is the author's direct quote.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../analyze.js';

test('a tweet kept in the article is a direct quote of its signatory', () => {
  const text =
    'La ministre a réagi dans la soirée.\n' +
    'Nous soutenons pleinement les maires face à ces violences inacceptables. pic.twitter.com/AbCdEf12 — Claire Dumont (@ClaireDumont) 12 janvier 2019\n' +
    'Le texte sera examiné mardi.';
  const quotes = analyze(text, { entities: true, dates: false, figures: false }).quotes;
  assert.deepEqual(
    quotes.map((q) => [q.text, q.kind, q.speaker?.name ?? null]),
    [['Nous soutenons pleinement les maires face à ces violences inacceptables.', 'direct', 'Claire Dumont']],
  );
});

test('two tweets in one paragraph, English date format', () => {
  const text =
    'Les photographes ont protesté.\nOn nous a pris nos casques au contrôle ce matin— Paul Riviere (@pauriv) December 8, 2018 Matériel saisi sans aucune explication par les agents— Lea Morin (@leamorin) December 8, 2018';
  const quotes = analyze(text, { entities: false, dates: false, figures: false }).quotes;
  assert.deepEqual(
    quotes.map((q) => q.text),
    [
      'On nous a pris nos casques au contrôle ce matin',
      'Matériel saisi sans aucune explication par les agents',
    ],
  );
});
