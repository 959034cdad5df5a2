import type { z } from 'zod';
import { emptyDocument, paragraph, text } from './document';
import type { DocNode } from './document';
import { ImageExtension, Sha256Hex } from './media';
import { DocNode as DocNodeSchema, documentLimits, type AnswerDocument } from './schema';
import { parseAnswerDocument, partOfProperty, partOfType, placesOf, type DocumentProblem } from './validate';

// Bringing a stored document written before the schema (issue 15) into it, for migration 0125:
// what can be put right is (an extension the library knows for that picture, an upper-case hash,
// a property the editor never writes), and what cannot is taken out in the way that loses the
// fewest words (a node of an unknown kind gives up its children or its text; a picture that names
// no stored file becomes its description). Every change is listed, so the upgrade can say what it
// did, and the caller keeps the original.

export interface Repair {
  doc: AnswerDocument;
  /** What was changed, where: empty when the document already passed. */
  problems: DocumentProblem[];
}

/** The extension the library stores a picture under, by its hash (media_assets), or null. */
export type ImageExtensionOf = (sha256: string) => z.infer<typeof ImageExtension> | null;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const schemaOf = new Map(DocNodeSchema.options.map((o) => [o.shape.type.value as string, o]));
/** Each node's schema without its children: a node is checked once, not once per ancestor. */
const ownSchemaOf = new Map<string, z.ZodType>(
  DocNodeSchema.options.map((o) => [
    o.shape.type.value as string,
    'children' in o.shape ? (o as z.ZodObject).omit({ children: true }) : o,
  ]),
);
const textTypes = new Set(['text', 'tab']);

/** What a property falls back to when its stored value fails the schema; undefined drops it. */
function fallback(type: string, key: string): unknown {
  switch (key) {
    case 'version':
      return 1;
    case 'direction':
    case 'rel':
    case 'target':
    case 'backgroundColor':
    case 'language':
    case 'verified':
    case 'screenshot':
    case 'videoLink':
    case 'fullyResolved':
    case 'clipId':
      return null;
    case 'format':
      return textTypes.has(type) ? 0 : '';
    case 'indent':
    case 'detail':
    case 'headerState':
      return 0;
    case 'text':
      return type === 'tab' ? '\t' : '';
    case 'mode':
      return 'normal';
    case 'style':
    case 'url':
    case 'alt':
      return '';
    case 'title':
      return type === 'kotae-video' ? '' : null;
    case 'tag':
      return type === 'heading' ? 'h2' : 'ul';
    case 'listType':
      return 'bullet';
    case 'start':
    case 'value':
    case 'colSpan':
    case 'rowSpan':
      return 1;
    case 'isUnlinked':
      return false;
    case 'stepId':
      return `r${Math.random().toString(36).slice(2, 10)}`;
    case 'field':
      return 'cause';
    default:
      return undefined;
  }
}

/** A picture reference put right when the library knows the picture: its hash, its stored type. */
function fixImageRef(raw: Json, extOf: ImageExtensionOf): { sha256: string; ext: string } | null {
  const sha = typeof raw.sha256 === 'string' ? raw.sha256.toLowerCase() : '';
  if (!Sha256Hex.safeParse(sha).success) return null;
  const ext = ImageExtension.safeParse(raw.ext).success ? (raw.ext as string) : extOf(sha);
  return ext ? { sha256: sha, ext } : null;
}

/** The words under a node, without recursion (it may be nested past any limit). */
function wordsOf(node: unknown): string {
  let out = '';
  const stack: unknown[] = [node];
  for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
    if (!isObject(n)) continue;
    if (typeof n.text === 'string') out += n.text;
    else if (typeof n.alt === 'string') out += n.alt;
    if (Array.isArray(n.children)) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
    if (out.length > documentLimits.maxChars) break;
  }
  return out.slice(0, documentLimits.maxChars);
}

