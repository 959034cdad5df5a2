import { describe, expect, it } from 'vitest';
import { hostileDocuments } from '../../electron/core/answers/testing';
import { documentOf, paragraph, step, text } from './document';
import { repairAnswerDocument } from './repair';
import { parseAnswerDocument } from './validate';

const sha = 'ab'.repeat(32);

describe('repairAnswerDocument (migration 0125)', () => {
  it('leaves a valid document as it is', () => {
    const doc = documentOf([paragraph('x'), step('a', 'b')]);
    expect(repairAnswerDocument(JSON.parse(JSON.stringify(doc)), () => null)).toEqual({ doc, problems: [] });
  });

  it('turns every hostile document into one that passes, and says what it changed', () => {
    for (const c of hostileDocuments) {
      const repaired = repairAnswerDocument(JSON.parse(c.json()), () => 'png');
      expect(parseAnswerDocument(repaired.doc).ok, c.name).toBe(true);
      expect(repaired.problems.length, c.name).toBeGreaterThan(0);
      expect(JSON.stringify(repaired.doc), c.name).not.toMatch(
        /library\.sqlite|\/etc\/|iframe|script|onclick|__proto__/,
      );
    }
  });

  it('keeps the words of what it cannot keep', () => {
    let deep: Record<string, unknown> = text('deep words');
    for (let i = 0; i < 200; i++) deep = { ...paragraph(), children: [deep] };
    const raw = {
      root: {
        ...documentOf([]).root,
        children: [
          { type: 'marquee', version: 1, children: [paragraph('inside an unknown block')] },
          { type: 'kotae-image', version: 1, sha256: sha, ext: '../../x', alt: 'a diagram' },
          deep,
        ],
      },
    };
    const { doc, problems } = repairAnswerDocument(raw, () => null);
    const json = JSON.stringify(doc);
    for (const words of ['inside an unknown block', 'a diagram', 'deep words']) expect(json).toContain(words);
    expect(problems.map((p) => [p.place, p.number, p.problem])).toEqual(
      expect.arrayContaining([
        ['block', 1, 'unknownNode'],
        ['image', 1, 'mediaRef'],
        ['paragraph', 1, 'tooDeep'],
      ]),
    );
  });

  it('puts a picture reference right from what the library stores under its hash', () => {
    const raw = JSON.parse(JSON.stringify(documentOf([step('a', 'b')])));
    raw.root.children[0].screenshot = { sha256: sha.toUpperCase(), ext: 'jpeg', alt: 's' };
    const { doc } = repairAnswerDocument(raw, (hash) => (hash === sha ? 'jpg' : null));
    expect(doc.root.children[0]).toMatchObject({ screenshot: { sha256: sha, ext: 'jpg', alt: 's' } });
  });
});
