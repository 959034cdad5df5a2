import { describe, expect, it } from 'vitest';
import { translatorFor } from '../../electron/core/i18n';
import { unboundedPaths } from '../api/limits';
import { documentOf, image, paragraph, resolution, step, text } from './document';
import { AnswerDocumentShape, ClipboardFragmentShape, documentLimits, SnippetShape } from './schema';
import {
  AnswerDocumentInput,
  documentError,
  documentImages,
  parseAnswerDocument,
  parseClipboardFragment,
  snippetBody,
  type DocumentProblem,
} from './validate';

const sha = 'a'.repeat(64);

function problemOf(raw: unknown): DocumentProblem {
  const result = parseAnswerDocument(raw);
  if (result.ok) throw new Error('expected a refusal');
  return result.problem;
}

/** The message a vendor reads, in each language. */
function message(problem: DocumentProblem, language: 'en' | 'ja'): string {
  const e = documentError(problem);
  return translatorFor(language).t(e.messageKey, { ...e.params });
}

const withShot = (ext: unknown) => {
  const doc = documentOf([paragraph('Intro'), step('a', 'b'), step('c', 'd'), step('e', 'f')]);
  const third = JSON.parse(JSON.stringify(doc)) as { root: { children: Record<string, unknown>[] } };
  third.root.children[3]!.screenshot = { sha256: sha, ext, alt: 'shot' };
  return third;
};

