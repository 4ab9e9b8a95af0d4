import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, html, isEmpty, join, trusted } from './html.js';

describe('escapeHtml', () => {
  it('escapes the five markup characters', () => {
    expect(escapeHtml(`<script>alert("x" & 'y')</script>`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;',
    );
  });
  it('leaves no markup character in any text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(escapeHtml(s)).not.toMatch(/[<>"']/);
        expect(escapeHtml(s).replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
      }),
    );
  });
});

describe('html template', () => {
  it('escapes interpolated strings and keeps safe markup', () => {
    const name = '<b>CV. "ABC"</b>';
    const h = html;
    const out = h`<td title="${name}">${name}${trusted('<br>')}</td>`;
    expect(out.value).toBe(
      '<td title="&lt;b&gt;CV. &quot;ABC&quot;&lt;/b&gt;">&lt;b&gt;CV. &quot;ABC&quot;&lt;/b&gt;<br></td>',
    );
  });
  it('joins arrays and drops false, null and undefined', () => {
    // An alias, so that Prettier does not reformat the template as HTML.
    const h = html;
    const out = h`<ul>${['a', 'b'].map((x) => h`<li>${x}</li>`)}${false}${undefined}${null}</ul>`;
    expect(out.value).toBe('<ul><li>a</li><li>b</li></ul>');
    expect(isEmpty(join([h``, '  ']))).toBe(true);
  });
});
