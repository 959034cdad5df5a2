import { z } from 'zod';
import { KotaeError, type AppError } from '../errors';
import { mediaRefKeys } from './media';
import {
  AnswerDocumentShape,
  ClipboardFragmentShape,
  documentLimits,
  SnippetShape,
  type AnswerDocument,
  type ClipboardFragment,
  type Snippet,
} from './schema';
import type { DocNode, Screenshot } from './document';

// The one check every door runs on an answer document (save, revision restore, snippets, paste,
// the demo library, bundle export, FAQ publish): bounded work first, then the schema, and a
// refusal that names the node the way the vendor sees it ("step 3: image: the file reference is
// not valid"), as a code and message parameters the UI and the CLI put into words.

export type { AnswerDocument, ClipboardFragment, Snippet };

/** Where a problem is, as the vendor finds it: the top-level block by its kind and number. */
export type DocumentPlace =
  | 'document'
  /** A paste or a snippet as a whole (it is a list of blocks, not a document). */
  | 'fragment'
  | 'paragraph'
  | 'heading'
  | 'quote'
  | 'list'
  | 'code'
  | 'table'
  | 'step'
  | 'options'
  | 'resolution'
  | 'image'
  | 'video'
  | 'block';

/** The part of that block (a step's screenshot, an option's pros, a link in a paragraph…). */
export type DocumentPart =
  | 'image'
  | 'videoLink'
  | 'verification'
  | 'action'
  | 'expected'
  | 'option'
  | 'optionTitle'
  | 'pros'
  | 'cons'
  | 'field'
  | 'link'
  | 'text'
  | 'item'
  | 'row'
  | 'cell'
  | 'content';

export type DocumentProblemKind =
  | 'notADocument'
  | 'mediaRef'
  | 'unknownNode'
  | 'extraProperty'
  | 'tooDeep'
  | 'tooManyNodes'
  | 'tooLong'
  | 'invalid';

export interface DocumentProblem {
  place: DocumentPlace;
  /** 1-based among the top-level blocks of its kind (step 3), or among all blocks for `block`. */
  number: number;
  part: DocumentPart | null;
  problem: DocumentProblemKind;
  /** Where and what in the JSON, for the log: `root.children.2.screenshot.ext: …`. */
  detail: string;
}

export type DocumentCheck<T> = { ok: true; doc: T } | { ok: false; problem: DocumentProblem };

const placeOfType: Record<string, DocumentPlace> = {
  paragraph: 'paragraph',
  heading: 'heading',
  quote: 'quote',
  list: 'list',
  code: 'code',
  table: 'table',
  'kotae-step': 'step',
  'kotae-options': 'options',
  'kotae-resolution': 'resolution',
  'kotae-image': 'image',
  'kotae-video': 'video',
};

export const partOfType: Readonly<Record<string, DocumentPart>> = {
  'kotae-step-action': 'action',
  'kotae-step-expected': 'expected',
  'kotae-option': 'option',
  'kotae-option-title': 'optionTitle',
  'kotae-option-pros': 'pros',
  'kotae-option-cons': 'cons',
  'kotae-resolution-field': 'field',
  'kotae-image': 'image',
  link: 'link',
  autolink: 'link',
  text: 'text',
  tab: 'text',
  linebreak: 'text',
  listitem: 'item',
  tablerow: 'row',
  tablecell: 'cell',
};

export const partOfProperty: Readonly<Record<string, DocumentPart>> = {
  screenshot: 'image',
  videoLink: 'videoLink',
  verified: 'verification',
};

type Json = Record<PropertyKey, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const typeOf = (v: unknown): string => (isObject(v) && typeof v.type === 'string' ? v.type : '');

/** The place of a top-level block among its siblings ("step 3"), from the raw JSON. */
export function placeIn(
  siblings: readonly unknown[],
  index: number,
): { place: DocumentPlace; number: number } {
  const place = placeOfType[typeOf(siblings[index])] ?? 'block';
  if (place === 'block') return { place, number: index + 1 };
  let number = 0;
  for (let i = 0; i <= index; i++) if (placeOfType[typeOf(siblings[i])] === place) number++;
  return { place, number };
}

const whole = (problem: DocumentProblemKind, detail: string): DocumentProblem => ({
  place: 'document',
  number: 0,
  part: null,
  problem,
  detail,
});

/**
 * Counts nodes, nesting and characters without recursion, before the schema walks the tree: a
 * hostile paste ten thousand levels deep or with a million nodes is refused in linear time and
 * constant stack, never by a stack overflow inside the parser.
 */
