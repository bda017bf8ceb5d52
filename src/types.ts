// The exchange format of verbatim (schema version below). Described for users in docs/schema.md.
// Every span is [start, end) in JavaScript string indices (UTF-16 code units) into Article.text,
// and span.text === article.text.slice(start, end).

export const SCHEMA_VERSION = 1;

export interface Span {
  start: number;
  end: number;
  text: string;
}

export type DatePrecision = 'day' | 'month' | 'year';

/** The article's own publication date, as the input gives it. */
export interface ArticleDate {
  /** ISO 8601 at its precision: 2021-05-18, 2021-05 or 2021. */
  value: string;
  precision: DatePrecision;
}

/** An article as read from input. `text` is kept exactly as decoded: every offset refers to it. */
export interface Article {
  id: string;
  text: string;
  date: ArticleDate | null;
  title: string | null;
  source: string | null;
  url: string | null;
}

export type QuoteKind = 'direct' | 'indirect' | 'mixed';

export type SpeakerType = 'person' | 'organization' | 'group' | 'anonymous' | 'document';

export interface Speaker {
  /** The resolved speaker: the fullest name the article gives, or the description for unnamed sources. */
  name: string;
  type: SpeakerType;
  /** The span nearest the quote that designates the speaker (a name, a pronoun, a description); null when implicit. */
  mention: Span | null;
  /** Id of the entity in `entities` this speaker is, when it is one. */
  entityId?: string;
}

export interface Cue extends Span {
  /** Infinitive of the reporting verb (marteler), or the marker itself for selon / d'après / pour. */
  lemma: string;
}

export interface Quote extends Span {
  id: string;
  kind: QuoteKind;
  cue: Cue | null;
  speaker: Speaker | null;
  /** Ids of the dates and figures inside the quote's span. */
  dateIds: string[];
  figureIds: string[];
}

export type EntityType = 'person' | 'organization' | 'place';
export type Gender = 'male' | 'female' | 'unknown';

export interface Entity {
  id: string;
  type: EntityType;
  name: string;
  gender?: Gender;
  mentions: Span[];
  aliases?: string[];
  roles?: string[];
}

export type DateFactPrecision = 'day' | 'month' | 'year' | 'weekday-relative' | 'unknown';
export type DateFactKind = 'point' | 'interval' | 'duration' | 'set';

/** A date or period the article speaks of (issue: dates and figures). */
export interface DateFact extends Span {
  id: string;
  /** ISO 8601: 2021-06-14, 2021-06, 2030, an interval 2021-06-01/2021-06-30, a duration P3D; for a
   * weekday whose day cannot be pinned, a description of what is known. */
  value: string;
  precision: DateFactPrecision;
  kind: DateFactKind;
  /**
   * The later places where the text names this point or interval again in the same words (le
   * sommet du 14 juin, after le 14 juin): one fact, several mentions. Absent when named once.
   */
  repeats?: Span[];
}

/** A number the article states, with its unit and what it is a share of. */
export interface Figure extends Span {
  id: string;
  value: number;
  /** %, EUR, USD, or the counted noun (pays, bataillons). */
  unit?: string;
  /** What a percentage or share is of, as written (Produit intérieur brut). */
  of?: string;
}

export interface Analysis {
  schema: number;
  id: string;
  date: ArticleDate | null;
  title: string | null;
  source: string | null;
  url: string | null;
  quotes: Quote[];
  entities: Entity[];
  dates: DateFact[];
  figures: Figure[];
}
