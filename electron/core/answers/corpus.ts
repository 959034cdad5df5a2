import {
  documentOf,
  image,
  paragraph,
  step,
  text,
  type AnswerDocument,
} from '../../../shared/answers/document';
import type { DocumentProblem } from '../../../shared/answers/validate';

// Hostile answer documents (issue 15): each arrives as JSON text, as it would from the window
// (answers:save), from history (a revision written by an older version), from a web page's
// clipboard (application/x-lexical-editor) or from a library changed behind the app's back. Each
// must be refused at every door with the node named (`expected`): at save, at revision restore,
// at bundle export and FAQ publish (corpus.test.ts), and at paste (e2e/specs/hostile-document-paste).
// Pure data and generators, no Node: the Playwright spec imports it too.

export interface DocumentCase {
  name: string;
  /** The whole document as JSON text (text, so prototype keys survive as own properties). */
  json: () => string;
  expected: Pick<DocumentProblem, 'place' | 'number' | 'part' | 'problem'>;
  /** The harm is in the document's root, which a paste does not carry. */
  wholeDocumentOnly?: boolean;
}

const sha = 'ab'.repeat(32);

/** Two paragraphs, then three steps: the third step's screenshot is where most cases strike. */
function base(): AnswerDocument {
  return documentOf([
    paragraph('Thank you for your question.'),
    step('Open Settings', 'The settings page opens'),
    step('Choose Images', 'The image list shows'),
    step('Upload the picture again', 'It shows on phones', {
      screenshot: { sha256: sha, ext: 'png', alt: 'upload' },
    }),
    paragraph('Kind regards'),
  ]);
}

type Mutable = { root: { children: Record<string, unknown>[] } };

/** The base document with a change made to its JSON object. */
function edited(change: (doc: Mutable) => void): () => string {
  return () => {
    const doc = JSON.parse(JSON.stringify(base())) as Mutable;
    change(doc);
    return JSON.stringify(doc);
  };
}

const shot = (doc: Mutable) => doc.root.children[3]!.screenshot as Record<string, unknown>;
const step3Image = { place: 'step', number: 3, part: 'image', problem: 'mediaRef' } as const;