function measure(tops: readonly unknown[]): DocumentProblem | null {
  const stack: { node: unknown; depth: number; top: number }[] = tops.map((node, top) => ({
    node,
    depth: 1,
    top,
  }));
  let nodes = 0;
  let chars = 0;
  for (let item = stack.pop(); item; item = stack.pop()) {
    if (++nodes > documentLimits.maxNodes)
      return whole('tooManyNodes', `more than ${documentLimits.maxNodes} nodes`);
    if (item.depth > documentLimits.maxDepth)
      return {
        ...placeIn(tops, item.top),
        part: null,
        problem: 'tooDeep',
        detail: `nested deeper than ${documentLimits.maxDepth}`,
      };
    if (!isObject(item.node)) continue;
    for (const key of Object.keys(item.node)) {
      const value = item.node[key];
      if (typeof value === 'string') chars += value.length;
    }
    if (chars > documentLimits.maxChars)
      return whole('tooLong', `more than ${documentLimits.maxChars} characters`);
    const kids = item.node.children;
    if (Array.isArray(kids)) {
      if (kids.length > documentLimits.maxNodes)
        return whole('tooManyNodes', `more than ${documentLimits.maxNodes} nodes`);
      for (const node of kids) stack.push({ node, depth: item.depth + 1, top: item.top });
    }
  }
  return null;
}

function problemKind(issue: z.core.$ZodIssue, path: readonly PropertyKey[]): DocumentProblemKind {
  const last = path[path.length - 1];
  const inMedia = path.some((k) => k === 'screenshot') || last === 'sha256' || last === 'ext';
  if (issue.code === 'unrecognized_keys') return 'extraProperty';
  if (issue.code === 'invalid_union') return 'unknownNode';
  if (last !== undefined && mediaRefKeys.has(last)) return 'mediaRef';
  if (issue.code === 'too_big') return issue.origin === 'array' ? 'tooManyNodes' : 'tooLong';
  return inMedia ? 'mediaRef' : 'invalid';
}

/** The vendor's words for where a schema issue is: the top-level block, then its part. */
function locate(
  tops: readonly unknown[],
  topsPath: readonly PropertyKey[],
  issue: z.core.$ZodIssue,
): DocumentProblem {
  const path = issue.path;
  const detail = `${path.map(String).join('.') || '(document)'}: ${issue.message}`.slice(0, 500);
  const problem = problemKind(issue, path);
  const topsAt = topsPath.every((k, i) => path[i] === k) ? topsPath.length : -1;
  const index = topsAt >= 0 ? path[topsAt] : undefined;
  if (typeof index !== 'number') return whole(problem, detail);
  const where = placeIn(tops, index);
  let node: unknown = tops[index];
  let part: DocumentPart | null = null;
  for (let i = topsAt + 1; i < path.length; i++) {
    const key = path[i]!;
    const next: unknown = isObject(node) || Array.isArray(node) ? (node as Json)[key] : undefined;
    if (typeof key === 'string' && partOfProperty[key]) {
      part = partOfProperty[key];
      break;
    }
    if (typeof key === 'number' && path[i - 1] === 'children') {
      part = partOfType[typeOf(next)] ?? 'content';
    }
    node = next;
  }
  // The block's own image is the block ("image 2: …"), not a part of it.
  if (where.place === 'image' && part === 'image') part = null;
  return { ...where, part, problem, detail };
}

function check<T>(
  raw: unknown,
  shape: z.ZodType<T>,
  tops: (raw: Json) => unknown[] | null,
  topsPath: readonly PropertyKey[],
  wholePlace: 'document' | 'fragment' = 'document',
): DocumentCheck<T> {
  const refuse = (problem: DocumentProblem): DocumentCheck<T> => ({
    ok: false,
    problem: problem.place === 'document' ? { ...problem, place: wholePlace } : problem,
  });
  if (!isObject(raw)) return refuse(whole('notADocument', 'not a JSON object'));
  const top = tops(raw);
  if (!top) return refuse(whole('notADocument', `no ${topsPath.map(String).join('.')} list`));
  const measured = measure(top);
  if (measured) return refuse(measured);
  const parsed = shape.safeParse(raw);
  if (!parsed.success) return refuse(locate(top, topsPath, parsed.error.issues[0]!));
  return { ok: true, doc: parsed.data };
}

/** An answer document (`editorState.toJSON()`), checked: the parsed copy, or where it is wrong. */
export function parseAnswerDocument(raw: unknown): DocumentCheck<AnswerDocument> {
  const result = check(
    raw,
    AnswerDocumentShape,
    (doc) => (isObject(doc.root) && Array.isArray(doc.root.children) ? doc.root.children : null),
    ['root', 'children'],
  );
  // The stored JSON is held to the same size as the IPC contract always promised.
  if (result.ok && JSON.stringify(result.doc).length > documentLimits.maxJsonChars)
    return {
      ok: false,
      problem: whole('tooLong', `more than ${documentLimits.maxJsonChars} characters of JSON`),
    };
  return result;
}

