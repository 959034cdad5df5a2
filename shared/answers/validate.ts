import { z } from 'zod';
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
import {
  documentError,
  partOfProperty,
  partOfType,
  placeIn,
  placesOf,
  whole,
  type DocumentPart,
  type DocumentProblem,
  type DocumentProblemKind,
  type DocumentWhere,
} from './problems';

// The one check every door runs on an answer document (save, revision restore, snippets, paste,
// the demo library, bundle export, FAQ publish): bounded work first, then the schema, and a
// refusal that names the node the way the vendor sees it ("step 3: image: the file reference is
// not valid"), as a code and message parameters the UI and the CLI put into words.

export type { AnswerDocument, ClipboardFragment, Snippet };
export {
  documentError,
  partOfProperty,
  partOfType,
  placeIn,
  placesOf,
  problemParams,
  whereParams,
  type DocumentPart,
  type DocumentPlace,
  type DocumentProblem,
  type DocumentProblemKind,
  type DocumentWhere,
} from './problems';

export type DocumentCheck<T> = { ok: true; doc: T } | { ok: false; problem: DocumentProblem };

type Json = Record<PropertyKey, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const typeOf = (v: unknown): string => (isObject(v) && typeof v.type === 'string' ? v.type : '');

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

/** Every picture a (checked) document shows, in order, with where it is: image blocks and screenshots. */
export function documentImages(doc: AnswerDocument): (Screenshot & { where: DocumentWhere })[] {
  const found: (Screenshot & { where: DocumentWhere })[] = [];
  const blocks = doc.root.children;
  const places = placesOf(blocks);
  blocks.forEach((block, index) => {
    const { place, number } = places[index]!;
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
