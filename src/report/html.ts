/**
 * Safe HTML building: every interpolated string is escaped unless it is already `SafeHtml`,
 * so user text (study titles, names, causes) can never become markup.
 */

/** Escapes text for HTML and XML (SVG) content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Markup that is already safe (built by `html`, or trusted output such as a chart SVG). */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue =
  SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false || value === true) return '';
  if (value instanceof SafeHtml) return value.value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return escapeHtml(value);
  return value.map(render).join('');
}

/** Template tag: `html\`<td>${name}</td>\`` escapes `name`; arrays are joined; false/undefined vanish. */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Trusted markup inserted as is. Only for markup this module's callers generate. */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** Joins pieces of markup. */
export function join(parts: readonly HtmlValue[], separator = ''): SafeHtml {
  return new SafeHtml(parts.map(render).join(separator));
}

/** True when the markup is empty (a section with no data). */
export function isEmpty(value: SafeHtml): boolean {
  return value.value.trim() === '';
}
