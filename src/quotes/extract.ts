// Quote extraction: cue, content and source, before speaker resolution (citron's decomposition).
// Finds direct quotes (quoted passages with a cue, or following a quote of the same source),
// indirect speech (verb + que / de / infinitive, selon / d'après / pour X, inverted "..., a-t-il dit")
// and mixed quotes (indirect speech containing quoted words).
import { tokenAtOrAfter, tokenLower, tokenText, type Doc } from '../doc/document.js';
import type { Segment } from '../doc/segment.js';
import { TokenKind } from '../doc/tokens.js';
import {
  DETERMINERS,
  DOCUMENT_NOUNS,
  GROUP_NOUNS,
  NAME_TITLES,
  ORGANIZATION_NOUNS,
  PERSON_NOUNS,
  STRESSED_PRONOUNS,
} from '../lang/fr/words.js';
import type { QuoteKind } from '../types.js';
import { findVerbGroups, isPastParticiple, type VerbGroup } from './cues.js';
import { findEmbeddedPosts } from './embeds.js';
import { findAnswers } from './interview.js';
import { findQuoted, firstStartingAtOrAfter, passageAt, type Quoted } from './marks.js';
import {
  hasProperName,
  nounPhraseAt,
  skipFillers,
  subjectAfter,
  subjectBefore,
  type MentionRange,
} from './mentions.js';
import {
  CLAUSE_ADVERBS,
  COMPLEMENT_HEADS,
  COMPOUND_INFINITIVE,
  INFO_NOUNS,
  isPersonNoun,
  LINK_WORDS,
  NOUN_CUES,
  ORG_KIND_NOUNS,
  SELON_NOT_SOURCE,
  SPEAKING_INSTITUTIONS,
  TAIL_PREPOSITIONS,
} from '../lang/fr/quote-words.js';

export interface CueRef {
  start: number;
  end: number;
  lemma: string;
}

export interface RawQuote {
  start: number;
  end: number;
  kind: QuoteKind;
  cue: CueRef | null;
  mention: MentionRange | null;
  /** No cue of its own: the source is the previous quote's. */
  followOn: boolean;
  /** An interview answer: the source is the interviewee. */
  interviewee?: boolean;
  /** Words reported inside another quote (Il m'a dit : “...”), kept beside the outer quote. */
  embedded?: boolean;
}

const lower = tokenLower;
const isPunct = (doc: Doc, i: number, chars: string): boolean =>
  i >= 0 &&
  i < doc.tokens.count &&
  doc.tokens.kind[i] !== TokenKind.Word &&
  chars.includes(tokenText(doc, i));

