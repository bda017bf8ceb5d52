import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDoc } from '../doc/document.js';
import { findQuoted } from './marks.js';

const contents = (text: string): string[] =>
  findQuoted(createDoc(text)).map((q) => text.slice(q.start, q.end));

test('pairs guillemets with or without no-break spaces', () => {
  assert.deepEqual(contents('«Oui», dit-il. «\u00A0Non\u00A0», dit-elle. « Peut-être »'), [
    'Oui',
    'Non',
    'Peut-être',
  ]);
});

test('keeps nested quotes inside the outer passage', () => {
  assert.deepEqual(contents('«Il m’a dit “jamais” puis «non»», raconte-t-elle.'), [
    'Il m’a dit “jamais” puis «non»',
  ]);
});

test('pairs straight and curly double quotes', () => {
  assert.deepEqual(contents('Il a crié "Macron démission" puis “Tous ensemble”.'), [
    'Macron démission',
    'Tous ensemble',
  ]);
});

test('a stray closing mark extends the passage it follows instead of derailing the paragraph', () => {
  const text =
    '«Mettre en commun est un multiplicateur», un moyen plus effectif», a souligné le ministre. «Fin», a-t-il dit.';
  assert.deepEqual(contents(text), [
    'Mettre en commun est un multiplicateur», un moyen plus effectif',
    'Fin',
  ]);
});

test('an unclosed mark runs to the end of its paragraph only', () => {
  const text = '«Nous irons jusqu’au bout.\n«Et nous gagnerons», a-t-elle conclu.';
  assert.deepEqual(contents(text), ['Nous irons jusqu’au bout.', 'Et nous gagnerons']);
});

test('a closing mark whose opener was lost starts its passage at the paragraph', () => {
  const text = 'Introduction.\nIl n’y a pas d’amour, il n’y a que des preuves d’amour», écrivait le poète.';
  assert.deepEqual(contents(text), ['Il n’y a pas d’amour, il n’y a que des preuves d’amour']);
});

test('a straight opener closed by a guillemet is one passage', () => {
  assert.deepEqual(contents('"Nous resterons ici tout l’hiver », a-t-elle lancé. « Rien ne bouge »'), [
    'Nous resterons ici tout l’hiver',
    'Rien ne bouge',
  ]);
});

test('a closer alone on its line closes a passage left open two paragraphs above', () => {
  const text =
    '“Merci à tous les militants, a-t-il déclaré devant le bureau.\n\nNous avons tenu bon et nous continuerons.\n”\nLa séance a été levée.';
  assert.deepEqual(contents(text), [
    'Merci à tous les militants, a-t-il déclaré devant le bureau.',
    'Nous avons tenu bon et nous continuerons.',
  ]);
});
