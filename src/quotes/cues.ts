// Reporting cues: verb groups built on the reporting-verb lexicon (a déclaré, a-t-il martelé,
// estime, s'est dite, dit-elle, estimant) and the markers selon / d'après / pour.
import { tokenLower, tokenText, type Doc } from '../doc/document.js';
import { TokenFlag, TokenKind } from '../doc/tokens.js';
import { MULTIWORD_CUES, multiwordHead, reportingVerb } from '../lang/fr/reporting-verbs.js';

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
  /** Takes à + infinitive after its object: il appelle le gouvernement à agir. */
  takesA: boolean;
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

interface CueEntry {
  lemma: string;
  cls: 'speech' | 'cognition';
  takesQue: boolean;
  takesDe: boolean;
  takesA: boolean;
  takesInf: boolean;
}

/** A multiword cue whose head verb is token i: a fait valoir, met en garde, a-t-il fait savoir. */
function multiwordAt(doc: Doc, i: number, form: string): { entry: CueEntry; last: number } | null {
  const head = multiwordHead(form);
  if (!head) return null;
  for (const cue of MULTIWORD_CUES) {
    if (cue.words[0] !== head) continue;
    let j = i + 1;
    let ok = true;
    for (let w = 1; w < cue.words.length; w++) {
      while (
        j < doc.tokens.count &&
        (doc.tokens.flags[j]! & TokenFlag.Inverted || INNER_ADVERBS.has(lowerAt(doc, j)))
      )
        j++;
      if (j >= doc.tokens.count || lowerAt(doc, j).replace('’', "'") !== cue.words[w]) {
        ok = false;
        break;
      }
      j++;
    }
    if (ok) {
      return {
        entry: {
          lemma: cue.lemma,
          cls: cue.cls,
          takesQue: cue.takesQue,
          takesDe: cue.takesDe,
          takesA: cue.takesA,
          takesInf: false,
        },
        last: j - 1,
      };
    }
  }
  return null;
}

/** "pouvait-on lire", "entend-on": words read on a banner or heard in a crowd, quoted by an impersonal "on". */
function readingWithOn(doc: Doc, i: number, form: string): CueEntry | undefined {
  const lemma = READ_FORMS.get(form);
  if (!lemma) return undefined;
  const next =
    i + 1 < doc.tokens.count && doc.tokens.flags[i + 1]! & TokenFlag.Inverted ? lowerAt(doc, i + 1) : '';
  const prev = i > 0 && doc.tokens.flags[i - 1]! & TokenFlag.Inverted ? lowerAt(doc, i - 1) : '';
  if (next !== 'on' && prev !== 'on') return undefined;
  return { lemma, cls: 'speech', takesQue: true, takesDe: false, takesA: false, takesInf: false };
}

const READ_FORMS = new Map([
  ...['lire', 'lit', 'lisait', 'lira', 'lisent'].map((f): [string, string] => [f, 'lire']),
  ...['entendre', 'entend', 'entendait', 'entendra'].map((f): [string, string] => [f, 'entendre']),
]);

/** Modal participles between an auxiliary and a reporting infinitive: a dû reconnaître, a voulu rappeler. */
const MODAL_PARTICIPLES = new Set(['dû', 'pu', 'voulu', 'su', 'tenu']);

/** Finite modals before an inverted pronoun and an infinitive: pouvait-on entendre, doit-il admettre. */
const MODAL_FINITE = new Set([
  'peut',
  'pouvait',
  'pourrait',
  'pouvaient',
  'doit',
  'devait',
  'veut',
  'voulait',
]);

function lowerAt(doc: Doc, i: number): string {
  return tokenLower(doc, i);
}

