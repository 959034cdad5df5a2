import { z } from 'zod';
import { isJapaneseText, type CapabilityText } from '../domain/capability';
import type { Language } from '../domain/common';
import type { ErrorItem, MessageRef } from '../errors';

// The scope catalogue as a JSON file: what Export writes and Import reads. Titles identify
// entries (an area by its title, an operation by its area and title, in either language), so a
// file exported from one library merges into another without ids.
//
// Version 2 (written since issue 18) has each text per language:
//   { "title": { "ja": "ページ編集", "en": "Editing pages" }, "description": { "ja": "…", "en": "…" } }
// Version 1 (one language) is still read: its texts go to the language they are written in
// (Japanese when any of them is, else English).

const MAX_TITLE = 300;
const MAX_DESCRIPTION = 10_000;

const Keywords = z.array(z.string().trim().min(1).max(100)).max(200).default([]);

const V1Entry = {
  title: z.string().trim().min(1).max(MAX_TITLE),
  description: z.string().max(MAX_DESCRIPTION).default(''),
  keywords: Keywords,
};
const V1File = z.strictObject({
  format: z.literal('kotae-capabilities'),
  version: z.literal(1),
  product: z.string().max(300).optional(),
  areas: z
    .array(z.strictObject({ ...V1Entry, operations: z.array(z.strictObject(V1Entry)).max(1000).default([]) }))
    .max(1000),
});

const PerLanguage = (max: number) =>
  z.strictObject({ ja: z.string().trim().max(max).optional(), en: z.string().trim().max(max).optional() });
const V2Entry = {
  title: PerLanguage(MAX_TITLE).refine((t) => !!(t.ja || t.en), { message: 'missing' }),
  description: PerLanguage(MAX_DESCRIPTION).default({}),
  keywords: Keywords,
};
const V2File = z.strictObject({
  format: z.literal('kotae-capabilities'),
  version: z.literal(2),
  product: z.string().max(300).optional(),
  areas: z
    .array(z.strictObject({ ...V2Entry, operations: z.array(z.strictObject(V2Entry)).max(1000).default([]) }))
    .max(1000),
});
export type CatalogueFileV2 = z.input<typeof V2File>;

/** An entry as the library takes it: the languages the file has text for, and its keywords. */
export interface CatalogueEntry {
  texts: Partial<Record<Language, CapabilityText>>;
  keywords: string[];
}
export interface CatalogueArea extends CatalogueEntry {
  operations: CatalogueEntry[];
}
export interface CatalogueFile {
  product?: string | undefined;
  areas: CatalogueArea[];
}

const Header = z.object({ format: z.unknown(), version: z.unknown() });

/** Where a problem is, and what it is, as lines in the reader's language (no zod wording). */
export class CatalogueFileError extends Error {
  /** items: for the reader; detail: the same as paths in the file, for the log. */
  constructor(
    readonly items: ErrorItem[],
    readonly detail: string,
  ) {
    super(`catalogue file: ${detail}`);
  }
}

const pathsOf = (issues: readonly z.core.$ZodIssue[]) =>
  issues
    .slice(0, LIMIT)
    .map((i) => `${i.path.map(String).join('.') || '(file)'}: ${i.code}`)
    .join('; ');

/** Reads a parsed JSON value as a catalogue of either version; throws CatalogueFileError. */
export function readCatalogueFile(json: unknown): CatalogueFile {
  const header = Header.safeParse(json);
  if (!header.success || header.data.format !== 'kotae-capabilities')
    throw new CatalogueFileError(
      [{ key: 'capabilities:importIssue.notCatalogue' }],
      'format: not kotae-capabilities',
    );
  const version = header.data.version;
  if (version === 1) {
    const parsed = V1File.safeParse(json);
    if (!parsed.success)
      throw new CatalogueFileError(
        describeIssues(parsed.error.issues, 1, json),
        pathsOf(parsed.error.issues),
      );
    return checkDuplicates(fromV1(parsed.data));
  }
  if (version === 2) {
    const parsed = V2File.safeParse(json);
    if (!parsed.success)
      throw new CatalogueFileError(
        describeIssues(parsed.error.issues, 2, json),
        pathsOf(parsed.error.issues),
      );
    return checkDuplicates(fromV2(parsed.data));
  }
  throw new CatalogueFileError(
    [{ key: 'capabilities:importIssue.version', params: { version: String(version).slice(0, 20) } }],
    `version: ${String(version).slice(0, 20)} is not 1 or 2`,
  );
}

function fromV1(file: z.infer<typeof V1File>): CatalogueFile {
  const texts = file.areas.flatMap((a) => [a, ...a.operations]).map((e) => `${e.title} ${e.description}`);
  const language: Language = texts.some(isJapaneseText) ? 'ja' : 'en';
  const entry = (e: { title: string; description: string; keywords: string[] }): CatalogueEntry => ({
    texts: { [language]: { title: e.title, description: e.description } },
    keywords: e.keywords,
  });
  return {
    product: file.product,
    areas: file.areas.map((a) => ({ ...entry(a), operations: a.operations.map(entry) })),
  };
}