export const hostileDocuments: DocumentCase[] = [
  {
    name: 'the issue: an extension that climbs out to the library database',
    json: edited((d) => (shot(d).ext = 'png/../../../library.sqlite')),
    expected: step3Image,
  },
  {
    name: 'an absolute path as the extension',
    json: edited((d) => (shot(d).ext = '/etc/passwd')),
    expected: step3Image,
  },
  {
    name: 'backslashes (a Windows path) in the extension',
    json: edited((d) => (shot(d).ext = 'png\\..\\..\\..\\library.sqlite')),
    expected: step3Image,
  },
  {
    name: 'a NUL byte in the extension',
    json: edited((d) => (shot(d).ext = 'png\u0000.sqlite')),
    expected: step3Image,
  },
  {
    name: 'an extension outside the closed list (SVG can carry script)',
    json: edited((d) => (shot(d).ext = 'svg')),
    expected: step3Image,
  },
  {
    name: 'an upper-case sha256',
    json: edited((d) => (shot(d).sha256 = sha.toUpperCase())),
    expected: step3Image,
  },
  {
    name: 'a sha256 one digit short',
    json: edited((d) => (shot(d).sha256 = sha.slice(1))),
    expected: step3Image,
  },
  {
    name: 'a path where the sha256 goes',
    json: edited((d) => (shot(d).sha256 = `../../../../../../etc/${'x'.repeat(40)}`)),
    expected: step3Image,
  },
  {
    name: 'an image block that names a file by URL',
    json: edited((d) =>
      d.root.children.splice(1, 0, {
        ...image({ sha256: sha, ext: 'png' }, 'x'),
        ext: 'png',
        sha256: 'https://evil.example/x.png',
      }),
    ),
    expected: { place: 'image', number: 1, part: null, problem: 'mediaRef' },
  },
  {
    name: 'an unknown node type (an iframe)',
    json: edited((d) =>
      d.root.children.splice(2, 0, { type: 'iframe', version: 1, src: 'https://evil.example/' }),
    ),
    expected: { place: 'block', number: 3, part: null, problem: 'unknownNode' },
  },
  {
    name: 'an unknown node inside a step',
    json: edited((d) =>
      (d.root.children[1]!.children as unknown[]).push({ type: 'script', version: 1, text: 'alert(1)' }),
    ),
    expected: { place: 'step', number: 1, part: 'content', problem: 'unknownNode' },
  },
  {
    name: 'an extra property on an image (a src the renderer might follow)',
    json: edited((d) => (shot(d).src = 'file:///etc/passwd')),
    expected: { place: 'step', number: 3, part: 'image', problem: 'extraProperty' },
  },
  {
    name: 'an extra property on a paragraph (an event handler)',
    json: edited((d) => (d.root.children[0]!.onclick = 'alert(1)')),
    expected: { place: 'paragraph', number: 1, part: null, problem: 'extraProperty' },
  },
  {
    name: 'a __proto__ key on a text node',
    json: () =>
      JSON.stringify(base()).replace('"text":"Thank you', '"__proto__":{"isAdmin":true},"text":"Thank you'),
    expected: { place: 'paragraph', number: 1, part: 'text', problem: 'extraProperty' },
  },
  {
    name: 'a constructor key on the root',
    json: () => JSON.stringify(base()).replace('"root":{', '"root":{"constructor":{"prototype":{"x":1}},'),
    expected: { place: 'document', number: 0, part: null, problem: 'extraProperty' },
    wholeDocumentOnly: true,
  },
  {
    name: 'nesting ten thousand levels deep',
    json: () => {
      // Built as text: an object this deep would overflow JSON.stringify's own recursion.
      const quote = '{"type":"quote","version":1,"direction":null,"format":"","indent":0,"children":[';
      const root = '{"root":{"type":"root","version":1,"direction":null,"format":"","indent":0,"children":[';
      return `${root}${quote.repeat(10_000)}${JSON.stringify(paragraph('x'))}${']}'.repeat(10_000)}]}}`;
    },
    expected: { place: 'quote', number: 1, part: null, problem: 'tooDeep' },
  },
  {
    name: 'a hundred thousand nodes',
    json: () => JSON.stringify(documentOf(Array.from({ length: 100_000 }, () => paragraph([text('x')])))),
    expected: { place: 'document', number: 0, part: null, problem: 'tooManyNodes' },
  },
  {
    name: 'five megabytes of text in one step',
    json: edited((d) =>
      (
        (d.root.children[2]!.children as Record<string, unknown>[])[0]!.children as Record<string, unknown>[]
      ).push(text('x'.repeat(5 * 1024 * 1024))),
    ),
    expected: { place: 'document', number: 0, part: null, problem: 'tooLong' },
  },
  {
    name: 'a screenshot that is a string',
    json: edited((d) => (d.root.children[3]!.screenshot = '../../library.sqlite')),
    expected: step3Image,
  },
  {
    name: 'a video link to a clip id that is a path',
    json: edited((d) => (d.root.children[1]!.videoLink = { clipId: '../1', timeS: 0 })),
    expected: { place: 'step', number: 1, part: 'videoLink', problem: 'invalid' },
  },
];

/**
 * The clipboard payload the editor would put up for the case's blocks (`application/x-lexical-editor`),
 * cut from the JSON text: the blocks are the root's children, between its first `"children":` and
 * its last `,"direction"` (documentOf writes the root's own fields after them).
 */
export function clipboardPayload(json: string): string {
  return `{"namespace":"kotae-answer","nodes":${blocksOf(json)}}`;
}

/** The body of a rich snippet made of the case's blocks (templates:save). */
export function snippetPayload(json: string): string {
  return `{"nodes":${blocksOf(json)}}`;
}

function blocksOf(json: string): string {
  const start = json.indexOf('"children":') + '"children":'.length;
  const end = json.startsWith('{"root":{"type":"root","version":1')
    ? json.length - 2
    : json.lastIndexOf(',"direction"');
  return json.slice(start, end);
}
