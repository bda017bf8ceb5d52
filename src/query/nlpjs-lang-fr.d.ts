// Types for the part of @nlpjs/lang-fr (no bundled types) that verbatim uses: the Snowball French
// stemmer, driven word by word through its Snowball-generated primitives.
declare module '@nlpjs/lang-fr' {
  export class StemmerFr {
    constructor();
    setCurrent(word: string): void;
    innerStem(): void;
    getCurrent(): string;
    stemWord(word: string): string;
  }
}
