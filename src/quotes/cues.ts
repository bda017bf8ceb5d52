// Reporting cues: verb groups built on the reporting-verb lexicon (a déclaré, a-t-il martelé,
// estime, s'est dite, dit-elle, estimant) and the markers selon / d'après / pour.
import { tokenText, type Doc } from '../doc/document.js';
import { TokenFlag, TokenKind } from '../doc/tokens.js';
import { reportingVerb } from '../lang/fr/reporting-verbs.js';

export interface VerbGroup {
  /** First and last token of the cue (auxiliary .. participle, or verb .. inverted pronoun). */
  first: number;
  last: number;
  /** The token of the lexical verb. */
  verb: number;
  lemma: string;
  cls: 'speech' | 'cognition';
  takesQue: boolean;
  takesDe: boolean;
  /** Takes a bare infinitive: il affirme avoir été menacé. */
  takesInf: boolean;
  /** Token of the inverted subject pronoun (a-t-il dit -> il), or -1. */
  inverted: number;
  /** A present participle or infinitive: its subject is the main clause's. */
  nonFinite: boolean;
}

const AUXILIARIES = new Set([
  'a',
  'ont',
  'avait',
  'avaient',
  'aura',
  'auront',
  'aurait',
  'auraient',
  'ai',
  'as',
  'avons',
  'avez',
  'est',
  'sont',
  'était',
  'étaient',
  'sera',
  'serait',
  'eu',
  'ayant',
  'avoir',
  'été',
]);
/** Adverbs that split an auxiliary from its participle: a notamment déclaré, n'a pas dit. */
const INNER_ADVERBS = new Set([
  'notamment',
  'également',
  'aussi',
  'encore',
  'ensuite',
  'alors',
  'déjà',
  'pourtant',
  'ainsi',
  'toutefois',
  'cependant',
  'même',
  'bien',
  'pas',
  'jamais',
  'plus',
  'enfin',
  'finalement',
  'récemment',
  'souvent',
  'toujours',
  'clairement',
  'fermement',
  'publiquement',
  'longuement',
  'vivement',
  'immédiatement',
  'aussitôt',
  'simplement',
  'seulement',
  'surtout',
  'lui-même',
  'elle-même',
  'de',
  'son',
  'sa',
  'leur',
  'côté',
  'part',
  'pour',
  'quant',
  'emblée',
  'd’',
  "d'",
  'à',
  'tour',
  'ainsi',
  'vite',
  'aujourd’hui',
  'hier',
  'mardi',
  'lundi',
  'mercredi',
  'jeudi',
  'vendredi',
  'samedi',
  'dimanche',
]);
/** Verbs whose infinitive or participle is so common outside speech that only finite uses count. */
const PARTICIPLE_NEEDS_AUX = new Set(['dire', 'écrire', 'lire']);

/** Every reporting verb group in the document, in text order. */
export function findVerbGroups(doc: Doc): VerbGroup[] {
  const { tokens } = doc;
  const out: VerbGroup[] = [];
  for (let i = 0; i < tokens.count; i++) {
    if (tokens.kind[i] !== TokenKind.Word || tokens.flags[i]! & TokenFlag.Inverted) continue;
    const form = tokenText(doc, i).toLowerCase();
    const entry = reportingVerb(form);
    if (!entry) continue;
    let first = i;
    let inverted = -1;
    // Inversion: dit-il, estime-t-elle, or a-t-il dit (aux + pronoun + participle).
    if (i + 1 < tokens.count && tokens.flags[i + 1]! & TokenFlag.Inverted) {
      inverted = i + 1;
    }
    let j = i - 1;
    while (j >= 0 && INNER_ADVERBS.has(tokenText(doc, j).toLowerCase())) j--;
    let hasAux = false;
    if (j >= 0 && tokens.flags[j]! & TokenFlag.Inverted && j - 1 >= 0) {
      const aux = tokenText(doc, j - 1).toLowerCase();
      if (AUXILIARIES.has(aux)) {
        inverted = j;
        first = j - 1;
        hasAux = true;
      }
    } else if (j >= 0 && AUXILIARIES.has(tokenText(doc, j).toLowerCase())) {
      first = j;
      hasAux = true;
      // s’est dit, se sont dits: take the reflexive pronoun into the cue.
      if (j - 1 >= 0 && /^(s’|s'|se)$/i.test(tokenText(doc, j - 1))) first = j - 1;
    } else if (i - 1 >= 0 && /^(s’|s'|se)$/i.test(tokenText(doc, i - 1))) {
      first = i - 1;
    }
    // A present participle (estimant) or the infinitive itself (pour dénoncer).
    const nonFinite = (form.endsWith('ant') || form === entry.lemma) && !hasAux && inverted < 0;
    const isParticiple = /(é|ée|és|ées|i|is|it|ite|u|ue)$/.test(form) && !hasAux && inverted < 0;
    if (isParticiple && PARTICIPLE_NEEDS_AUX.has(entry.lemma) && form !== 'dit') continue;
    // A bare past participle after a noun is usually an adjective (la mesure annoncée): keep only
    // when a comma or quote is next to it, where it reads as an elliptic cue.
    if (isParticiple && form !== 'dit' && !/(ant)$/.test(form) && !nearPunct(doc, i)) continue;
    const last = inverted > i ? inverted : i;
    out.push({
      first,
      last,
      verb: i,
      lemma: entry.lemma,
      cls: entry.cls,
      takesQue: entry.takesQue,
      takesDe: entry.takesDe,
      takesInf: entry.takesInf,
      inverted,
      nonFinite,
    });
  }
  return out;
}

function nearPunct(doc: Doc, i: number): boolean {
  const { tokens } = doc;
  const prev = i - 1 >= 0 ? tokens.kind[i - 1] : TokenKind.Punct;
  return prev === TokenKind.Punct || prev === TokenKind.Quote;
}

/** The cue's character span. */
export function cueSpan(doc: Doc, g: VerbGroup): { start: number; end: number } {
  return { start: doc.tokens.start[g.first]!, end: doc.tokens.end[g.last]! };
}
