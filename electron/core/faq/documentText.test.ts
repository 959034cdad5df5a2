import { describe, expect, it } from 'vitest';
import { documentOf, isElement, link, paragraph, step, text } from '../../../shared/answers/document';
import { UNDECIDED_CLOSE as C, UNDECIDED_OPEN as O } from '../../../shared/domain/faq';
import { cut, documentUnits, redactDocument } from './documentText';

describe('document text units and redaction', () => {
  it('reads a block as one unit across formatting and links, so a split name is still found', () => {
    const doc = documentOf([
      paragraph([text('田中'), text('美咲', 1), text('様、'), link('https://x.example.jp/a', 'サイト')]),
    ]);
    expect(documentUnits(doc)).toEqual([
      { place: 'body', text: '田中美咲様、サイト' },
      { place: 'link', text: 'https://x.example.jp/a' },
    ]);
  });

  it('cuts a range spanning formatted nodes, keeping the formatting of what remains', () => {
    const doc = documentOf([paragraph([text('こんにちは田中'), text('美咲', 1), text('様、どうぞ')])]);
    redactDocument(doc, (u) => (u.place === 'body' ? [{ start: 5, end: 10 }] : []), '［非公開］');
    const block = doc.root.children[0]!;
    const nodes = isElement(block) ? block.children : [];
    expect(nodes.map((n) => (n.type === 'text' ? [n.text, n.format] : n.type))).toEqual([
      ['こんにちは［非公開］', 0],
      ['', 1],
      ['、どうぞ', 0],
    ]);
  });

  it('drops the target of a link to a redacted address and redacts steps and image descriptions', () => {
    const doc = documentOf([
      paragraph([link('https://tanaka.example.jp/', 'こちら')]),
      step('tanaka.example.jp を開く', '開きます', {
        screenshot: { sha256: 'a'.repeat(64), ext: 'png', alt: 'tanaka.example.jp の画面' },
      }),
    ]);
    redactDocument(
      doc,
      (u) => {
        const at = u.text.indexOf('tanaka.example.jp');
        return at >= 0 ? [{ start: at, end: at + 'tanaka.example.jp'.length }] : [];
      },
      '#',
    );
    const json = JSON.stringify(doc);
    expect(json).not.toContain('tanaka.example.jp');
    expect(json).toContain('"url":""');
    expect(json).toContain('# を開く');
    expect(json).toContain('"alt":"# の画面"');
  });

  it('keeps an undecided finding marked for the preview, and a cut over it wins', () => {
    const line = 'John: call Mr. Miller';
    expect(cut(line, [{ start: 0, end: 4, mark: true }], '[removed]')).toBe(`${O}John${C}: call Mr. Miller`);
    expect(
      cut(
        line,
        [
          { start: 0, end: 4, mark: true },
          { start: 11, end: 21, mark: true },
          { start: 15, end: 21 },
        ],
        '[removed]',
      ),
    ).toBe(`${O}John${C}: call [removed]`);
    const doc = documentOf([paragraph([text('Dear '), text('John', 1), text(', thanks')])]);
    redactDocument(doc, (u) => (u.place === 'body' ? [{ start: 5, end: 9, mark: true }] : []), '[removed]');
    expect(documentUnits(doc)[0]!.text).toBe(`Dear ${O}John${C}, thanks`);
  });
});