/** Every reporting verb group in the document, in text order. */
export function findVerbGroups(doc: Doc): VerbGroup[] {
  const { tokens } = doc;
  const out: VerbGroup[] = [];
  for (let i = 0; i < tokens.count; i++) {
    if (tokens.kind[i] !== TokenKind.Word || tokens.flags[i]! & TokenFlag.Inverted) continue;
    // Verbs are words of two letters or more; a capitalised word is a verb only at a sentence start.
    const form = tokenLower(doc, i);
    // "a" heads a multiword cue (a l'impression).
    if (tokens.end[i]! - tokens.start[i]! < 2 && form !== 'a') continue;
    const multi = multiwordAt(doc, i, form);
    const entry =
      multi?.entry ?? reportingVerb(form) ?? readingWithOn(doc, i, form) ?? inciseVerb(doc, i, form);
    if (!entry) continue;
    let first = i;
    let inverted = -1;
    // Inversion: dit-il, estime-t-elle, or a-t-il dit (aux + pronoun + participle).
    if (i + 1 < tokens.count && tokens.flags[i + 1]! & TokenFlag.Inverted) {
      inverted = i + 1;
    }
    const j = skipInnerAdverbs(doc, i - 1);
    let hasAux = false;
    if (j >= 0 && tokens.flags[j]! & TokenFlag.Inverted && j - 1 >= 0) {
      const aux = tokenLower(doc, j - 1);
      if (AUXILIARIES.has(aux)) {
        inverted = j;
        first = j - 1;
        hasAux = true;
      }
    } else if (j >= 0 && AUXILIARIES.has(tokenLower(doc, j))) {
      first = j;
      hasAux = true;
      // s’est dit, se sont dits: take the reflexive pronoun into the cue.
      const reflexive = j - 1 >= 0 && /^(s’|s'|se)$/i.test(tokenText(doc, j - 1));
      if (reflexive) first = j - 1;
      // A passive (a été qualifié de, est considéré comme): its subject is what is spoken of.
      else if (
        !BELIEF_PASSIVES.has(entry.lemma) &&
        (tokenLower(doc, j) === 'été' || (PASSIVE_AUX.has(tokenLower(doc, j)) && !multi))
      )
        continue;
    } else if (i - 1 >= 0 && /^(s’|s'|se)$/i.test(tokenText(doc, i - 1))) {
      // s'appelle: is named, not calls for.
      if (entry.lemma === 'appeler') continue;
      first = i - 1;
    }
    // A modal before the infinitive belongs to the cue: ont dû convenir, a tenu à préciser,
    // a-t-il voulu rappeler, pouvait-on entendre.
    if (form === entry.lemma && !hasAux && inverted < 0) {
      let p = skipInnerAdverbs(doc, i - 1);
      if (p >= 1 && tokenLower(doc, p) === 'à' && tokenLower(doc, p - 1) === 'tenu') p--;
      if (p >= 1 && MODAL_PARTICIPLES.has(tokenLower(doc, p))) {
        const a = skipInnerAdverbs(doc, p - 1);
        if (
          a >= 1 &&
          tokens.flags[a]! & TokenFlag.Inverted &&
          ACTIVE_AUXILIARIES.has(tokenLower(doc, a - 1))
        ) {
          inverted = a;
          first = a - 1;
          hasAux = true;
        } else if (a >= 0 && ACTIVE_AUXILIARIES.has(tokenLower(doc, a))) {
          first = a;
          hasAux = true;
        }
      } else if (
        p >= 1 &&
        tokens.flags[p]! & TokenFlag.Inverted &&
        MODAL_FINITE.has(tokenLower(doc, p - 1))
      ) {
        inverted = p;
        first = p - 1;
      }
    }
    const nonFinite = (form.endsWith('ant') || form === entry.lemma) && !hasAux && inverted < 0;
    const verbLemma = multi ? (multiwordHead(form) ?? entry.lemma) : entry.lemma;
    const isParticiple = !hasAux && inverted < 0 && isPastParticiple(form, verbLemma);
    // écrit, lit: participles and presents; after a comma or a quote they are the present (», écrit X).
    const presentAfterQuote = (form === 'écrit' || form === 'lit') && nearPunct(doc, i);
    // A participle coordinated with an earlier compound verb shares its auxiliary: a exprimé son
    // soutien et mis en garde contre ..., a nié les faits mais répété que ...
    const coordinated = isParticiple && sharesAuxiliary(doc, i);
    if (
      isParticiple &&
      PARTICIPLE_NEEDS_AUX.has(entry.lemma) &&
      !PRESENT_TOO.has(form) &&
      !presentAfterQuote &&
      !coordinated
    )
      continue;
    // A bare past participle after a noun is usually an adjective (la mesure annoncée): keep only
    // when a comma or quote is next to it, where it reads as an elliptic cue.
    if (isParticiple && !PRESENT_TOO.has(form) && !nearPunct(doc, i) && !coordinated) continue;
    const last = Math.max(inverted > i ? inverted : i, multi?.last ?? i);
    out.push({
      first,
      last,
      verb: i,
      lemma: entry.lemma,
      cls: entry.cls,
      takesQue: entry.takesQue,
      takesDe: entry.takesDe,
      takesA: entry.takesA,
      takesInf: entry.takesInf,
      inverted,
      nonFinite,
    });
    // The words of a multiword cue are not cues of their own (faire savoir: not "savoir").
    if (multi) i = multi.last;
  }
  return out;
}

const INCISE_PRONOUNS = new Set(['il', 'elle', 'ils', 'elles']);

/** Inverted verbs of a parenthetical that reports nothing: semble-t-il, paraît-il, faut-il. */
const NOT_INCISE_VERBS = new Set([
  'semble',
  'semblait',
  'semblerait',
  'paraît',
  'parait',
  'paraissait',
  'paraîtrait',
  'faut',
  'fallait',
  'faudrait',
  'peut',
  'pouvait',
  'pourrait',
  'doit',
  'devait',
  'devrait',
  'est',
  'était',
  'serait',
  'sera',
  'va',
  'allait',
  'reste',
  'restait',
  'sait',
  'savait',
  'vient',
  'venait',
]);

/**
 * A verb outside the lexicon in an inverted incise: «..., a-t-il partagé. ...», «...»,
 * résume-t-elle. After a comma, with the subject pronoun inverted and the incise closed by
 * punctuation, any verb reports the words around it.
 */
function inciseVerb(doc: Doc, i: number, form: string): CueEntry | undefined {
  const { tokens } = doc;
  // Most words have no inverted pronoun beside them: leave before building anything (hot path).
  const invertedNear =
    (i >= 1 && (tokens.flags[i - 1]! & TokenFlag.Inverted) !== 0) ||
    (i + 1 < tokens.count && (tokens.flags[i + 1]! & TokenFlag.Inverted) !== 0);
  if (!invertedNear) return undefined;
  const isInverted = (k: number): boolean =>
    k >= 0 &&
    k < tokens.count &&
    (tokens.flags[k]! & TokenFlag.Inverted) !== 0 &&
    INCISE_PRONOUNS.has(tokenLower(doc, k));
  const isComma = (k: number): boolean => k >= 0 && tokenText(doc, k) === ',';
  const closes = (k: number): boolean =>
    k < tokens.count && tokens.kind[k] !== TokenKind.Word && /^[.,;:!?»”"…]$/.test(tokenText(doc, k));
  if (!/^\p{Ll}/u.test(tokenText(doc, i)) || NOT_INCISE_VERBS.has(form)) return undefined;
  let ok = false;
  // a-t-il partagé: auxiliary, pronoun, past participle.
  if (
    isInverted(i - 1) &&
    ACTIVE_AUXILIARIES.has(tokenLower(doc, i - 2)) &&
    isComma(i - 3) &&
    form !== 'été' &&
    /(é|ée|és|ées|i|ie|is|it|u|ue|us)$/.test(form) &&
    closes(i + 1)
  )
    ok = true;
  // résume-t-elle: a present or past tense, pronoun after.
  else if (isInverted(i + 1) && isComma(i - 1) && closes(i + 2) && /(e|a|t|ait|it|ut)$/.test(form)) ok = true;
  if (!ok) return undefined;
  return { lemma: form, cls: 'speech', takesQue: false, takesDe: false, takesA: false, takesInf: false };
}

/** Active auxiliaries a coordinated participle can share (not être: la loi votée et promulguée). */
const ACTIVE_AUXILIARIES = new Set(['a', 'ont', 'avait', 'avaient', 'aura', 'auront', 'aurait', 'auraient']);

/** The participle at i follows "et" / "mais" / "puis" in a sentence whose verb has an auxiliary of avoir. */
function sharesAuxiliary(doc: Doc, i: number): boolean {
  if (i < 2 || !/^(et|mais|puis)$/.test(tokenLower(doc, i - 1))) return false;
  const sentFirst = doc.sentences[doc.sentenceOfToken[i]!]!.first;
  for (let k = i - 2; k >= Math.max(sentFirst, i - 40); k--) {
    if (doc.tokens.kind[k] === TokenKind.Word && ACTIVE_AUXILIARIES.has(tokenLower(doc, k))) return true;
  }
  return false;
}

/** Adverbial phrases between an auxiliary and its participle: a une nouvelle fois dénoncé. */
const INNER_PHRASES: readonly (readonly string[])[] = [
  ['une', 'nouvelle', 'fois'],
  ['une', 'fois', 'de', 'plus'],
  ['à', 'nouveau'],
  ['de', 'nouveau'],
  ['à', 'son', 'tour'],
  ['lui', 'aussi'],
  ['elle', 'aussi'],
  ['eux', 'aussi'],
  ['elles', 'aussi'],
  ['pour', 'sa', 'part'],
  ['de', 'son', 'côté'],
  ['en', 'outre'],
  ['par', 'ailleurs'],
  ['en', 'revanche'],
  ['quant', 'à', 'lui'],
  ['quant', 'à', 'elle'],
];

/** The token before the adverbs and adverbial phrases that end at token j. */
function skipInnerAdverbs(doc: Doc, j: number): number {
  outer: while (j >= 0) {
    const w = tokenLower(doc, j);
    // Any adverb in -ment: a formellement exclu, a carrément signalé.
    if (
      INNER_ADVERBS.has(w) ||
      (w.length > 6 && w.endsWith('ment') && doc.tokens.kind[j] === TokenKind.Word)
    ) {
      j--;
      continue;
    }
    for (const phrase of INNER_PHRASES) {
      const first = j - phrase.length + 1;
      if (first < 0) continue;
      let ok = true;
      for (let k = 0; k < phrase.length && ok; k++) ok = tokenLower(doc, first + k) === phrase[k];
      if (ok) {
        j = first - 1;
        continue outer;
      }
    }
    break;
  }
  return j;
}

/** Forms of être before a participle without a reflexive pronoun: a passive. */
const PASSIVE_AUX = new Set(['est', 'sont', 'était', 'étaient', 'sera', 'seront', 'serait', 'seraient']);

/** Passives that state the subject's own belief: il est convaincu que, elle est persuadée que. */
const BELIEF_PASSIVES = new Set(['convaincre', 'persuader']);

/** Participles that are also the third person present: il dit, il fait savoir. */
const PRESENT_TOO = new Set(['dit', 'fait']);

/**
 * Whether a form of the verb can be its past participle, by conjugation group: -er verbs end in
 * é/ée/és/ées (explique and indique are presents), -ir verbs in i/ie/is/ies (réagit is a present),
 * the others in u/ue/us/ues, is/ise/ises or it/ite/its/ites (not the imperfect écrivait).
 */
export function isPastParticiple(form: string, lemma: string): boolean {
  if (lemma.endsWith('er')) return /(é|ée|és|ées)$/.test(form);
  if (lemma.endsWith('ir')) return /(i|ie|is|ies|u|ue|us|ues|ert|erte|erts|ertes)$/.test(form);
  // Not the imperfect (disait, écrivait), nor the present of -ir verbs (réagit), but fait, dit.
  if (/ai[st]$/.test(form) && form !== 'fait') return false;
  return /(u|ue|us|ues|is|ise|ises|it|ite|its|ites)$/.test(form);
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
