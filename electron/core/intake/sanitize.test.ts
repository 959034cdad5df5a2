import { describe, expect, it } from 'vitest';
import { cssCouldLoad, HOSTILE_STYLES } from './corpus';
import { htmlToPlainText, resanitiseStoredHtml, sanitiseMailHtml } from './sanitize';

const SHA = 'a'.repeat(64);
const OTHER = 'b'.repeat(64);

describe('sanitiseMailHtml', () => {
  it('points cid: images at the stored attachment, blocks remote ones, keeps safe data: images', () => {
    const out = sanitiseMailHtml(
      '<img src="cid:Logo@Mail"><img src="cid:unknown@x"><img src="http://t.example/p.gif"><img src="data:image/png;base64,AAAA">',
      new Map([['logo@mail', SHA]]),
    );
    expect(out).toBe(
      `<img data-media="${SHA}"><img data-blocked="missing"><img data-blocked="remote"><img src="data:image/png;base64,AAAA">`,
    );
  });

  it('a mail cannot bring its own markers; stored HTML keeps only markers naming its own media', () => {
    expect(sanitiseMailHtml(`<img data-media="${SHA}" data-blocked="remote">`)).toBe('<img>');
    const stored = `<img data-media="${SHA}"><img data-media="${OTHER}"><img data-blocked="remote"><img data-blocked="x">`;
    expect(resanitiseStoredHtml(stored, [SHA])).toBe(
      `<img data-media="${SHA}"><img><img data-blocked="remote"><img>`,
    );
  });

  it('removes styles that load, forms, frames and links that navigate', () => {
    const out = sanitiseMailHtml(
      '<p style="color:red">a</p><p style="background:url(x)">b</p><style>@import "x"</style><a href="https://x.example" target="_blank">c</a><form><button>d</button></form>',
    );
    expect(out).toBe('<p style="color: red">a</p><p>b</p><a title="https://x.example">c</a>d');
  });

  it('turns HTML into readable text', () => {
    expect(
      htmlToPlainText('<div>Hello <b>there</b></div><p>Line&nbsp;2<br>Line 3</p><script>x</script>'),
    ).toBe('Hello there\n\nLine 2\nLine 3');
  });
});

describe('sanitiseMailHtml and CSS', () => {
  it('drops every hostile style attribute and <style> element, escapes and all', () => {
    const html =
      HOSTILE_STYLES.map((s) => `<p style="${s.replace(/"/g, '&quot;')}">x</p>`).join('') +
      '<style>@\\69 mport "http://evil.example/x.css"; p{background:\\75 rl(http://evil.example/a.png)}</style>' +
      '<div><style>body{background-image:image-set("http://evil.example/a.png" 1x)}</style></div>';
    const out = sanitiseMailHtml(html);
    expect(out).not.toMatch(/evil|\\|@|<style|url|image-set|expression/i);
    for (const [, style] of out.matchAll(/style="([^"]*)"/g)) expect(cssCouldLoad(style!)).toBe(false);
  });
});