export function repairAnswerDocument(raw: unknown, extOf: ImageExtensionOf): Repair {
  const checked = parseAnswerDocument(raw);
  if (checked.ok) return { doc: checked.doc, problems: [] };
  const root = isObject(raw) && isObject(raw.root) ? raw.root : null;
  if (!root || !Array.isArray(root.children)) return { doc: emptyDocument(), problems: [checked.problem] };

  const tops = root.children as unknown[];
  const places = placesOf(tops);
  const problems: DocumentProblem[] = [];
  let nodes = 0;

  const repairNode = (
    input: unknown,
    depth: number,
    top: number,
    part: DocumentProblem['part'],
  ): DocNode[] => {
    const where = { ...places[top]!, part };
    const note = (problem: DocumentProblem['problem'], detail: string, at = where.part) =>
      problems.push({ ...where, part: at, problem, detail: detail.slice(0, 300) });
    if (++nodes > documentLimits.maxNodes) {
      if (nodes === documentLimits.maxNodes + 1) note('tooManyNodes', 'nodes past the limit left out');
      return [];
    }
    if (!isObject(input) || typeof input.type !== 'string') {
      note('invalid', 'not a node');
      return [];
    }
    let node: Json & { type: string } = input as Json & { type: string };
    const schema = schemaOf.get(node.type);
    const nodePart = depth > 1 ? (partOfType[node.type] ?? 'content') : null;
    if (!schema) {
      note('unknownNode', `unknown node type ${node.type.slice(0, 50)}`, nodePart);
      if (Array.isArray(node.children)) return node.children.flatMap((c) => repairNode(c, depth, top, part));
      const words = wordsOf(node);
      return words ? [text(words)] : [];
    }
    const ownSchema = ownSchemaOf.get(node.type)!;
    if (node.type === 'kotae-image' && !ownSchema.safeParse(node).success) {
      const ref = fixImageRef(node, extOf);
      if (ref && (ref.sha256 !== node.sha256 || ref.ext !== node.ext))
        note('mediaRef', 'picture reference put right', nodePart);
      if (!ref) {
        note(
          'mediaRef',
          `picture ${String(node.sha256).slice(0, 70)}.${String(node.ext).slice(0, 70)} left as its description`,
          nodePart,
        );
        const alt = typeof node.alt === 'string' ? node.alt.slice(0, 2_000) : '';
        return alt ? [depth === 1 ? paragraph(alt) : text(alt)] : [];
      }
      node = { ...node, ...ref };
    }
    const { children: rawKids, ...own } = node;
    const quick = ownSchema.safeParse(own);
    const out: Json = quick.success ? { ...(quick.data as Json) } : { type: node.type };
    if (!quick.success)
      for (const [key, field] of Object.entries(schema.shape)) {
        if (key === 'type' || key === 'children') continue;
        let value = node[key];
        if (key === 'screenshot' && isObject(value) && !(field as z.ZodType).safeParse(value).success) {
          const ref = fixImageRef(value, extOf);
          note(
            'mediaRef',
            ref ? 'screenshot reference put right' : 'screenshot that names no stored picture removed',
            partOfProperty.screenshot,
          );
          value = ref ? { ...ref, alt: typeof value.alt === 'string' ? value.alt : '' } : null;
        }
        if (value !== undefined && !(field as z.ZodType).safeParse(value).success) {
          note('invalid', `${node.type}.${key} reset`, partOfProperty[key] ?? nodePart);
          value = fallback(node.type, key);
        }
        if (value !== undefined) out[key] = value;
      }
    const extra = quick.success ? [] : Object.keys(node).filter((k) => !(k in schema.shape));
    if (extra.length)
      note('extraProperty', `${node.type}: ${extra.join(', ').slice(0, 200)} left out`, nodePart);
    if ('children' in schema.shape) {
      const kids = Array.isArray(rawKids) ? rawKids : [];
      if (depth >= documentLimits.maxDepth - 1 && kids.length) {
        // Past the nesting the schema allows, what is below keeps its words as one text.
        note('tooDeep', 'nesting flattened', nodePart);
        const words = kids.map(wordsOf).join('');
        out.children = words ? [text(words)] : [];
      } else out.children = kids.flatMap((c) => repairNode(c, depth + 1, top, nodePart ?? part));
    }
    // Its children were each checked on their way up; the node's own fields are checked here.
    const { children: keptKids, ...keptOwn } = out;
    if (ownSchema.safeParse(keptOwn).success) return [out as DocNode];
    note('invalid', `${node.type} could not be kept`, nodePart);
    return Array.isArray(keptKids) ? (keptKids as DocNode[]) : [];
  };

  const blocks = tops.flatMap((node, i) => repairNode(node, 1, i, null));
  // Text left at the top (an unwrapped node's words) goes into a paragraph, as Lexical would put it.
  const inline = new Set(['text', 'tab', 'linebreak', 'link', 'autolink']);
  const children = blocks.map((b) => (inline.has(b.type) ? paragraph([b]) : b));
  const candidate = { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children } };
  const again = parseAnswerDocument(candidate);
  // The JSON size limit is the one thing a repair does not make (the IPC contract always held
  // documents to it, so none should be past it): such a document is replaced by an empty one,
  // and the caller keeps the original beside it.
  if (!again.ok) return { doc: emptyDocument(), problems: [...problems, again.problem] };
  return { doc: again.doc, problems: problems.length ? problems : [checked.problem] };
}