/** The `application/x-lexical-editor` clipboard payload of the editor, checked the same way. */
export function parseClipboardFragment(raw: unknown): DocumentCheck<ClipboardFragment> {
  return check(
    raw,
    ClipboardFragmentShape,
    (p) => (Array.isArray(p.nodes) ? p.nodes : null),
    ['nodes'],
    'fragment',
  );
}

export type SnippetBody =
  | { kind: 'text' }
  | { kind: 'nodes'; nodes: Snippet['nodes'] }
  | { kind: 'invalid'; problem: DocumentProblem };

/**
 * What a template body is: plain text (paragraphs, `{{name}}`), or a rich snippet of whole blocks
 * `{"nodes": [...]}`, which is a piece of document and checked like one. JSON without `nodes` (or
 * text that merely starts with `{{name}}`) is plain text, inserted as words.
 */
export function snippetBody(body: string): SnippetBody {
  if (!body.trimStart().startsWith('{')) return { kind: 'text' };
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    return { kind: 'text' };
  }
  if (!isObject(raw) || !Object.hasOwn(raw, 'nodes')) return { kind: 'text' };
  const result = check(
    raw,
    SnippetShape,
    (p) => (Array.isArray(p.nodes) ? p.nodes : null),
    ['nodes'],
    'fragment',
  );
  return result.ok
    ? { kind: 'nodes', nodes: result.doc.nodes }
    : { kind: 'invalid', problem: result.problem };
}

/** Where a node sits, as the vendor finds it (the `where` of a DocumentProblem). */
export type DocumentWhere = Pick<DocumentProblem, 'place' | 'number' | 'part'>;

/** Every picture a (checked) document shows, in order, with where it is: image blocks and screenshots. */
export function documentImages(doc: AnswerDocument): (Screenshot & { where: DocumentWhere })[] {
  const found: (Screenshot & { where: DocumentWhere })[] = [];
  const blocks = doc.root.children;
  blocks.forEach((block, index) => {
    const { place, number } = placeIn(blocks, index);
    const walk = (node: DocNode, top: boolean) => {
      if (node.type === 'kotae-image')
        found.push({
          sha256: node.sha256,
          ext: node.ext,
          alt: node.alt,
          where: { place, number, part: top ? null : 'image' },
        });
      if (node.type === 'kotae-step' && node.screenshot)
        found.push({ ...node.screenshot, where: { place, number, part: 'image' } });
      if ('children' in node) for (const child of node.children) walk(child, false);
    };
    walk(block, true);
  });
  return found;
}

/** Message parameters for a place alone ("step 3: image"), as `errors:document.where` reads them. */
export function whereParams(where: DocumentWhere): Record<string, string | number> {
  const params: Record<string, string | number> = { place: where.place, number: where.number };
  if (where.part) {
    params.part = where.part;
    params.context = 'part';
  }
  return params;
}

/** A parse of JSON text that never throws: text that is not JSON is a problem like any other. */
export function parseDocumentJson<T>(
  text: string,
  parse: (raw: unknown) => DocumentCheck<T>,
): DocumentCheck<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problem: whole('notADocument', 'not JSON') };
  }
  return parse(raw);
}

/**
 * The message parameters of a problem. The `errors:document.where` resource turns them into
 * "step 3: image" in the UI's (or the CLI's) language; `context: 'part'` picks the variant with a part.
 */
export function problemParams(problem: DocumentProblem): Record<string, string | number> {
  return { ...whereParams(problem), problem: problem.problem };
}

/**
 * The error a door raises for a refused document: DOCUMENT_INVALID by default, or the door's own
 * code and message (a blocked export, a blocked publication) with the same parameters.
 */
export function documentError(
  problem: DocumentProblem,
  options: { code?: AppError['code']; messageKey?: string; params?: Record<string, string | number> } = {},
): KotaeError {
  return new KotaeError(
    options.code ?? 'DOCUMENT_INVALID',
    { ...problemParams(problem), ...options.params },
    problem.detail,
    options.messageKey,
  );
}

/**
 * The document as a channel's input: the same check, and a refusal that dispatch passes on as the
 * DOCUMENT_INVALID error itself (not as a generic INVALID_INPUT), so the vendor reads where.
 */
export const AnswerDocumentInput: z.ZodType<AnswerDocument, unknown> = z
  .unknown()
  .transform((raw, ctx): AnswerDocument => {
    const result = parseAnswerDocument(raw);
    if (result.ok) return result.doc;
    ctx.addIssue({
      code: 'custom',
      message: result.problem.detail,
      params: { appError: documentError(result.problem).toJSON() },
    });
    return z.NEVER;
  });
