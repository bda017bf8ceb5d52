// HTML built safely: every interpolated value of the `markup` template goes through `esc`, unless it
// is itself the output of `markup` (a SafeHtml). Data from the archive or from a request can only
// ever become text, never markup.

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** The one escaping function: text for element content and quoted attribute values. */
export function esc(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Markup known to be safe: built by `markup` (or `raw` on a constant). */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = SafeHtml | string | number | boolean | null | undefined | readonly Part[];

function render(v: Part): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof SafeHtml) return v.value;
  if (Array.isArray(v)) return (v as readonly Part[]).map(render).join('');
  return esc(v);
}

/** Tagged template: literal parts as markup, interpolations escaped (arrays joined). */
export function markup(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new SafeHtml(out);
}

/** Markup written in the code itself (never data). */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** A URL path segment: encodeURIComponent (the result is still escaped where interpolated). */
export function seg(s: string): string {
  return encodeURIComponent(s);
}

/** A query string from the defined, non-empty parameters. */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s === '' ? '' : `?${s}`;
}