function fromV2(file: z.infer<typeof V2File>): CatalogueFile {
  const entry = (e: z.infer<z.ZodObject<typeof V2Entry>>): CatalogueEntry => {
    const texts: CatalogueEntry['texts'] = {};
    for (const language of ['ja', 'en'] as const) {
      const title = e.title[language];
      if (title) texts[language] = { title, description: e.description[language] ?? '' };
    }
    return { texts, keywords: e.keywords };
  };
  return {
    product: file.product,
    areas: file.areas.map((a) => ({ ...entry(a), operations: a.operations.map(entry) })),
  };
}

/** Titles identify entries, so two with one title would be merged silently: refuse instead. */
function checkDuplicates(file: CatalogueFile): CatalogueFile {
  const items: ErrorItem[] = [];
  const paths: string[] = [];
  const check = (
    entries: CatalogueEntry[],
    where: (i: number) => MessageRef,
    path: (i: number) => string,
  ) => {
    for (const language of ['ja', 'en'] as const) {
      const seen = new Set<string>();
      entries.forEach((e, i) => {
        const title = e.texts[language]?.title;
        if (!title) return;
        if (seen.has(title)) {
          items.push({ key: 'capabilities:importIssue.duplicate', params: { where: where(i), title } });
          paths.push(`${path(i)}.title: duplicate`);
        }
        seen.add(title);
      });
    }
  };
  check(
    file.areas,
    (i) => whereItem(i),
    (i) => `areas.${i}`,
  );
  file.areas.forEach((area, i) =>
    check(
      area.operations,
      (j) => whereItem(i, j),
      (j) => `areas.${i}.operations.${j}`,
    ),
  );
  if (items.length) throw new CatalogueFileError(limitItems(items), paths.slice(0, LIMIT).join('; '));
  return file;
}

function whereItem(area?: number, operation?: number): MessageRef {
  if (area === undefined) return { key: 'capabilities:importIssue.where.file' };
  if (operation === undefined)
    return { key: 'capabilities:importIssue.where.area', params: { area: area + 1 } };
  return {
    key: 'capabilities:importIssue.where.operation',
    params: { area: area + 1, operation: operation + 1 },
  };
}

const LIMIT = 10;
function limitItems(items: ErrorItem[]): ErrorItem[] {
  if (items.length <= LIMIT) return items;
  return [
    ...items.slice(0, LIMIT),
    { key: 'capabilities:importIssue.more', params: { count: items.length - LIMIT } },
  ];
}

const knownFields = new Set([
  'title',
  'description',
  'keywords',
  'operations',
  'areas',
  'format',
  'version',
  'product',
]);

/** zod's issues as lines a person can act on: where in the file, which field, what is wrong. */
function describeIssues(issues: readonly z.core.$ZodIssue[], version: 1 | 2, json: unknown): ErrorItem[] {
  const items = issues.map((issue): ErrorItem => {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const area = path[0] === 'areas' && typeof path[1] === 'number' ? path[1] : undefined;
    const operation =
      area !== undefined && path[2] === 'operations' && typeof path[3] === 'number' ? path[3] : undefined;
    const rest = path.slice(operation !== undefined ? 4 : area !== undefined ? 2 : 0);
    const where = whereItem(area, operation);
    let fieldName = typeof rest[0] === 'string' && knownFields.has(rest[0]) ? rest[0] : null;
    if (issue.code === 'unrecognized_keys')
      return {
        key: 'capabilities:importIssue.unknownField',
        params: { where, name: issue.keys.join(', ').slice(0, 200) },
      };
    if (!fieldName) return { key: 'capabilities:importIssue.invalid', params: { where } };
    const language = rest[1] === 'ja' || rest[1] === 'en' ? rest[1] : null;
    if (version === 2 && language && (fieldName === 'title' || fieldName === 'description'))
      fieldName = `${fieldName}_${language}`;
    if (fieldName === 'keywords' && typeof rest[1] === 'number')
      return {
        key: 'capabilities:importIssue.keyword',
        params: { where, n: rest[1] + 1, problem: problemOf(issue, json) },
      };
    const field = { key: `capabilities:importIssue.field.${fieldName}` };
    return {
      key: 'capabilities:importIssue.line',
      params: { where, field, problem: problemOf(issue, json) },
    };
  });
  return limitItems(items);
}

/** The value at a path of the parsed JSON (zod does not hand it back by default). */
function valueAt(json: unknown, path: readonly PropertyKey[]): unknown {
  let value = json;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = Object.hasOwn(value, key as string) ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return value;
}

function problemOf(issue: z.core.$ZodIssue, json: unknown): MessageRef {
  switch (issue.code) {
    case 'invalid_type':
      return valueAt(json, issue.path) === undefined
        ? { key: 'capabilities:importIssue.problem.missing' }
        : { key: `capabilities:importIssue.problem.expected.${expectedOf(issue.expected)}` };
    case 'too_big':
      return { key: 'capabilities:importIssue.problem.tooLong', params: { max: Number(issue.maximum) } };
    case 'too_small':
      return { key: 'capabilities:importIssue.problem.missing' };
    case 'custom':
      return { key: 'capabilities:importIssue.problem.missing' };
    default:
      return { key: 'capabilities:importIssue.problem.invalid' };
  }
}

function expectedOf(expected: string): 'text' | 'list' | 'object' | 'number' | 'other' {
  if (expected === 'string') return 'text';
  if (expected === 'array') return 'list';
  if (expected === 'object') return 'object';
  if (expected === 'number' || expected === 'int') return 'number';
  return 'other';
}
