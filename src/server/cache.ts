// The answers of recent searches, least recently used out, all dropped as soon as the archive
// changes (another connection committed: an ingest), so that a cached answer is never stale.

import type { SearchResult } from '../query/search.js';

export class SearchCache {
  readonly #entries = new Map<string, SearchResult>();
  #version: number | null = null;

  /** `capacity` 0 caches nothing; `version()` changes when the archive does. */
  constructor(
    readonly capacity: number,
    private readonly version: () => number,
  ) {}

  get enabled(): boolean {
    return this.capacity > 0;
  }

  /** The archive's version now: pass it to `set` with an answer computed after this call. */
  current(): number {
    return this.version();
  }

  #check(): void {
    const v = this.version();
    if (v !== this.#version) {
      this.#entries.clear();
      this.#version = v;
    }
  }

  get(key: string): SearchResult | undefined {
    if (this.capacity === 0) return undefined;
    this.#check();
    const r = this.#entries.get(key);
    if (r !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, r);
    }
    return r;
  }

  /** Keeps `result` unless the archive changed since `version` (then it may be stale). */
  set(key: string, result: SearchResult, version: number): void {
    if (this.capacity === 0) return;
    this.#check();
    if (version !== this.#version) return;
    this.#entries.set(key, result);
    if (this.#entries.size > this.capacity) this.#entries.delete(this.#entries.keys().next().value!);
  }
}
