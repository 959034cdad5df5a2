import { KotaeError, type AppError } from '../errors';

// Where in an answer document a problem is, in the vendor's terms ("step 3: image"), and the error
// a door raises for it: a code and message parameters that the `errors:document.*` resources put
// into words in the UI's or the CLI's language (shared/i18n/locales/*/errors.json).

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

export const placeOfType: Record<string, DocumentPlace> = {
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

/** The places of all top-level blocks at once ("paragraph 1", "step 1", "step 2"…), in one pass. */
export function placesOf(siblings: readonly unknown[]): { place: DocumentPlace; number: number }[] {
  const counts = new Map<DocumentPlace, number>();
  return siblings.map((node, index) => {
    const place = placeOfType[typeOf(node)] ?? 'block';
    if (place === 'block') return { place, number: index + 1 };
    const number = (counts.get(place) ?? 0) + 1;
    counts.set(place, number);
    return { place, number };
  });
}

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

/** A problem of the document as a whole. */
export const whole = (problem: DocumentProblemKind, detail: string): DocumentProblem => ({
  place: 'document',
  number: 0,
  part: null,
  problem,
  detail,
});

/** Where a node sits, as the vendor finds it (the `where` of a DocumentProblem). */
export type DocumentWhere = Pick<DocumentProblem, 'place' | 'number' | 'part'>;

/** Message parameters for a place alone ("step 3: image"), as `errors:document.where` reads them. */
export function whereParams(where: DocumentWhere): Record<string, string | number> {
  const params: Record<string, string | number> = { place: where.place, number: where.number };
  if (where.part) {
    params.part = where.part;
    params.context = 'part';
  }
  return params;
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
