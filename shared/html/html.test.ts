import { describe, expect, it } from 'vitest';
import { html, joinHtml, safeHref, trusted } from './html';

describe('html', () => {
  it('escapes every interpolated string, in content and in attributes', () => {
    const evil = `"><script>alert('x')</script>&`;
    expect(html`<p title="${evil}">${evil}</p>`.value).toBe(
      '<p title="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;">&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;</p>',
    );
  });
  it('keeps Html made by html or trusted, leaves out nothing-values and joins lists', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(
      html`<p>${inner}${null}${false}${undefined}${[1, html`<br>`, 'a&b']}${trusted('<hr>')}</p>`.value,
    ).toBe('<p><b>&lt;i&gt;</b>1<br>a&amp;b<hr></p>');
  });
  it('joins with a separator and drops empty pieces', () => {
    expect(joinHtml(['a<', '', null, html`<br>`], '\n').value).toBe('a&lt;\n<br>');
  });
  it('keeps only http(s) and mailto links', () => {
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,x')).toBeNull();
    expect(safeHref('https://example.com/a b')).toBe('https://example.com/a%20b');
    expect(safeHref('mailto:a@example.com')).toBe('mailto:a@example.com');
  });
});