describe('parseAnswerDocument', () => {
  it('accepts what the builders make and returns a clean copy', () => {
    const doc = documentOf([
      paragraph([text('Hello '), text('there', 1)]),
      step('Do', 'See', {
        screenshot: { sha256: sha, ext: 'png', alt: 'x' },
        videoLink: { clipId: 1, timeS: 2 },
      }),
      resolution({ cause: 'c', done: 'd', remains: 'r', resolved: 'y', prevention: 'p' }, true),
      image({ sha256: sha, ext: 'webp' }, 'pic'),
    ]);
    const result = parseAnswerDocument(JSON.parse(JSON.stringify(doc)));
    expect(result).toEqual({ ok: true, doc });
  });

  it('names the step and its image for a path in the extension, in both languages', () => {
    const problem = problemOf(withShot('png/../../../library.sqlite'));
    expect(problem).toMatchObject({ place: 'step', number: 3, part: 'image', problem: 'mediaRef' });
    expect(message(problem, 'en')).toBe(
      'The answer was not saved: step 3: image: the file reference is not valid. Nothing was changed.',
    );
    expect(message(problem, 'ja')).toBe(
      '回答を保存しませんでした：手順 3の画像：ファイルの参照が正しくありません。何も変更していません。',
    );
  });

  it('names an image block by its own number, without a part', () => {
    const doc = documentOf([
      image({ sha256: sha, ext: 'png' }, 'a'),
      paragraph('x'),
      image({ sha256: sha, ext: 'png' }, 'b'),
    ]);
    const raw = JSON.parse(JSON.stringify(doc)) as { root: { children: Record<string, unknown>[] } };
    raw.root.children[2]!.sha256 = sha.toUpperCase();
    const problem = problemOf(raw);
    expect(problem).toMatchObject({ place: 'image', number: 2, part: null, problem: 'mediaRef' });
    expect(message(problem, 'en')).toContain('image 2: the file reference is not valid');
  });

  it('refuses unknown node types, extra and prototype properties', () => {
    const unknown = documentOf([paragraph('x')]) as unknown as { root: { children: unknown[] } };
    unknown.root.children.push({ type: 'iframe', version: 1, src: 'https://evil.example' });
    expect(problemOf(unknown)).toMatchObject({ place: 'block', number: 2, problem: 'unknownNode' });

    const proto = JSON.parse(
      '{"root":{"type":"root","version":1,"direction":null,"format":"","indent":0,"children":[{"type":"linebreak","version":1,"__proto__":{"polluted":1}}]}}',
    ) as unknown;
    expect(problemOf(proto)).toMatchObject({ problem: 'extraProperty' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps the public version\'s marks (node state) and refuses any other state', () => {
    const doc = documentOf([
      { ...paragraph('Dear Ms Tanaka,'), $: { kotaeRole: 'greeting' } },
      { ...paragraph('Only for you'), $: { kotaeCustomerOnly: true } },
      { ...image({ sha256: sha, ext: 'png' }, 'pic'), $: { kotaeCustomerOnly: true } },
    ]);
    const titled = { root: { ...doc.root, $: { kotaePublicTitle: 'Images on phones' } } };
    expect(parseAnswerDocument(JSON.parse(JSON.stringify(titled)))).toEqual({ ok: true, doc: titled });

    const other = JSON.parse(JSON.stringify(doc)) as { root: { children: Record<string, unknown>[] } };
    other.root.children[0]!.$ = { onclick: 'alert(1)' };
    expect(problemOf(other)).toMatchObject({ place: 'paragraph', number: 1, problem: 'extraProperty' });
    const blockTitle = JSON.parse(JSON.stringify(doc)) as { root: { children: Record<string, unknown>[] } };
    blockTitle.root.children[1]!.$ = { kotaePublicTitle: 'x' };
    expect(problemOf(blockTitle)).toMatchObject({ place: 'paragraph', number: 2 });
  });

  it('refuses deep nesting and too many nodes before the schema walks them, without recursion', () => {
    let node: Record<string, unknown> = text('deep');
    for (let i = 0; i < 100_000; i++) node = { ...paragraph(), children: [node] };
    expect(problemOf(documentOf([node as never]))).toMatchObject({
      place: 'paragraph',
      number: 1,
      problem: 'tooDeep',
    });
    const many = documentOf(Array.from({ length: documentLimits.maxNodes + 1 }, () => paragraph()));
    expect(problemOf(many)).toMatchObject({ place: 'document', problem: 'tooManyNodes' });
  });

  it('is the door of answers:save: the refusal is the DOCUMENT_INVALID error itself', () => {
    const parsed = AnswerDocumentInput.safeParse(withShot('../x'));
    expect(parsed.success).toBe(false);
    const issue = parsed.error!.issues[0]! as {
      params?: { appError?: { code: string; params: Record<string, unknown> } };
    };
    expect(issue.params?.appError).toMatchObject({
      code: 'DOCUMENT_INVALID',
      params: { place: 'step', number: 3 },
    });
  });

  it('lists every picture with where it is', () => {
    const doc = documentOf([
      step('a', 'b', { screenshot: { sha256: sha, ext: 'png', alt: 's' } }),
      image({ sha256: sha, ext: 'gif' }, 'i'),
    ]);
    expect(documentImages(doc).map((i) => [i.ext, i.where])).toEqual([
      ['png', { place: 'step', number: 1, part: 'image' }],
      ['gif', { place: 'image', number: 1, part: null }],
    ]);
  });
});

describe('clipboard and snippets', () => {
  it('checks a clipboard payload node by node', () => {
    expect(parseClipboardFragment({ namespace: 'kotae-answer', nodes: [text('hi')] }).ok).toBe(true);
    const bad = parseClipboardFragment({
      namespace: 'kotae-answer',
      nodes: [paragraph(), { type: 'kotae-image', version: 1, sha256: sha, ext: '/etc/passwd', alt: '' }],
    });
    expect(bad).toMatchObject({ ok: false, problem: { place: 'image', number: 1, problem: 'mediaRef' } });
  });

  it('tells plain-text templates from rich snippets, and checks the snippets', () => {
    expect(snippetBody('{{name}} 様').kind).toBe('text');
    expect(snippetBody('{"greeting": 1}').kind).toBe('text');
    expect(snippetBody(JSON.stringify({ nodes: [step('a', 'b')] })).kind).toBe('nodes');
    expect(snippetBody('{"nodes": [{"type": "script"}]}')).toMatchObject({
      kind: 'invalid',
      problem: { problem: 'unknownNode' },
    });
  });
});

describe('the schema', () => {
  it('bounds every string and list', () => {
    for (const schema of [AnswerDocumentShape, ClipboardFragmentShape, SnippetShape])
      expect(unboundedPaths(schema)).toEqual([]);
  });
});