export function extractQuotes(doc: Doc): RawQuote[] {
  const quoted = findQuoted(doc);
  const allGroups = findVerbGroups(doc);
  // Verbs inside quoted words are the source's own words, not cues of the article.
  const groups = allGroups.filter((g) => !insideQuoted(quoted, doc.tokens.start[g.verb]!));
  groupsOf.set(doc, groups);
  const out: RawQuote[] = [];
  const consumed = new Set<Quoted>();

  // Index groups by sentence.
  const groupsBySentence = new Map<number, VerbGroup[]>();
  for (const g of groups) {
    const s = doc.sentenceOfToken[g.verb]!;
    let list = groupsBySentence.get(s);
    if (!list) groupsBySentence.set(s, (list = []));
    list.push(g);
  }

  doc.sentences.forEach((sent, si) => {
    const sg = groupsBySentence.get(si) ?? [];
    indirectQue(doc, sent, sg, quoted, consumed, out);
    selonClauses(doc, sent, sg, quoted, consumed, out);
    invertedIndirect(doc, sent, sg, quoted, consumed, out);
    commeClause(doc, sent, sg, quoted, consumed, out);
  });

  inciseQuotes(doc, quoted, allGroups, consumed, out);
  embeddedQuotes(doc, quoted, allGroups, out);
  directQuotes(doc, quoted, groups, consumed, out);
  for (const a of findAnswers(doc)) {
    out.push({
      start: a.start,
      end: a.end,
      kind: 'direct',
      cue: null,
      mention: null,
      followOn: false,
      interviewee: true,
    });
  }
  // An embedded post signed by its author; one that quotes someone else keeps its inner quotes.
  for (const p of findEmbeddedPosts(doc)) {
    if (out.some((o) => o.start < p.end && o.end > p.start)) continue;
    out.push({ start: p.start, end: p.end, kind: 'direct', cue: null, mention: p.author, followOn: false });
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  // Links to other articles (Lire aussi : un policier confirme avoir tiré) are headlines.
  return dropNested(out.filter((q) => !inCrossReference(doc, q.start)));
}

/**
 * Reported speech over [start, end): mixed when it contains quoted words (which it then owns, so
 * they are not also emitted as direct quotes), indirect otherwise.
 */
function reported(
  quoted: Quoted[],
  consumed: Set<Quoted>,
  start: number,
  end: number,
  cue: CueRef,
  mention: MentionRange | null,
): RawQuote {
  const inner = quotedWithin(quoted, start, end);
  for (const q of inner) consumed.add(q);
  return { start, end, kind: inner.length > 0 ? 'mixed' : 'indirect', cue, mention, followOn: false };
}

/** X a affirmé que ..., X estime qu'..., X a annoncé vouloir ..., X a promis de ... */
function indirectQue(
  doc: Doc,
  sent: Segment,
  groups: VerbGroup[],
  quoted: Quoted[],
  consumed: Set<Quoted>,
  out: RawQuote[],
): void {
  for (let gi = 0; gi < groups.length; gi++) {
    const g = groups[gi]!;
    if (insideQuoted(quoted, doc.tokens.start[g.verb]!)) continue;
    let j = g.last + 1;
    // Complements before que: a affirmé mardi à l'AFP que; a dit aux journalistes que. A noun
    // phrase object there makes "que" a relative pronoun (a rapporté la conversation qu'il avait).
    let hops = 0;
    let objectSeen = false;
    while (j <= sent.last && hops < 8) {
      const w = lower(doc, j);
      if (w === 'que' || w === 'qu’' || w === "qu'" || w === 'si' || w === 's’' || w === "s'") break;
      if (doc.tokens.kind[j] === TokenKind.Quote || w === ':' || w === '.' || w === ';') break;
      if (DETERMINERS.has(w) && !COMPLEMENT_HEADS.has(lower(doc, j - 1))) objectSeen = true;
      // Another cue before "que" owns the clause: a indiqué X, estimant que ...
      if (groups.some((x) => x !== g && x.first === j)) objectSeen = true;
      j++;
      hops++;
    }
    if (objectSeen) j = sent.last + 1;
    const w = j <= sent.last ? lower(doc, j) : '';
    let contentFirst = -1;
    if (
      (w === 'que' || w === 'qu’' || w === "qu'") &&
      g.takesQue &&
      hops < 8 &&
      (!CONJUNCTION_BEFORE_QUE.has(lower(doc, j - 1)) ||
        // insiste pour que, plaide pour que: what the source asks for.
        (lower(doc, j - 1) === 'pour' && j - 1 === g.last + 1 && PLEADING.has(g.lemma)))
    ) {
      contentFirst = j + 1;
    } else if (
      (w === 'si' || w === 's’' || w === "s'") &&
      hops <= 1 &&
      (g.lemma === 'demander' || g.lemma === 'interroger')
    ) {
      contentFirst = j + 1;
    } else {
      // de + infinitive, or a bare infinitive: a promis de revenir, a annoncé vouloir partir.
      // Adverbs before the complement: il conteste néanmoins avoir blessé.
      let k = g.last + 1;
      while (k <= sent.last && CLAUSE_ADVERBS.has(lower(doc, k))) k++;
      // Time words too: ont annoncé lundi vouloir, a raconté la semaine dernière ne pas comprendre.
      const kf = skipFillers(doc, k, sent.last);
      // A negated infinitive: affirme ne pas avoir vu, dit ne plus vouloir.
      const negated =
        /^(ne|n’|n')$/.test(lower(doc, kf)) && /^(pas|plus|jamais|rien)$/.test(lower(doc, kf + 1)) ? 2 : 0;
      if (k <= sent.last) {
        const n1 = lower(doc, k);
        const inf = lower(doc, kf + negated);
        const reflexive = /^(se|s’|s')$/.test(lower(doc, g.first));
        const deAt = g.takesDe ? deAfterAddressee(doc, kf, sent.last) : -1;
        // "se disent solidaires", "s'est dite satisfaite": what the source says it is.
        if (
          reflexive &&
          (g.lemma === 'dire' || g.lemma === 'déclarer' || g.lemma === 'montrer') &&
          doc.tokens.kind[k] === TokenKind.Word
        ) {
          contentFirst = k;
        } else if (deAt >= 0 && isInfinitive(lower(doc, cliticSkip(doc, deAt + 1, sent.last)))) {
          contentFirst = deAt + 1;
        } else if (
          (COMPOUND_INFINITIVE.has(inf) || (g.takesInf && !g.nonFinite)) &&
          isInfinitive(inf) &&
          kf + negated <= sent.last
        ) {
          contentFirst = kf;
        } else if (g.takesA && !isBareInfinitive(doc, g)) {
          // à + infinitive after an object: a appelé le gouvernement à agir, s'est engagé à
          // revenir, invitent déjà à manifester.
          const aAt = aAfterObject(doc, k, sent.last);
          // A thing that invites (une opération qui invite les Parisiens à ...) reports nothing.
          const subject = aAt >= 0 ? subjectFor(doc, sent, g) : null;
          if (aAt >= 0 && (!subject || isSourceLike(doc, subject))) contentFirst = aAt + 1;
        } else if (
          g.lemma === 'annoncer' &&
          (n1 === 'leur' || n1 === 'son' || n1 === 'sa') &&
          /^(intention|volonté|décision|souhait)$/.test(lower(doc, k + 1))
        ) {
          contentFirst = k;
        }
      }
    }
    if (contentFirst < 0 || contentFirst > sent.last) continue;
    // The clause runs to the end of the sentence, or to the next attribution in it: an inverted
    // cue (..., a-t-il ajouté) or a coordinated one (..., et a ajouté que). A reporting verb of
    // the reported clause itself (qu'ils dénonceront) does not end it.
    let lastTok = sent.last;
    const next = groups.slice(gi + 1).find((x) => x.first > contentFirst && startsAttribution(doc, x));
    if (next) {
      lastTok = next.first - 1;
      while (lastTok > contentFirst && /^(,|et|puis|mais|avant|,|-|–|—)$/.test(lower(doc, lastTok)))
        lastTok--;
      // "..., a-t-il ajouté": the inverted cue closes the clause. A quote between commas right
      // before it is that cue's own: a dit que A, «B», a-t-il ajouté.
      if (next.inverted >= 0 && doc.tokens.kind[lastTok] === TokenKind.Quote) {
        const closeAt = doc.tokens.start[lastTok]!;
        const q = quoted[firstStartingAtOrAfter(quoted, closeAt) - 1];
        const openTok = q && q.close === closeAt ? tokenAtOrAfter(doc, q.open) : -1;
        if (openTok > contentFirst + 2 && isPunct(doc, openTok - 1, ',')) lastTok = openTok - 2;
      }
    }
    // A participle opening the sentence: its clause ends at the comma before the main subject,
    // which is its source (Estimant avoir démontré leur implication, les juges ont ...).
    let openingSubject: MentionRange | null = null;
    if (g.nonFinite && g.first <= sent.first + 1) {
      for (let k = contentFirst + 1; k < lastTok; k++) {
        if (tokenText(doc, k) !== ',') continue;
        const np = nounPhraseAt(doc, k + 1, lastTok);
        const after = np ? np.last + 1 : -1;
        if (np && doc.tokens.kind[after] === TokenKind.Word && !/^\p{Lu}/u.test(tokenText(doc, after))) {
          openingSubject = np;
          lastTok = k - 1;
        }
        break;
      }
    }
    const span = trimClause(doc, doc.tokens.start[contentFirst]!, doc.tokens.end[lastTok]!);
    if (span.end - span.start < 3 || countWords(doc.text, span.start, span.end) < 2) continue;
    // A quote glued to a period the sentence splitter missed (défense."Certaines ...): the clause
    // ends at the period.
    for (
      let qi = firstStartingAtOrAfter(quoted, span.start);
      qi < quoted.length && quoted[qi]!.open < span.end;
      qi++
    ) {
      const dot = doc.text.slice(span.start, quoted[qi]!.open).trimEnd();
      if (/[.!?]$/.test(dot) && dot.length > 0) {
        span.end = trimClause(doc, span.start, span.start + dot.length).end;
        break;
      }
    }
    // A quote opened inside the clause runs past the sentence's end: the clause ends with it.
    let overrun: Quoted | undefined;
    for (
      let qi = firstStartingAtOrAfter(quoted, span.start);
      qi < quoted.length && quoted[qi]!.open < span.end;
      qi++
    ) {
      if (quoted[qi]!.close >= span.end) overrun = quoted[qi];
      if (overrun) break;
    }
    if (overrun) span.end = overrun.close + 1;
    const subject = openingSubject ?? (g.inverted >= 0 ? invertedSubject(doc, g) : subjectFor(doc, sent, g));
    // An impersonal "on" that thinks or knows (on a le sentiment que, sait-on que) is the writer.
    if (
      g.cls === 'cognition' &&
      subject &&
      subject.first === subject.last &&
      lower(doc, subject.first) === 'on'
    )
      continue;
    out.push(reported(quoted, consumed, span.start, span.end, cueOf(doc, g), subject));
  }
}

/** Verbs whose "pour que" clause is what the source asks for: il insiste pour que ... */
const PLEADING = new Set(['insister', 'plaider', 'militer', 'batailler', 'oeuvrer', 'œuvrer']);

/** Words that make "que" a conjunction of their own: alors que, tandis que, bien que, avant que. */
const CONJUNCTION_BEFORE_QUE = new Set([
  'alors',
  'tandis',
  'bien',
  'avant',
  'après',
  'pendant',
  'dès',
  'sans',
  'pour',
  'afin',
  'parce',
  'sauf',
  'ainsi',
  'même',
]);

/** Selon X, ... / ..., selon X. / d'après X / Pour X, ... */
function selonClauses(
  doc: Doc,
  sent: Segment,
  groups: VerbGroup[],
  quoted: Quoted[],
  consumed: Set<Quoted>,
  out: RawQuote[],
): void {
  let prevEnd = sent.start; // content after a previous selon-clause in the same sentence starts there
  for (let i = sent.first; i <= sent.last; i++) {
    const w = lower(doc, i);
    let markerLast = -1;
    if (w === 'selon') markerLast = i;
    else if ((w === 'd’' || w === "d'") && lower(doc, i + 1) === 'après' && i + 1 <= sent.last)
      markerLast = i + 1;
    else if (w === 'pour' && i === sent.first) markerLast = i;
    if (markerLast < 0) continue;
    if (insideQuoted(quoted, doc.tokens.start[i]!)) continue;
    const next2 = `${lower(doc, markerLast + 1)} ${lower(doc, markerLast + 2)}`;
    if (SELON_NOT_SOURCE.has(lower(doc, markerLast + 1)) || SELON_NOT_SOURCE.has(next2)) continue;
    // "selon nos informations": the newsroom's own reporting, not a quoted source.
    if (/^(nos|notre|mes|ma|mon)$/.test(lower(doc, markerLast + 1))) continue;
    // The source: up to the next comma, colon, quote or sentence end.
    let srcLast = markerLast;
    while (srcLast + 1 <= sent.last && srcLast - markerLast < 14) {
      // A quoted name in the source: selon des « sources policières concordantes ».
      if (doc.tokens.kind[srcLast + 1] === TokenKind.Quote) {
        const at = doc.tokens.start[srcLast + 1]!;
        const cand = quoted[firstStartingAtOrAfter(quoted, at)];
        const q = cand && cand.open === at && cand.close >= 0 ? cand : undefined;
        if (q && countWords(doc.text, q.start, q.end) <= 4) {
          srcLast = tokenAtOrAfter(doc, q.close);
          continue;
        }
      }
      // An acronym in brackets after the source: selon l'Association des chrétiens contre la torture (Acat).
      if (isPunct(doc, srcLast + 1, '(') && srcLast > markerLast) {
        const close = srcLast + 3;
        if (
          close <= sent.last &&
          doc.tokens.kind[srcLast + 2] === TokenKind.Word &&
          isPunct(doc, close, ')')
        ) {
          srcLast = close;
          continue;
        }
      }
      if (isPunct(doc, srcLast + 1, ',:;.!?()«»“”"—–')) break;
      srcLast++;
    }
    if (srcLast === markerLast) continue;
    const src = { first: markerLast + 1, last: srcLast };
    let head = nounPhraseAt(doc, markerLast + 1, srcLast) ?? src;
    // A name glossed by its acronym is the whole name: l'Association des amis de la forêt (AAF).
    if (isPunct(doc, srcLast, ')') && srcLast - 3 > head.last && hasProperName(doc, head))
      head = { first: head.first, last: srcLast - 3 };
    if (w === 'pour' && !isOpinionSource(doc, head)) continue;
    // After a heading and its dash too: "LE POINT POLITIQUE - Selon l'Élysée, ...".
    const sentenceInitial =
      i === sent.first ||
      (i <= sent.first + 2 && isPunct(doc, i - 1, ',«"“—–-')) ||
      (/^\p{Lu}/u.test(tokenText(doc, i)) && isPunct(doc, i - 1, '—–-'));
    let start: number;
    let end: number;
    const after = srcLast + 1;
    if (sentenceInitial) {
      if (!isPunct(doc, after, ',:')) continue;
      start = doc.tokens.end[after]!;
      end = sent.end;
      // An inverted cue later in the sentence closes the clause: Selon X, A, a expliqué Y.
      const inverted = groups.find((x) => x.first > after && !x.nonFinite && isPunct(doc, x.first - 1, ','));
      const invertedSource = inverted
        ? inverted.inverted >= 0
          ? true
          : subjectAfter(doc, inverted.last + 1, sent.last)
        : null;
      if (inverted && (invertedSource === true || (invertedSource && isSourceLike(doc, invertedSource))))
        end = doc.tokens.start[inverted.first - 1]!;
      // An apposition after the source: "Pour l'historienne X, spécialiste de ..., cette analogie".
      const apposition = appositionEnd(doc, after + 1, sent.last);
      if (apposition >= 0) start = doc.tokens.end[apposition]!;
      // A name apposed to a description: "Selon l'adjoint chargé des transports, Karim Benali, ...".
      const named = nameAppositionEnd(doc, after + 1, sent.last);
      if (apposition < 0 && named >= 0 && !hasProperName(doc, head)) {
        head = { first: after + 1, last: named - 1 };
        start = doc.tokens.end[named]!;
      }
      // Selon des propos rapportés par la presse, le ministre a affirmé que ...: words are no
      // speaker; the speaker is the subject of the reporting verb of the clause.
      const speaker = wordsNounHead(doc, head) ? reportingSubject(doc, groups, after + 1, sent.last) : null;
      if (speaker) head = speaker;
    } else {
      start = prevEnd;
      end = doc.tokens.start[i]!;
      // An incise between dashes or brackets: "Certains alliés - la France en tête, selon X - ...".
      const opener = lastIncise(doc, sent.first, i - 1);
      if (opener >= 0 && doc.tokens.start[opener]! >= start) start = doc.tokens.end[opener]!;
      // "..., selon le ministre: d'une part ...", or an incise "X, selon lui, Y" / "X selon lui, Y":
      // the sentence is the source's.
      if (isPunct(doc, after, ':')) end = sent.end;
      else if (start === sent.start && isIncise(doc, i, after, sent)) end = sent.end;
    }
    if (w === 'pour' && !sentenceInitial) continue;
    prevEnd = doc.tokens.end[srcLast]!;
    if (after <= sent.last && isPunct(doc, after, ',')) prevEnd = doc.tokens.end[after]!;
    const span = trimClause(doc, start, end);
    if (span.end - span.start < 2) continue;
    // One bare word is no reported content, unless it is a figure ("3.000 selon les organisateurs").
    if (countWords(doc.text, span.start, span.end) < 2 && !/\d/.test(doc.text.slice(span.start, span.end)))
      continue;
    const inner = quotedWithin(quoted, span.start, span.end);
    let kind: QuoteKind = inner.length > 0 ? 'mixed' : 'indirect';
    let qs = span.start;
    let qe = span.end;
    // The whole content is one quoted passage: a direct quote attributed by selon.
    const only = inner.length === 1 ? inner[0]! : null;
    if (only && only.open <= span.start && (only.close < 0 || only.close + 1 >= span.end)) {
      kind = 'direct';
      qs = only.start;
      qe = only.end;
    }
    // A quote between commas right before "selon X", after a clause with a cue of its own (Les
    // banques s'engagent à geler leurs frais, a annoncé l'Élysée, «alors que des hausses étaient
    // prévues», selon un conseiller): the passage is X's direct quote; the clause is the cue's.
    const tail = inner[inner.length - 1];
    if (kind === 'mixed' && !sentenceInitial && tail && tail.close >= 0 && tail.close + 1 >= span.end) {
      const openTok = tokenAtOrAfter(doc, tail.open);
      const closeTok = tokenAtOrAfter(doc, tail.close);
      if (
        isPunct(doc, openTok - 1, ',') &&
        (closeTok + 1 === i || (closeTok + 2 === i && isPunct(doc, closeTok + 1, ','))) &&
        wordsOutsideQuotes(doc, quoted, span.start, tail.open) >= 3 &&
        groups.some(
          (x) =>
            x.last < openTok &&
            !x.nonFinite &&
            isPunct(doc, x.first - 1, ',') &&
            doc.tokens.start[x.first]! >= span.start,
        )
      ) {
        consumed.add(tail);
        out.push({
          start: tail.start,
          end: tail.end,
          kind: 'direct',
          cue: {
            start: doc.tokens.start[i]!,
            end: doc.tokens.end[markerLast]!,
            lemma: w === 'selon' ? 'selon' : 'd’après',
          },
          mention: head,
          followOn: false,
        });
        prevEnd = doc.tokens.end[srcLast]!;
        i = srcLast;
        continue;
      }
    }
    for (const q of inner) consumed.add(q);
    out.push({
      start: qs,
      end: qe,
      kind,
      cue: {
        start: doc.tokens.start[i]!,
        end: doc.tokens.end[markerLast]!,
        lemma: w === 'pour' ? 'pour' : w === 'selon' ? 'selon' : 'd’après',
      },
      mention: head,
      followOn: false,
    });
    i = srcLast;
  }
}

/** Nouns for what someone said: des propos, des déclarations, des paroles. */
const WORDS_NOUNS = new Set(['propos', 'déclarations', 'déclaration', 'paroles', 'confidences', 'citations']);

/** A phrase headed by a noun of words: des propos rapportés par la presse. */
function wordsNounHead(doc: Doc, np: MentionRange): boolean {
  let k = np.first;
  while (k < np.last && DETERMINERS.has(lower(doc, k))) k++;
  return WORDS_NOUNS.has(lower(doc, k));
}

/** The named or described subject of the first finite reporting verb in [first, last]. */
function reportingSubject(doc: Doc, groups: VerbGroup[], first: number, last: number): MentionRange | null {
  const g = groups.find((x) => x.first >= first && x.first <= last && !x.nonFinite && x.inverted < 0);
  if (!g) return null;
  const np = subjectBefore(doc, first, g.first);
  return np && (hasProperName(doc, np) || isDescription(doc, np)) ? np : null;
}

/** "Comme l'a relevé Public Sénat, le gouvernement prévoit ...": the rest of the sentence is the source's. */
function commeClause(
  doc: Doc,
  sent: Segment,
  groups: VerbGroup[],
  quoted: Quoted[],
  consumed: Set<Quoted>,
  out: RawQuote[],
): void {
  const first = sent.first;
  if (lower(doc, first) !== 'comme' || !/^(le|l’|l')$/.test(lower(doc, first + 1))) return;
  const g = groups.find((x) => x.first === first + 2 || x.first === first + 1);
  if (!g || g.cls !== 'speech') return;
  let comma = g.last + 1;
  while (comma <= sent.last && comma - g.last < 16 && tokenText(doc, comma) !== ',') comma++;
  if (comma > sent.last || tokenText(doc, comma) !== ',') return;
  const mention = subjectAfter(doc, g.last + 1, comma - 1);
  const span = trimClause(doc, doc.tokens.end[comma]!, sent.end);
  if (!mention || countWords(doc.text, span.start, span.end) < 3) return;
  out.push(reported(quoted, consumed, span.start, span.end, cueOf(doc, g), mention));
}

/** "Dix personnes ont été interpellées, a-t-elle précisé." / "..., a indiqué la préfecture du Var." */
function invertedIndirect(
  doc: Doc,
  sent: Segment,
  groups: VerbGroup[],
  quoted: Quoted[],
  consumed: Set<Quoted>,
  out: RawQuote[],
): void {
  for (const g of groups) {
    // After its clause, a cognition verb attributes it too: ..., a constaté un journaliste; ...,
    // a-t-on appris auprès du parquet.
    if (insideQuoted(quoted, doc.tokens.start[g.verb]!)) continue;
    // An incise inside a passage that opens this sentence and is left open: the quote's own cue.
    const open = passageAt(quoted, doc.tokens.start[g.verb]!);
    if (open && open.close < 0 && tokenAtOrAfter(doc, open.open) === sent.first) continue;
    const before = g.first - 1;
    if (!isPunct(doc, before, ',') || before <= sent.first) continue;
    // Content ending in a quoted passage is a direct quote, unless words of the writer come
    // first in the sentence: then it is one mixed quote (Ce mode «soutiendrait ...», estime X).
    if (doc.tokens.kind[before - 1] === TokenKind.Quote) {
      const closeAt = doc.tokens.start[before - 1]!;
      const cand = passageAt(quoted, closeAt - 1) ?? quoted[firstStartingAtOrAfter(quoted, closeAt) - 1];
      const q = cand && cand.close === closeAt ? cand : undefined;
      if (!q || wordsOutsideQuotes(doc, quoted, sent.start, q.open) < 3) continue;
      // A reported clause of its own before it (X a dit que A, «B», a-t-il ajouté): the quote
      // between commas is the direct quote of the cue after it.
      const openTok = tokenAtOrAfter(doc, q.open);
      if (
        isPunct(doc, openTok - 1, ',') &&
        out.some((o) => o.start >= sent.start && o.end <= q.open && o.end > doc.tokens.start[openTok - 2]!)
      )
        continue;
    }
    // A participle has no subject after it: ..., critiquant au passage Emmanuel Macron.
    if (g.nonFinite) continue;
    // A relative clause right before the verb (Gaia, qui avait porté plainte, salue ...): the
    // verb's subject is before it, nothing is inverted.
    const segmentStart = lastPunctBefore(doc, sent.first, before - 1, ',');
    if (g.inverted < 0 && segmentStart >= 0 && lower(doc, segmentStart + 1) === 'qui') continue;
    // Likewise a name in apposition (la Belgique, par la voix de son Premier ministre, Charles Michel, s'est engagée).
    if (g.inverted < 0 && segmentStart >= 0 && nameAppositionEnd(doc, segmentStart + 1, before) === before)
      continue;
    let mention: MentionRange | null;
    let tail: number;
    if (g.inverted >= 0) {
      mention = invertedSubject(doc, g);
      // a-t-on appris auprès du parquet: the source phrase after the cue is part of it.
      tail = Math.max(g.last, g.inverted, mention.last) + 1;
    } else {
      mention = subjectAfter(doc, g.last + 1, sent.last);
      // A phrase after the verb that could not speak is its object: Mais M. Grillo, qui a pris
      // ses distances, avait regretté la contestation des taxes.
      if (!mention || !isSourceLike(doc, mention)) continue;
      tail = mention.last + 1;
    }
    // The cue and its subject close the sentence (fillers aside): "..., a précisé la préfecture."
    tail = skipFillers(doc, tail, sent.last);
    // A participle may qualify the subject: , indique un fonctionnaire travaillant sur le dossier.
    if (
      tail <= sent.last &&
      !isPunct(doc, tail, '.,;:!?()…«"“') &&
      !TAIL_PREPOSITIONS.has(lower(doc, tail)) &&
      !(g.inverted < 0 && /ant$/.test(lower(doc, tail)) && /^\p{Ll}/u.test(tokenText(doc, tail)))
    )
      continue;
    // After the subject, the sentence ends (or continues with a complement, not a new clause).
    // An incise (D'emblée, raconte-t-il, Mehdi Nemmouche est vague) attributes the whole sentence.
    const incise =
      tail <= sent.last &&
      isPunct(doc, tail, ',') &&
      doc.tokens.kind[tail + 1] === TokenKind.Word &&
      countWords(doc.text, doc.tokens.end[tail]!, sent.end) >= 3 &&
      // A whole clause before a named source is the content; what follows is an apposition.
      (g.inverted >= 0 || countWords(doc.text, sent.start, doc.tokens.start[before]!) <= 6) &&
      !opensBetween(quoted, doc.tokens.end[tail]!, sent.end);
    const span = incise
      ? trimClause(doc, sent.start, sent.end)
      : trimClause(doc, sent.start, doc.tokens.start[before]!);
    let start = span.start;
    // A leading "Selon X," is another attribution; a colon introduces the content.
    const colon = lastPunctBefore(doc, sent.first, before, ':');
    if (colon >= 0) start = doc.tokens.end[colon]!;
    if (countWords(doc.text, start, span.end) < 4) continue;
    // Words shouted by others (ils convergeaient aux cris de «...», a constaté un journaliste):
    // the slogans are the crowd's direct quotes; the witness reports a scene, not speech.
    if (quotedWithin(quoted, start, span.end).some((q) => nounCueBefore(doc, tokenAtOrAfter(doc, q.open))))
      continue;
    // Speech reported at second hand (Marc Morel a estimé que ..., a relaté son porte-parole): the
    // words are the inner speaker's, whose clause is already taken; the relayer adds nothing.
    if (!incise && out.some((o) => isRelayedSpeech(doc, o, start, doc.tokens.start[before]!))) continue;
    // "Selon l'agence, A, a expliqué son directeur": the named speaker's clause is A; the selon
    // clause over the same words gives way.
    if (!incise) {
      const selon = out.findIndex(
        (o) =>
          o.cue?.lemma === 'selon' &&
          o.cue.start === doc.tokens.start[sent.first] &&
          o.start > start &&
          o.end === span.end,
      );
      if (selon >= 0) {
        start = out[selon]!.start;
        out.splice(selon, 1);
      }
    }
    out.push(reported(quoted, consumed, start, span.end, cueOf(doc, g), mention));
  }
}

/**
 * A "que" clause with a named subject of its own inside [start, end): Marc Morel a estimé que ...
 * Not one introduced by a pronoun or "on", whose source may well be the relayer, nor an
 * infinitive (n'a pas souhaité commenter, indique le journal).
 */
function isRelayedSpeech(doc: Doc, o: RawQuote, start: number, end: number): boolean {
  if (o.start < start || o.start >= end || !o.mention || !o.cue || o.followOn) return false;
  if (o.cue.start < start) return false;
  const k = tokenAtOrAfter(doc, o.start) - 1;
  return k >= 0 && /^(que|qu’|qu')$/.test(lower(doc, k)) && hasProperName(doc, o.mention);
}

function directQuotes(
  doc: Doc,
  quoted: Quoted[],
  groups: VerbGroup[],
  consumed: Set<Quoted>,
  out: RawQuote[],
): void {
  let lastAttributedEnd = -1;
  let lastParagraph = -1;
  let lastFound: { q: Quoted; quote: RawQuote } | null = null;
  for (const q of quoted) {
    if (consumed.has(q)) continue;
    if (inCrossReference(doc, q.open)) continue;
    if (q.end - q.start < 1) continue;
    const words = countWords(doc.text, q.start, q.end);
    const openTok = tokenAtOrAfter(doc, q.open);
    const para = paragraphOf(doc, openTok);
    let found: RawQuote | null = null;
    let ownWords = false;
    let utteranceOnly = false;
    // 1. A cue right after the closing mark: », a-t-il dit / », estime X / », selon X. In a list
    // of quotes («A», «B» ou encore «C», a scandé la foule) the cue after the last one serves all.
    const last = lastOfList(doc, quoted, q);
    const lastClose = last.close >= 0 ? tokenAtOrAfter(doc, last.close) : -1;
    // Marks after a determiner name something (les «gilets jaunes» assurent): no cue after them.
    const named = openTok > 0 && DETERMINERS.has(lower(doc, openTok - 1)) && words <= 3;
    if (lastClose >= 0 && !named) {
      const closeTok = lastClose;
      let k = closeTok + 1;
      while (k < doc.tokens.count && isPunct(doc, k, ',-–—»”"') && k - closeTok < 4) k++;
      const atK = groupAt(groups, k, 'first');
      const g = atK && !atK.nonFinite ? atK : undefined;
      if (g && k - closeTok <= 3) {
        const sentEnd = doc.sentences[doc.sentenceOfToken[g.verb]!]!.last;
        const mention =
          g.inverted >= 0
            ? invertedSubject(doc, g)
            : participlePhrase(doc, subjectAfter(doc, g.last + 1, sentEnd), sentEnd);
        noteMention(doc.sentences[doc.sentenceOfToken[g.verb]!]!, mention);
        found = { start: q.start, end: q.end, kind: 'direct', cue: cueOf(doc, g), mention, followOn: false };
        // «A», a scandé la foule: an inverted cue after a comma, not the verb of a quoted subject
        // (les «gilets jaunes» ont assuré) nor a participle (les «gilets jaunes», qualifiés de).
        ownWords =
          isPunct(doc, closeTok + 1, ',') &&
          mention !== null &&
          (g.inverted >= 0 || g.first !== g.verb || !isPastParticiple(lower(doc, g.verb), g.lemma));
      } else if (!g && isPunct(doc, closeTok + 1, ',') && k === closeTok + 2) {
        // «...», amorce Ludovic Woronoff. / «...», a tranché Marie Durand. A verb outside the
        // lexicon, inverted before a named source that closes the sentence, reports the quote.
        const cue = unknownInvertedCue(doc, k);
        if (cue) {
          found = {
            start: q.start,
            end: q.end,
            kind: 'direct',
            cue: cue.cue,
            mention: cue.mention,
            followOn: false,
          };
          ownWords = true;
        }
      }
    }
    // 2. A cue before the opening mark: X a déclaré : «...» / a dénoncé un «show» / au cri de «...».
    if (!found) {
      const sentIdx = doc.sentenceOfToken[openTok]!;
      const sent = doc.sentences[sentIdx]!;
      let k = openTok - 1;
      const colon = isPunct(doc, k, ':');
      if (colon) k--;
      // A doubled colon (Marie Durand : : «...») is one.
      if (colon && isPunct(doc, k, ':')) k--;
      const colonTok = k + 1;
      // Up to three words between the verb and the mark: a appelé à «, a dénoncé un «, décrivant comme «.
      let gap = 0;
      let onlyFunctionWords = true;
      // An apostrophe cut from its elided word by the mark: qualifié les discussions d'« ...
      if (k > sent.first && /^['’]$/.test(tokenText(doc, k)) && doc.tokens.kind[k - 1] === TokenKind.Word)
        k--;
      const deBefore = /^(de|d|d’|d')$/.test(lower(doc, k));
      while (
        k >= sent.first &&
        gap < (colon ? 10 : deBefore ? 7 : words >= LONG_PASSAGE ? 6 : 4) &&
        doc.tokens.kind[k] === TokenKind.Word &&
        !groupAt(groups, k, 'last')
      ) {
        if (!LINK_WORDS.has(lower(doc, k))) onlyFunctionWords = false;
        k--;
        gap++;
      }
      const g = groupAt(groups, k, 'last');
      const noun = nounCueBefore(doc, openTok);
      // Words between the verb and the mark: only determiners and prepositions (a appelé à «une
      // trêve», décrivant comme «massives»); a noun there makes the quote a name (une loi «anticasseurs»).
      // A verb taking "de" reaches over its object: a demandé à l'opposition de «...», a qualifié
      // les discussions d'«...».
      const overObject = deBefore && g !== undefined && g.takesDe && gap <= 6 && words > 1;
      // A long passage is no name: it reaches over an addressee too (a signalé à l'Élysée des «...»).
      const overAddressee =
        words >= LONG_PASSAGE &&
        gap >= 2 &&
        gap <= 5 &&
        /^(à|au|aux)$/.test(lower(doc, k + 1)) &&
        LINK_WORDS.has(lower(doc, openTok - 1));
      if (g && (colon || overObject || overAddressee || (gap <= 3 && (onlyFunctionWords || words > 1)))) {
        const mention = g.inverted >= 0 ? invertedSubject(doc, g) : subjectFor(doc, sent, g);
        found = {
          start: q.start,
          end: q.end,
          kind: 'direct',
          cue: cueOf(doc, g, k),
          mention,
          followOn: false,
        };
      } else if (selfDescription(doc, openTok, sent.first) >= 0) {
        // Ceux qui se définissent comme «la voix du peuple»: the words the source uses of itself.
        const pronoun = selfDescription(doc, openTok, sent.first);
        ownWords = true;
        // A label the source gives itself lends no source to the passages after it.
        utteranceOnly = true;
        found = {
          start: q.start,
          end: q.end,
          kind: 'direct',
          cue: { start: doc.tokens.start[pronoun]!, end: doc.tokens.end[pronoun + 1]!, lemma: 'se définir' },
          mention: subjectFor(doc, sent, null, pronoun),
          followOn: false,
        };
      } else if (noun) {
        // au cri de «...»: a slogan, even one the article repeats.
        ownWords = true;
        found = {
          start: q.start,
          end: q.end,
          kind: 'direct',
          cue: noun,
          mention: subjectFor(doc, sent, null, openTok),
          followOn: false,
        };
      } else if (isPunct(doc, openTok - 1, ',') && invertedBefore(doc, groups, openTok - 1, sent.first)) {
        // "..., poursuit Dominique Thomas, «mais à moins de ...»": an inverted cue before the mark.
        const [ig, np] = invertedBefore(doc, groups, openTok - 1, sent.first)!;
        found = {
          start: q.start,
          end: q.end,
          kind: 'direct',
          cue: cueOf(doc, ig),
          mention: np,
          followOn: false,
        };
      } else if (colon && words >= 3) {
        // "Le ministre : «...»" -- a source named right before the colon, no verb.
        const np = subjectBefore(doc, sent.first, colonTok);
        if (np && (hasProperName(doc, np) || isDescription(doc, np)))
          found = { start: q.start, end: q.end, kind: 'direct', cue: null, mention: np, followOn: false };
      }
    }
    // 2b. A passage coordinated with the previous quote of the sentence: a proposé un conseil
    // «composé de ...» et de «référendums populaires»; aux cris de «A» ou «B».
    if (!found && lastFound && coordinated(doc, lastFound.q, q)) {
      const prev: RawQuote = lastFound.quote;
      found = {
        start: q.start,
        end: q.end,
        kind: 'direct',
        cue: prev.cue,
        mention: prev.mention,
        followOn: prev.followOn,
      };
    }
    // 2c. A pull quote: a paragraph that is only the quote, over a caption line naming its source
    // («L'enjeu est économique»⏎Dominique Restino, président de la CCI).
    if (!found) {
      const np = captionBelow(doc, q, para, groups);
      if (np) found = { start: q.start, end: q.end, kind: 'direct', cue: null, mention: np, followOn: false };
    }
    // 3. No cue: a quote following an attributed one, in the same or the next paragraph. When the
    // sentence has a named subject before the quote (Devant les élus, Emmanuel Macron a esquissé un
    // mea culpa, «...»), that subject is the source rather than the previous one.
    if (
      !found &&
      words >= 3 &&
      lastAttributedEnd >= 0 &&
      para - lastParagraph <= 1 &&
      !isHeadingLike(doc, q)
    ) {
      const mention = clauseSubject(doc, openTok);
      found = { start: q.start, end: q.end, kind: 'direct', cue: null, mention, followOn: mention === null };
    }
    // 4. No cue, but a passage that reads as someone's words (a clause with a verb, often in the
    // first person): a source named earlier in the sentence, else the previous source.
    if (!found && words >= 6 && !isHeadingLike(doc, q) && readsAsSpeech(doc.text.slice(q.start, q.end))) {
      const sent = doc.sentences[doc.sentenceOfToken[openTok]!]!;
      const np = openTok - 1 > sent.first ? subjectBefore(doc, sent.first, openTok) : null;
      const mention = clauseSubject(doc, openTok) ?? (np && hasProperName(doc, np) ? np : null);
      found = { start: q.start, end: q.end, kind: 'direct', cue: null, mention, followOn: mention === null };
    }
    // 4b. A cut marked inside the passage («solution (...) issue du débat», «fragilis[er]»): only
    // a quotation of someone's words is cut or adapted that way, never a name or a term.
    if (!found && q.close >= 0 && words >= 2 && /[([](\.\.\.|…)[)\]]/u.test(doc.text.slice(q.start, q.end))) {
      const mention = clauseSubject(doc, openTok);
      found = { start: q.start, end: q.end, kind: 'direct', cue: null, mention, followOn: mention === null };
      utteranceOnly = mention === null;
    }
    // 5. A whole utterance: a capitalised sentence closed by its own period, exclamation or
    // question mark inside the marks («Certains seront critiques.» Dès son discours, le recteur
    // a prévenu le président). Terms and names in marks do not end with a full stop.
    if (
      !found &&
      q.close >= 0 &&
      (words >= 3 || (words === 2 && /[!?]$/.test(doc.text.slice(q.start, q.end)))) &&
      !isHeadingLike(doc, q) &&
      isUtterance(doc.text, q) &&
      standsAlone(doc, openTok)
    ) {
      const mention = clauseSubject(doc, openTok);
      found = { start: q.start, end: q.end, kind: 'direct', cue: null, mention, followOn: mention === null };
      // Unattributed, it does not lend a source to the fragments after it.
      utteranceOnly = mention === null;
    }
    if (found) {
      // Scare quotes after a verb: a dénoncé les «gilets jaunes» is not the verb's quote when the
      // passage is a short name-like term repeated elsewhere in the article.
      // A passage the cue follows («Macron démission», a scandé la foule) is the source's words.
      if (words <= 3 && found.cue && !found.followOn && !ownWords && isRepeatedTerm(doc, q, quoted)) continue;
      // A name given to a thing: la page «...», une pétition «...», l'opération baptisée «...».
      // A lowercase clause there is still words (un groupe «s'en est pris à la mairie»).
      const clause =
        /^\p{Ll}/u.test(doc.text[q.start] ?? '') && readsAsSpeech(doc.text.slice(q.start, q.end));
      if (!cueAfterPassage(found, q) && !clause && TITLE_WORDS.has(lower(doc, openTok - 1))) continue;
      out.push(found);
      lastFound = { q, quote: found };
      if (utteranceOnly) continue;
      lastAttributedEnd = q.end;
      lastParagraph = para;
    }
  }
}

/**
 * An attribution inside the marks: «Avec d'autres pasteurs, je mobilise, dit-il. Nombre de ...»
 * or «..., explique Jean Dupont, ...». The passage is two quotes of the same source, cut around
 * the incise, as if the marks had been closed and re-opened.
 */
function inciseQuotes(
  doc: Doc,
  quoted: Quoted[],
  allGroups: VerbGroup[],
  consumed: Set<Quoted>,
  out: RawQuote[],
): void {
  let gi = 0;
  for (const q of quoted) {
    if (consumed.has(q)) continue;
    while (gi < allGroups.length && doc.tokens.start[allGroups[gi]!.first]! < q.start) gi++;
    for (let k = gi; k < allGroups.length && doc.tokens.end[allGroups[k]!.last]! <= q.end; k++) {
      const g = allGroups[k]!;
      if (g.cls !== 'speech' || g.nonFinite || !isPunct(doc, g.first - 1, ',')) continue;
      const mention = inciseSubject(doc, g, q.end);
      if (!mention) continue;
      // a-t-il ajouté: the pronoun sits inside the cue.
      let after = Math.max(mention.last, g.last) + 1;
      // An apposition after a named source: , commente Yves Garrec, autre acteur du mouvement.
      if (isPunct(doc, after, ',') && g.inverted < 0) {
        let end = after + 1;
        while (end - after <= 12 && doc.tokens.kind[end] === TokenKind.Word && doc.tokens.end[end]! < q.end)
          end++;
        if (end - after > 1 && isPunct(doc, end, ',.')) after = end;
      }
      // A complement after an inverted cue: , rappelle-t-il à propos de son départ. / , dit-il en
      // souriant, ... The incise runs to the next punctuation.
      if (
        (g.inverted >= 0 || INCISE_COMPLEMENT.has(lower(doc, after))) &&
        !isPunct(doc, after, ',.;') &&
        doc.tokens.kind[after] === TokenKind.Word
      ) {
        let end = after + 1;
        while (end - after <= 15 && doc.tokens.kind[end] === TokenKind.Word && doc.tokens.end[end]! < q.end)
          end++;
        if (isPunct(doc, end, ',.;')) after = end;
      }
      if (!isPunct(doc, after, ',.;') && doc.tokens.start[after]! < q.end) continue;
      const a = trimClause(doc, q.start, doc.tokens.start[g.first - 1]!);
      const b = trimClause(doc, Math.min(q.end, doc.tokens.end[after]!), q.end);
      if (countWords(doc.text, a.start, a.end) < 3) continue;
      consumed.add(q);
      const cue = cueOf(doc, g);
      out.push({ ...a, kind: 'direct', cue, mention, followOn: false });
      // Left open to the paragraph's end, the passage has often lost its closing mark: what
      // follows the incise is as likely the writer's words, so only the part before it is kept.
      if (countWords(doc.text, b.start, b.end) >= 2 && q.close >= 0)
        out.push({ ...b, kind: 'direct', cue, mention, followOn: false });
      break;
    }
  }
}

/** Words from which a quoted passage reads as a statement rather than a term or a name. */
const LONG_PASSAGE = 6;

/** Prepositions of a complement after the source of an incise: , dit X dans un communiqué. */
const INCISE_COMPLEMENT = new Set(['dans', 'à', 'au', 'sur', 'lors', 'devant', 'auprès', 'en']);

/** A person description or an organisation or document noun: le ministère, le parquet, un communiqué. */
function isSourceNoun(doc: Doc, np: MentionRange): boolean {
  if (isDescription(doc, np)) return true;
  for (let i = np.first; i <= np.last; i++) {
    const w = lower(doc, i);
    if (ORGANIZATION_NOUNS.has(w) || DOCUMENT_NOUNS.has(w)) return true;
  }
  return false;
}

/**
 * Words a quoted source reports in turn: «Le président m'a dit : “les gens ont eu l'impression
 * ...”». The inner passage, after a speech verb and a colon, is a quote of its own.
 */
function embeddedQuotes(doc: Doc, quoted: Quoted[], allGroups: VerbGroup[], out: RawQuote[]): void {
  const text = doc.text;
  for (const g of allGroups) {
    if (g.cls !== 'speech' || g.nonFinite || !isPunct(doc, g.last + 1, ':')) continue;
    const openTok = g.last + 2;
    if (doc.tokens.kind[openTok] !== TokenKind.Quote) continue;
    const open = doc.tokens.start[openTok]!;
    const outer = passageAt(quoted, open);
    if (!outer || outer.close < 0 || open <= outer.start) continue;
    const closer = { '“': '”', '«': '»', '‹': '›', '"': '"' }[text[open]!];
    const close = closer ? text.indexOf(closer, open + 1) : -1;
    if (close < 0 || close > outer.end) continue;
    let start = open + 1;
    let end = close;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (countWords(text, start, end) < 3) continue;
    const sent = doc.sentences[doc.sentenceOfToken[g.verb]!]!;
    const mention = g.inverted >= 0 ? invertedSubject(doc, g) : subjectBefore(doc, sent.first, g.first);
    out.push({ start, end, kind: 'direct', cue: cueOf(doc, g), mention, followOn: false, embedded: true });
  }
}

/** Prepositions opening the complement of a participle after a noun: assis sur, réunis devant. */
const PARTICIPLE_COMPLEMENT = new Set([
  'sur',
  'dans',
  'devant',
  'derrière',
  'à',
  'au',
  'aux',
  'près',
  'autour',
  'en',
]);

/**
 * A subject after its verb that ends in a past participle takes the participle's complement up to
 * the end of the clause: », ont répliqué les élus assis sur les bancs de la gauche.
 */
function participlePhrase(doc: Doc, np: MentionRange | null, limit: number): MentionRange | null {
  if (!np || np.last <= np.first || !DETERMINERS.has(lower(doc, np.first))) return np;
  if (!/\p{Ll}(é|ée|és|ées|is|ise|ises|us|ue|ues)$/u.test(tokenText(doc, np.last))) return np;
  // Adjectives of nationality end like participles: le constructeur français dans un communiqué.
  if (/(ais|ois)$/u.test(lower(doc, np.last))) return np;
  if (!PARTICIPLE_COMPLEMENT.has(lower(doc, np.last + 1))) return np;
  let k = np.last + 1;
  while (k + 1 <= limit && k - np.last < 10 && doc.tokens.kind[k + 1] === TokenKind.Word) k++;
  // Only when the complement closes the clause: a sentence end, or a comma.
  const end = k + 1;
  if (end <= limit && !isPunct(doc, end, ',.;!?')) return np;
  if (k - np.last >= 10) return np;
  return { first: np.first, last: k };
}

/** The subject of an incise: a third-person pronoun (dit-il) or a named source (explique Jean Dupont). */
function inciseSubject(doc: Doc, g: VerbGroup, quoteEnd: number): MentionRange | null {
  if (g.inverted >= 0) {
    return /^(il|elle|ils|elles|on)$/.test(lower(doc, g.inverted)) ? invertedSubject(doc, g) : null;
  }
  let last = g.last + 1;
  while (last < doc.tokens.count && doc.tokens.end[last]! <= quoteEnd && !isPunct(doc, last, ',.;')) last++;
  const np = subjectAfter(doc, g.last + 1, last - 1);
  // A complement may follow the source: , explique le ministère dans un communiqué.
  const complement = np && np.last < last - 1 && INCISE_COMPLEMENT.has(lower(doc, np.last + 1));
  return np && (np.last === last - 1 || complement) && (hasProperName(doc, np) || isSourceNoun(doc, np))
    ? np
    : null;
}

/** The source named by a caption line right under a paragraph that is only `q`, or null. */
function captionBelow(doc: Doc, q: Quoted, para: number, groups: VerbGroup[]): MentionRange | null {
  const p = doc.paragraphs[para]!;
  const next = doc.paragraphs[para + 1];
  if (!next || q.close < 0) return null;
  const text = doc.text;
  // The quote fills its paragraph: only marks and spaces around it.
  if (text.slice(p.start, q.open).trim() !== '' || text.slice(q.close + 1, p.end).trim() !== '') return null;
  // The caption: a short line, no sentence end, no reporting verb, opening with a proper name.
  if (next.last - next.first > 14 || /[.!?»"”]\s*$/u.test(text.slice(next.start, next.end))) return null;
  if (groups.some((g) => g.first >= next.first && g.first <= next.last)) return null;
  const np = nounPhraseAt(doc, next.first, next.last);
  return np && hasProperName(doc, np) && isCapitalisedName(doc, np) ? np : null;
}

/** Two or more capitalised words: a person's or an organisation's name, not a heading word. */
function isCapitalisedName(doc: Doc, np: MentionRange): boolean {
  let caps = 0;
  for (let i = np.first; i <= np.last; i++) if (/^\p{Lu}/u.test(tokenText(doc, i))) caps++;
  return caps >= 2;
}

/**
 * The subject of the clause a quote sits in, when one stands before the mark: a pronoun, a
 * proper name or a person description, followed by its verb. Leading adverbials set off by a
 * comma are skipped (En première ligne depuis ..., Christophe Castaner a relevé ...).
 */
function clauseSubject(doc: Doc, openTok: number): MentionRange | null {
  const si = doc.sentenceOfToken[openTok]!;
  const sent = doc.sentences[si]!;
  // A quote opening its sentence: the subject of the sentence right before it, when that one
  // introduces a source (Guilhem Boudon, pasteur de 49 ans, a lui aussi rejoint Paris. «...»).
  if (openTok <= sent.first + 1) {
    const prev = si > 0 ? doc.sentences[si - 1]! : null;
    if (
      !prev ||
      doc.tokens.kind[prev.first] === TokenKind.Quote ||
      doc.tokens.kind[prev.last] === TokenKind.Quote
    )
      return null;
    const np = subjectWithin(doc, prev.first, prev.last + 1);
    return np && hasProperName(doc, np) ? np : null;
  }
  return relativeAntecedent(doc, sent.first, openTok) ?? subjectWithin(doc, sent.first, openTok);
}

/**
 * A quote inside a relative clause on a name (la déclaration de Paul Morel, qui s'en remettait à
 * une «solution»): the clause's subject is qui, whose antecedent is the name before the comma.
 */
function relativeAntecedent(doc: Doc, first: number, openTok: number): MentionRange | null {
  let qui = -1;
  for (let k = openTok - 1; k > first + 1; k--) {
    if (isPunct(doc, k, ',;:()«»"“”—–') || doc.tokens.kind[k] === TokenKind.Quote) {
      if (isPunct(doc, k, ',') && lower(doc, k + 1) === 'qui') qui = k;
      break;
    }
  }
  if (qui < 0) return null;
  let start = qui;
  while (
    start - 1 >= first &&
    doc.tokens.kind[start - 1] === TokenKind.Word &&
    /^\p{Lu}/u.test(tokenText(doc, start - 1))
  )
    start--;
  if (start === qui || start === first) return null;
  const np = { first: start, last: qui - 1 };
  return hasProperName(doc, np) && isCapitalisedName(doc, np) ? np : null;
}

function subjectWithin(doc: Doc, first: number, openTok: number): MentionRange | null {
  let from = first;
  for (let tries = 0; tries < 3 && from < openTok - 1; tries++) {
    const found = nounPhraseAt(doc, from, openTok - 2);
    const np = found && found.last < openTok - 1 ? verbTrimmed(doc, found) : null;
    if (np) {
      let next = np.last + 1;
      // An apposition between commas: Guilhem Boudon, pasteur de 49 ans, a rejoint ...
      if (isPunct(doc, next, ',') && (hasProperName(doc, np) || isDescription(doc, np))) {
        const end = appositionEnd(doc, next + 1, openTok - 1);
        if (end > 0) next = end + 1;
      }
      // A relative clause after the subject: Le premier ministre, qui a rappelé les «violences».
      if (isPunct(doc, next, ',') && lower(doc, next + 1) === 'qui') next++;
      const verbLike =
        doc.tokens.kind[next] === TokenKind.Word && !/^\p{Lu}/u.test(tokenText(doc, next)) && next < openTok;
      const w = lower(doc, np.first);
      const personal =
        /^(il|elle)$/.test(w) ||
        ((np.last > np.first || !DETERMINERS.has(w)) && (hasProperName(doc, np) || isDescription(doc, np)));
      // A phrase followed by a preposition is no subject before its verb but a leading participle
      // or adjective phrase (Surpris par la nouvelle, le cabinet a ...): look past its comma.
      // De before a capitalised word goes on with a name (Le Conseil d'État).
      const prepositionAfter =
        verbLike &&
        PREPOSITIONS_AFTER_PHRASE.has(lower(doc, next)) &&
        !(/^(de|d’|d')$/u.test(lower(doc, next)) && /^\p{Lu}/u.test(tokenText(doc, next + 1)));
      if (verbLike && personal && !prepositionAfter) return np;
      if (np.first === from && !verbLike) return null;
    }
    // Skip to the next comma: a leading adverbial or an aside.
    let k = from;
    while (k < openTok - 1 && !isPunct(doc, k, ',')) k++;
    if (k >= openTok - 1) return null;
    from = k + 1;
  }
  return null;
}

/** Prepositions that cannot follow a subject in place of its verb. */
const PREPOSITIONS_AFTER_PHRASE = new Set([
  'par',
  'de',
  'd’',
  "d'",
  'à',
  'dans',
  'sur',
  'pour',
  'avec',
  'sans',
  'sous',
  'chez',
  'contre',
  'vers',
  'depuis',
  'entre',
  'envers',
  'parmi',
]);

/** Nouns and adjectives ending like an imperfect verb (-ait): le portrait, un extrait, satisfait. */
const AIT_NOT_VERBS =
  /^(portrait|extrait|retrait|attrait|trait|abstrait|distrait|souhait|lait|fait|forfait|bienfait|méfait|parfait|imparfait|satisfait|plait)$/u;

/**
 * A noun phrase read past its verb: a lowercase imperfect (-ait, -aient) after the head is the
 * clause's verb, not a modifier (L'Assemblée nationale achevait sa séance -> L'Assemblée
 * nationale). The phrase ends before it.
 */
function verbTrimmed(doc: Doc, np: MentionRange): MentionRange | null {
  for (let k = np.first + 1; k <= np.last; k++) {
    if (doc.tokens.kind[k] !== TokenKind.Word) continue;
    const t = tokenText(doc, k);
    if (!/^\p{Ll}+(ait|aient)$/u.test(t) || AIT_NOT_VERBS.test(t)) continue;
    if (DETERMINERS.has(lower(doc, k - 1)) || PREPOSITIONS_AFTER_PHRASE.has(lower(doc, k - 1))) continue;
    return { ...np, last: k - 1 };
  }
  return np;
}

/** Mentions found per sentence, so a participle cue (estimant, affirmant) takes its clause's subject. */
const sentenceMentions = new WeakMap<Segment, MentionRange[]>();

export function noteMention(sent: Segment, m: MentionRange | null): void {
  if (!m) return;
  const list = sentenceMentions.get(sent);
  if (list) list.push(m);
  else sentenceMentions.set(sent, [m]);
}

function subjectFor(doc: Doc, sent: Segment, g: VerbGroup | null, before?: number): MentionRange | null {
  const verbFirst = g ? g.first : (before ?? sent.first);
  // X interpelle Y et dénonce Z: the coordinated verb shares the first one's subject.
  if (g && /^(et|puis|mais)$/.test(lower(doc, g.first - 1))) {
    const prev = previousGroup(doc, sent, g);
    if (prev && prev !== g) return subjectFor(doc, sent, prev);
    // After verbs that report nothing (X occupent un rond-point, arrêtent les voitures et
    // demandent ...): the subject opening the sentence, right before its verb.
    if (!prev && !g.nonFinite) {
      const np = nounPhraseAt(doc, sent.first, g.first - 2);
      // A quoted name ends the phrase: Environ 150 «gilets jaunes» | occupent.
      let marks = 0;
      for (let k = np ? np.first : 0; np && k < np.last; k++) {
        if (doc.tokens.kind[k] === TokenKind.Quote && ++marks === 2) np.last = k;
      }
      const next = np ? np.last + 1 : -1;
      if (np && doc.tokens.kind[next] === TokenKind.Word && /^\p{Ll}/u.test(tokenText(doc, next))) return np;
    }
  }
  if (g && g.nonFinite) {
    const earlier = (sentenceMentions.get(sent) ?? []).filter((m) => m.last < g.first);
    if (earlier.length > 0) return earlier[earlier.length - 1]!;
    // », a indiqué X, estimant que ...: the subject of the cue before, inverted after it.
    const prev = previousGroup(doc, sent, g);
    if (prev && !prev.nonFinite) {
      if (prev.inverted >= 0) return { first: prev.inverted, last: prev.inverted };
      // Only an inverted cue after a quote has its subject after it («...», a dit X, estimant);
      // after a relative clause (X, qui a pris ses distances, avait regretté la taxe, estimant)
      // the phrase after the verb is its object.
      const afterQuote =
        doc.tokens.kind[prev.first - 1] === TokenKind.Quote ||
        (isPunct(doc, prev.first - 1, ',') && doc.tokens.kind[prev.first - 2] === TokenKind.Quote);
      const after = afterQuote ? subjectAfter(doc, prev.last + 1, g.first - 1) : null;
      if (after) return after;
      // X a exprimé ses doutes, estimant que ...: the subject of that verb.
      const before = subjectBefore(doc, sent.first, prev.first);
      if (before) return before;
    }
    // estimant que, saluant: the subject of the main clause, at the start of the sentence.
    const np = nounPhraseAt(doc, sent.first, verbFirst - 1);
    if (np) return np;
    // A participle opening the sentence (Appelant à «la lucidité», Marc Morel a estimé ...): the
    // subject of the main clause, after the first comma.
    if (g.first <= sent.first + 1) {
      for (let k = g.last + 1; k < sent.last; k++) {
        if (tokenText(doc, k) !== ',') continue;
        const main = nounPhraseAt(doc, k + 1, sent.last);
        const after = main ? main.last + 1 : -1;
        if (main && doc.tokens.kind[after] === TokenKind.Word && !/^\p{Lu}/u.test(tokenText(doc, after)))
          return main;
        break;
      }
    }
  }
  return subjectBefore(doc, sent.first, verbFirst);
}

/** The verb group before `g` in the same sentence, found by scanning the tokens between. */
function previousGroup(doc: Doc, sent: Segment, g: VerbGroup): VerbGroup | null {
  const all = groupsOf.get(doc) ?? [];
  let best: VerbGroup | null = null;
  for (const x of all) if (x.last < g.first && x.first >= sent.first) best = x;
  return best;
}

const groupsOf = new WeakMap<Doc, VerbGroup[]>();
const groupIndex = new WeakMap<
  VerbGroup[],
  { byFirst: Map<number, VerbGroup>; byLast: Map<number, VerbGroup> }
>();

/** The verb group starting (or ending) at token k, by map lookup rather than a scan. */
function groupAt(groups: VerbGroup[], k: number, end: 'first' | 'last'): VerbGroup | undefined {
  let index = groupIndex.get(groups);
  if (!index) {
    index = { byFirst: new Map(), byLast: new Map() };
    for (const g of groups) {
      if (!index.byFirst.has(g.first)) index.byFirst.set(g.first, g);
      if (!index.byLast.has(g.last)) index.byLast.set(g.last, g);
    }
    groupIndex.set(groups, index);
  }
  return end === 'first' ? index.byFirst.get(k) : index.byLast.get(k);
}

function startsAttribution(doc: Doc, g: VerbGroup): boolean {
  if (g.inverted >= 0) return true;
  // A bare past participle qualifies a noun (leur fils, décrit comme gentil, ...): no new cue.
  const form = lower(doc, g.verb);
  if (
    g.first === g.verb &&
    !/^(et|mais|puis)$/.test(lower(doc, g.first - 1)) &&
    g.last === g.verb &&
    !/^(dit|écrit|fait)$/.test(form) &&
    isPastParticiple(form, g.lemma)
  )
    return false;
  const before = lower(doc, g.first - 1);
  if (before === ',' || before === 'et' || before === 'puis' || before === 'mais') return true;
  // A participle or infinitive starts one (estimant que), not an infinitive of purpose or
  // complement inside the clause (pour exprimer, de dire).
  return g.nonFinite && !/^(pour|de|d’|d'|à|sans|afin)$/.test(before);
}

/**
 * `q` follows `prev` in the same sentence, joined by a comma or a coordination with a few words
 * before it: «A» et de «B», «A» ou «B», «A» de ses services et des «B».
 */
function coordinated(doc: Doc, prev: Quoted, q: Quoted): boolean {
  if (prev.close < 0 || q.open <= prev.close || q.open - prev.close > 60) return false;
  const a = tokenAtOrAfter(doc, prev.close);
  const b = tokenAtOrAfter(doc, q.open);
  if (doc.sentenceOfToken[a] !== doc.sentenceOfToken[b]) return false;
  const between = doc.text.slice(prev.close + 1, q.open);
  // A comma or a conjunction joins them; a bare preposition («A» au «B») does not.
  return COORDINATION.test(between) && /,|(^|\s)(et|ou|ni|voire)\s/u.test(between);
}

const COORDINATION =
  /^[\s\u00A0]*(?:,[\s\u00A0]*)?(?:(?:[\p{L}'’-]+[\s\u00A0]+){0,3}(?:et|ou|ni|voire|ou encore|et même)[\s\u00A0]+)?(?:(?:de|d'|d’|des|du|la|le|les|l'|l’|un|une|à|au|aux|en)[\s\u00A0]*)?$/u;

/** The last passage of a list «A», «B» ou encore «C» that starts with `q`. */
function lastOfList(doc: Doc, quoted: Quoted[], q: Quoted): Quoted {
  let cur = q;
  for (let n = 0; n < 8; n++) {
    const ni = firstStartingAtOrAfter(quoted, cur.close + 1);
    const next =
      quoted[ni] && quoted[ni]!.open > cur.close && quoted[ni]!.open - cur.close < 16
        ? quoted[ni]
        : undefined;
    if (!next || cur.close < 0) break;
    const between = doc.text.slice(cur.close + 1, next.open);
    if (!/^[\s\u00A0]*(,|ou|et|puis|ou encore|, ou encore|, puis|, et)?[\s\u00A0]*$/u.test(between)) break;
    cur = next;
  }
  return cur;
}

/** A verb group followed by its inverted subject, ending right before the comma at `comma`. */
function invertedBefore(
  doc: Doc,
  groups: VerbGroup[],
  comma: number,
  sentFirst: number,
): [VerbGroup, MentionRange] | null {
  for (let k = comma - 1; k >= Math.max(sentFirst, comma - 8); k--) {
    const g = groupAt(groups, k, 'last');
    if (!g) continue;
    if (!isPunct(doc, g.first - 1, ',')) return null;
    const np = g.inverted >= 0 ? invertedSubject(doc, g) : subjectAfter(doc, g.last + 1, comma - 1);
    return np && np.last === comma - 1 ? [g, np] : g.inverted === comma - 1 ? [g, np!] : null;
  }
  return null;
}

/** If a proper name (two capitalised words) followed by a comma starts at `from`, that comma. */
function nameAppositionEnd(doc: Doc, from: number, last: number): number {
  let k = from;
  while (
    k <= last &&
    k - from < 4 &&
    doc.tokens.kind[k] === TokenKind.Word &&
    /^\p{Lu}/u.test(tokenText(doc, k))
  )
    k++;
  return k - from >= 2 && k <= last && tokenText(doc, k) === ',' ? k : -1;
}

/** If a role apposition starts at `from` (spécialiste de ..., ancien ministre, ...), the comma ending it. */
function appositionEnd(doc: Doc, from: number, last: number): number {
  let k = from;
  if (k <= last && DETERMINERS.has(lower(doc, k))) k++;
  while (k <= last && /^(ancien|ancienne|ex|jeune|grand|grande|célèbre|autre)$/.test(lower(doc, k))) k++;
  if (k > last || !PERSON_NOUNS.has(lower(doc, k))) return -1;
  for (let j = k + 1; j <= Math.min(last, k + 15); j++) {
    if (tokenText(doc, j) === ',') return j;
    if (doc.tokens.kind[j] === TokenKind.Quote) return -1;
  }
  return -1;
}

/** Nouns and participles that introduce a name or a title in marks, not someone's words. */
const TITLE_WORDS = new Set([
  'page',
  'pétition',
  'campagne',
  'opération',
  'événement',
  'évènement',
  'groupe',
  'hashtag',
  'mot-dièse',
  'livre',
  'ouvrage',
  'film',
  'documentaire',
  'émission',
  'chanson',
  'album',
  'spectacle',
  'rubrique',
  'plateforme',
  'intitulé',
  'intitulée',
  'intitulés',
  'intitulées',
  'baptisé',
  'baptisée',
  'baptisés',
  'baptisées',
  'nommé',
  'nommée',
  'surnommé',
  'surnommée',
  'signé',
  'signée',
]);

/** The quote's cue comes after its passage («...», lance-t-il): a closing incise, not a title. */
function cueAfterPassage(found: RawQuote, q: Quoted): boolean {
  return found.cue !== null && found.cue.start > q.end;
}

/** Words after «...», that are no verb: conjunctions, prepositions, adverbs, pronouns. */
const NOT_VERBS = new Set([
  'mais',
  'et',
  'ou',
  'donc',
  'car',
  'puis',
  'comme',
  'selon',
  'dont',
  'où',
  'qui',
  'que',
  'quand',
  'lorsque',
  'alors',
  'ainsi',
  'aussi',
  'encore',
  'même',
  'entre',
  'contre',
  'une',
  'cette',
  'elle',
  'elles',
  'soit',
  'voire',
  'tandis',
  'presque',
  'quelque',
]);

/**
 * A finite verb outside the lexicon at `k` (amorce, évacuait, a tranché), followed by a source
 * with a proper name and then the sentence's end or a comma: the inverted cue of a quote.
 */
function unknownInvertedCue(doc: Doc, k: number): { cue: CueRef; mention: MentionRange } | null {
  if (doc.tokens.kind[k] !== TokenKind.Word || !/^\p{Ll}/u.test(tokenText(doc, k))) return null;
  let verb = k;
  // a tranché, avait lancé: an auxiliary and a past participle.
  if (/^(a|avait)$/.test(lower(doc, k))) {
    verb = k + 1;
    if (!/(é|i|u|is|it)$/.test(lower(doc, verb)) || lower(doc, verb) === 'été') return null;
  } else {
    const w = lower(doc, k);
    if (NOT_VERBS.has(w) || w.length < 4 || !/(e|ait|it|ut)$/.test(w) || /ment$/.test(w)) return null;
  }
  const sentLast = doc.sentences[doc.sentenceOfToken[k]!]!.last;
  const np = subjectAfter(doc, verb + 1, sentLast);
  if (!np || !hasProperName(doc, np) || !isCapitalisedName(doc, np)) return null;
  const after = np.last + 1;
  if (after <= sentLast && !isPunct(doc, after, ',.;!?')) return null;
  return {
    cue: { start: doc.tokens.start[k]!, end: doc.tokens.end[verb]!, lemma: lower(doc, verb) },
    mention: np,
  };
}

/** Verbs of describing oneself, after "se": se définit, se présentant, se qualifie, se revendique. */
const SELF_DESCRIBING = /^(défini|présent|décri|qualifi|revendiqu|proclam)/u;

/**
 * The reflexive pronoun of "se définir / se présenter comme (un) «...»", "se qualifier de «...»"
 * ending right before the mark at `openTok`, or -1.
 */
function selfDescription(doc: Doc, openTok: number, sentFirst: number): number {
  let k = openTok - 1;
  if (k > sentFirst && DETERMINERS.has(lower(doc, k))) k--;
  if (!/^(comme|de|d’|d')$/.test(lower(doc, k))) return -1;
  const verb = k - 1;
  const pronoun = verb - 1;
  if (pronoun < sentFirst || !/^(se|s’|s')$/.test(lower(doc, pronoun))) return -1;
  return SELF_DESCRIBING.test(lower(doc, verb)) ? pronoun : -1;
}

function nounCueBefore(doc: Doc, openTok: number): CueRef | null {
  for (const words of NOUN_CUES) {
    const first = openTok - words.length;
    if (first < 0) continue;
    let ok = true;
    for (let k = 0; k < words.length; k++) if (lower(doc, first + k) !== words[k]) ok = false;
    if (ok)
      return { start: doc.tokens.start[first]!, end: doc.tokens.end[openTok - 1]!, lemma: words.join(' ') };
  }
  return null;
}

/**
 * The source of an inverted "on": « ... », précise-t-on à la préfecture / indique-t-on dans
 * l'entourage du président. Without such a complement, the pronoun itself.
 */
export function invertedSubject(doc: Doc, g: VerbGroup): MentionRange {
  const pronoun = { first: g.inverted, last: g.inverted };
  if (lower(doc, g.inverted) !== 'on') return pronoun;
  const sentLast = doc.sentences[doc.sentenceOfToken[g.verb]!]!.last;
  let k = g.last + 1;
  // A time filler before the source: a-t-on appris jeudi de sources concordantes.
  if (!/^(à|au|aux|dans|chez|sur|auprès|du|de)$/.test(lower(doc, k))) k = skipFillers(doc, k, sentLast);
  if (/^(à|au|aux|dans|chez|sur)$/.test(lower(doc, k))) k++;
  // a-t-on appris de sources concordantes / de source policière.
  else if (lower(doc, k) === 'de' && /^sources?$/.test(lower(doc, k + 1))) {
    let last = k + 1;
    while (last + 1 <= sentLast && doc.tokens.kind[last + 1] === TokenKind.Word && last - k < 6) last++;
    return { first: k + 1, last };
  }
  // auprès du parquet, du côté des enquêteurs: "du" and "des" stay as the phrase's determiner.
  else if (lower(doc, k) === 'auprès' && /^(de|du|des|d’|d')$/.test(lower(doc, k + 1)))
    k += /^(du|des)$/.test(lower(doc, k + 1)) ? 1 : 2;
  else if (
    lower(doc, k) === 'du' &&
    lower(doc, k + 1) === 'côté' &&
    /^(de|du|des|d’|d')$/.test(lower(doc, k + 2))
  )
    k += /^(du|des)$/.test(lower(doc, k + 2)) ? 2 : 3;
  else return pronoun;
  const sent = doc.sentences[doc.sentenceOfToken[g.verb]!]!;
  return nounPhraseAt(doc, k, sent.last) ?? pronoun;
}

function cueOf(doc: Doc, g: VerbGroup, lastTok = g.last): CueRef {
  return {
    start: doc.tokens.start[g.first]!,
    end: doc.tokens.end[Math.max(lastTok, g.last)]!,
    lemma: g.lemma,
  };
}

/** A phrase that can be a source: a pronoun, a proper name, or a person, group, organisation or document noun. */
function isSourceLike(doc: Doc, np: MentionRange): boolean {
  if (hasProperName(doc, np) || STRESSED_PRONOUNS.has(lower(doc, np.first))) return true;
  if (/^(il|elle|ils|elles|on)$/.test(lower(doc, np.first))) return true;
  for (let i = np.first; i <= np.last; i++) {
    const lw = lower(doc, i);
    // A plural noun counts as its singular: des messages, les rapports.
    const w = /[sx]$/.test(lw) && DOCUMENT_NOUNS.has(lw.slice(0, -1)) ? lw.slice(0, -1) : lw;
    if (
      isPersonNoun(w) ||
      ORGANIZATION_NOUNS.has(w) ||
      DOCUMENT_NOUNS.has(w) ||
      GROUP_NOUNS.has(w) ||
      ORG_KIND_NOUNS.has(w) ||
      INFO_NOUNS.has(w) ||
      SPEAKING_INSTITUTIONS.has(w) ||
      /^sources?$/.test(w)
    )
      return true;
  }
  return false;
}

function isOpinionSource(doc: Doc, np: MentionRange): boolean {
  const first = lower(doc, np.first);
  if (STRESSED_PRONOUNS.has(first)) return true;
  if (NAME_TITLES.has(first)) return true;
  for (let i = np.first; i <= np.last; i++) {
    if (isPersonNoun(lower(doc, i))) return true;
  }
  // Pour certains «gilets jaunes», pour beaucoup d'acteurs: a quantified group.
  if (/^(certains|certaines|beaucoup|nombre|plusieurs|la plupart)$/.test(first)) return true;
  // A bare proper name: Pour Jean Dupont, ...
  return !DETERMINERS.has(first) && hasProperName(doc, np) && np.last > np.first;
}

/** A person noun, singular or plural: ministre, enquêteurs, organisateurs. */
function isDescription(doc: Doc, np: MentionRange): boolean {
  for (let i = np.first; i <= np.last; i++) if (PERSON_NOUNS.has(lower(doc, i))) return true;
  return false;
}

const termCounts = new WeakMap<Quoted[], Map<string, number>>();

function isRepeatedTerm(doc: Doc, q: Quoted, all: Quoted[]): boolean {
  let counts = termCounts.get(all);
  if (!counts) {
    counts = new Map();
    for (const o of all) {
      const t = doc.text.slice(o.start, o.end).toLowerCase();
      counts.set(t, (counts.get(t) ?? 0) + 1);
    }
    termCounts.set(all, counts);
  }
  return (counts.get(doc.text.slice(q.start, q.end).toLowerCase()) ?? 0) >= 2;
}

/** A quoted heading glued to text («Que du vent»«La plupart...): short, no final punctuation, at a paragraph start. */
function isHeadingLike(doc: Doc, q: Quoted): boolean {
  const after = doc.text[q.close + 1];
  return q.close >= 0 && (after === '«' || after === '“') && countWords(doc.text, q.start, q.end) <= 4;
}

/**
 * The mark opens its sentence or follows a colon: the passage is not a noun phrase of the
 * writer's clause (le groupe «Je suis là!», un film intitulé «Merci!»).
 */
function standsAlone(doc: Doc, openTok: number): boolean {
  const sent = doc.sentences[doc.sentenceOfToken[openTok]!]!;
  if (openTok === sent.first || isPunct(doc, openTok - 1, ':.!?…')) return true;
  // Or a noun of words before it: accompagné du message «Avec vous!», le slogan «On lâche rien!».
  return /^(message|messages|slogan|slogans|tweet|mot|cri|formule)$/.test(lower(doc, openTok - 1));
}

/** A capitalised passage ending with its own sentence punctuation: «Nous ne céderons pas.» */
function isUtterance(text: string, q: Quoted): boolean {
  return /^\p{Lu}/u.test(text[q.start] ?? '') && /[.!?…]$/u.test(text.slice(q.start, q.end));
}

/** Words of speech: a personal pronoun or a finite-verb-like word, not a bare noun phrase. */
function readsAsSpeech(t: string): boolean {
  return /(^|[\s'’])(je|j['’]|nous|on|vous|tu|il|elle|ils|elles|c['’]est|est|sont|a|ont|était|sera|faut|peut|doit|veut|va|y a)(?=[\s,.!?…]|$)/iu.test(
    t,
  );
}

/** True when the offset lies inside a quoted passage of four words or more: the speaker's own words. */
function insideQuoted(quoted: Quoted[], at: number): boolean {
  const q = passageAt(quoted, at);
  return q !== undefined && q.end - q.start > 25 && q.close >= 0;
}

/** Links to other articles inside the body: "» LIRE AUSSI - «Gilets jaunes»: ...", "À VOIR AUSSI". */
function inCrossReference(doc: Doc, at: number): boolean {
  const lineStart = doc.text.lastIndexOf('\n', at) + 1;
  return /^\W*(lire aussi|à lire aussi|voir aussi|à voir aussi|à voir|lire également|regarder aussi)\b/iu.test(
    doc.text.slice(lineStart, Math.min(at + 1, lineStart + 40)),
  );
}

/** True when a quoted passage opens within [start, end). */
function opensBetween(quoted: Quoted[], start: number, end: number): boolean {
  const q = quoted[firstStartingAtOrAfter(quoted, start)];
  return q !== undefined && q.open < end;
}

function quotedWithin(quoted: Quoted[], start: number, end: number): Quoted[] {
  const out: Quoted[] = [];
  for (let i = firstStartingAtOrAfter(quoted, start); i < quoted.length && quoted[i]!.start < end; i++) {
    if (quoted[i]!.end <= end) out.push(quoted[i]!);
  }
  return out;
}

/** Trims spaces, final punctuation and dangling commas from a clause span. */
function trimClause(doc: Doc, start: number, end: number): { start: number; end: number } {
  const t = doc.text;
  while (start < end && /[\s,;:\u00A0\u202F—–-]/.test(t[start]!)) start++;
  while (end > start && /[\s.,;:!?\u00A0\u202F—–-]/.test(t[end - 1]!)) end--;
  // Keep an ellipsis or ?! only if part of the words? News clauses end at the period: drop it.
  return { start, end };
}

/**
 * "selon X" inside the clause it attributes: "Pour preuve, selon lui, ces départs ...", "qui
 * débutera selon Gaia le 25 février, l'association ...". Not a source closing its clause
 * ("2.500 manifestants selon la police, 3.000 selon les organisateurs").
 */
function isIncise(doc: Doc, marker: number, after: number, sent: Segment): boolean {
  if (after >= sent.last - 1) return false;
  const commaBefore = isPunct(doc, marker - 1, ',');
  const commaAfter = isPunct(doc, after, ',');
  if (commaAfter) {
    // The clause goes on after the source with words, not with another figure and its source.
    const next = after + 1;
    const figure = doc.tokens.kind[next] === TokenKind.Number || /^\d/.test(tokenText(doc, next));
    return doc.tokens.kind[next] === TokenKind.Word && !figure && !sourceListGoesOn(doc, next, sent.last);
  }
  // No comma at all: the source sits inside a clause that goes on.
  return !commaBefore && doc.tokens.kind[after] === TokenKind.Word;
}

/** More sources after the comma: selon des témoins, l'association X et des syndicats. */
function sourceListGoesOn(doc: Doc, from: number, last: number): boolean {
  for (let k = from + 1; k <= Math.min(last - 1, from + 6); k++) {
    if (doc.tokens.kind[k] !== TokenKind.Word) return false;
    if (!/^(et|ou)$/.test(lower(doc, k))) continue;
    const n = k + 1;
    return DETERMINERS.has(lower(doc, n)) || /^\p{Lu}/u.test(tokenText(doc, n));
  }
  return false;
}

/** The dash or bracket opening an incise still open at `to`; closed ones (X (Y) Z, - Y -) do not count. */
function lastIncise(doc: Doc, from: number, to: number): number {
  let dashes = 0;
  let lastDash = -1;
  let closedBracket = false;
  for (let k = to; k >= from; k--) {
    const t = tokenText(doc, k);
    if (t === ')') closedBracket = true;
    else if (t === '(') {
      if (!closedBracket) return k;
      closedBracket = false;
    } else if (doc.tokens.kind[k] === TokenKind.Dash) {
      if (lastDash < 0) lastDash = k;
      dashes++;
    }
  }
  return dashes % 2 === 1 ? lastDash : -1;
}

function lastPunctBefore(doc: Doc, from: number, to: number, ch: string): number {
  for (let k = to; k >= from; k--) if (tokenText(doc, k) === ch) return k;
  return -1;
}

function paragraphOf(doc: Doc, tok: number): number {
  const ps = doc.paragraphs;
  let lo = 0;
  let hi = ps.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ps[mid]!.first <= tok) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Words of [start, end) that are not inside a quoted passage: the writer's own words. */
function wordsOutsideQuotes(doc: Doc, quoted: Quoted[], start: number, end: number): number {
  let n = countWords(doc.text, start, end);
  for (const q of quoted)
    if (q.open >= start && q.close >= 0 && q.close < end) n -= countWords(doc.text, q.open, q.close + 1);
  return n;
}

function countWords(text: string, start: number, end: number): number {
  let n = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 0xa0 || c === 0x202f || c === 10;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** The "de" of "demander (à X) de + infinitive", skipping an addressee: a demandé au gouvernement de. */
function deAfterAddressee(doc: Doc, k: number, last: number): number {
  const isDe = (i: number): boolean => /^(de|d’|d')$/.test(lower(doc, i));
  if (k <= last && isDe(k)) return k;
  if (k <= last && /^(à|au|aux|lui|leur)$/.test(lower(doc, k))) {
    for (let j = k + 1; j <= Math.min(last, k + 6); j++) {
      if (doc.tokens.kind[j] !== TokenKind.Word) return -1;
      if (isDe(j) && j + 1 <= last && isInfinitive(lower(doc, cliticSkip(doc, j + 1, last)))) return j;
    }
  }
  return -1;
}

/** The verb is its bare infinitive (pour inciter l'État à agir): a purpose, not a report. */
function isBareInfinitive(doc: Doc, g: VerbGroup): boolean {
  return g.first === g.verb && lower(doc, g.verb) === g.lemma;
}

/**
 * The "à" of "appeler (X) à + infinitive", over an object of a few words: a appelé l'armée à
 * ne pas intervenir, s'est engagée à la tribune à approuver. For "à ce que", the "que".
 */
function aAfterObject(doc: Doc, k: number, last: number): number {
  for (let j = k; j <= Math.min(last - 1, k + 9); j++) {
    if (doc.tokens.kind[j] !== TokenKind.Word && tokenText(doc, j) !== ',') return -1;
    // Another verb's complement: s'est engagée sur le terrain pour aider les commerçants à ...
    if (/^(pour|afin|sans|qui|que|qu’|qu')$/.test(lower(doc, j))) return -1;
    if (lower(doc, j) !== 'à') continue;
    if (lower(doc, j + 1) === 'ce' && /^(que|qu’|qu')$/.test(lower(doc, j + 2))) return j + 2;
    let v = j + 1;
    if (/^(ne|n’|n')$/.test(lower(doc, v)) && /^(pas|plus|jamais)$/.test(lower(doc, v + 1))) v += 2;
    while (v < last && /^(se|s’|s'|y|en|lui|leur|l’|l'|me|m’|m'|nous|vous)$/.test(lower(doc, v))) v++;
    if (isInfinitive(lower(doc, v)) && lower(doc, v + 1) !== 'de') return j;
  }
  return -1;
}

/** Skips object clitics before an infinitive: de le représenter, de leur dire, de s'en prendre. */
function cliticSkip(doc: Doc, k: number, last: number): number {
  // A negation first: de ne pas forcer, de ne plus s'en prendre, de ne jamais revenir.
  if (
    k + 1 < last &&
    /^(ne|n’|n')$/.test(lower(doc, k)) &&
    /^(pas|plus|jamais|rien|point)$/.test(lower(doc, k + 1))
  )
    k += 2;
  while (k < last && /^(le|la|les|l’|l'|lui|leur|se|s’|s'|y|en|me|m’|m'|nous|vous)$/.test(lower(doc, k))) k++;
  // One word in quotation marks: de ne pas 'forcer' les accès.
  if (
    k + 2 < last &&
    /^['‘’"«“]$/.test(tokenText(doc, k)) &&
    doc.tokens.kind[k + 1] === TokenKind.Word &&
    /^['‘’"»”]$/.test(tokenText(doc, k + 2))
  )
    k++;
  return k;
}

function isInfinitive(w: string): boolean {
  return /(er|ir|re|oir)$/.test(w) && w.length > 3;
}

/** Drops quotes wholly inside another quote of the same or larger extent. */
function dropNested(quotes: RawQuote[]): RawQuote[] {
  const out: RawQuote[] = [];
  for (const q of quotes) {
    const prev = out[out.length - 1];
    if (prev && q.start >= prev.start && q.end <= prev.end && !q.embedded) continue;
    out.push(q);
  }
  return out;
}
