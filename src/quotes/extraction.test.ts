// Quote extraction rules (spans and kinds), each on a short invented French passage.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../analyze.js';

function quotes(text: string): { text: string; kind: string; cue: string | null }[] {
  return analyze(text, { entities: false, dates: false, figures: false }).quotes.map((q) => ({
    text: q.text,
    kind: q.kind,
    cue: q.cue?.text ?? null,
  }));
}

test('à + infinitive after an object is reported speech', () => {
  assert.deepEqual(quotes('Le syndicat a appelé les salariés à cesser le travail dès jeudi.'), [
    { text: 'cesser le travail dès jeudi', kind: 'indirect', cue: 'a appelé' },
  ]);
  assert.deepEqual(quotes('La maire s’est engagée devant le conseil à ne pas augmenter les impôts.'), [
    { text: 'ne pas augmenter les impôts', kind: 'indirect', cue: 's’est engagée' },
  ]);
  assert.deepEqual(quotes('Plusieurs messages invitent déjà à bloquer le rond-point samedi.'), [
    { text: 'bloquer le rond-point samedi', kind: 'indirect', cue: 'invitent' },
  ]);
});

test('à + infinitive: not after a purpose clause nor with a thing for subject', () => {
  assert.deepEqual(quotes('La mairie s’était engagée sur place pour aider les commerçants à rouvrir.'), []);
  assert.deepEqual(quotes('Une campagne qui invite les habitants à consommer local.'), []);
});

test('a participle coordinated with a compound reporting verb shares its auxiliary', () => {
  assert.deepEqual(
    quotes('Le préfet a salué le calme des manifestants et répété que la route resterait fermée.'),
    [{ text: 'la route resterait fermée', kind: 'indirect', cue: 'répété' }],
  );
  assert.deepEqual(
    quotes('La ministre a reçu les élus et pointé un risque «de fracture entre les territoires».'),
    [{ text: 'de fracture entre les territoires', kind: 'direct', cue: 'pointé' }],
  );
});
