import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KotaeError } from '../../../shared/errors';
import { createLibrary, listLog, seedDemo, type Library } from '../library';
import { useTempDir } from '../testing';
import {
  catalogueFile,
  createCapability,
  deleteCapability,
  exportCatalogue,
  importCatalogueFile,
  listCapabilities,
  moveCapability,
  updateCapability,
} from './index';

const tempDir = useTempDir();
const open = (demo = true): Library =>
  createLibrary(path.join(tempDir(), 'lib'), {
    clock: () => new Date('2026-11-23T09:00:00.000Z'),
    ...(demo ? { seed: seedDemo } : {}),
  });
const fields = { description: '', keywords: [] as string[] };

describe('editing the catalogue', () => {
  it('adds an area and operations, renames, reorders and deletes, logging each', () => {
    const library = open(false);
    const area = createCapability(library, { parentId: null, title: 'Forms', ...fields });
    expect(area).toMatchObject({ kind: 'area', parentId: null, position: 0 });
    const a = createCapability(library, {
      parentId: area.id,
      title: 'Add a field',
      description: 'd',
      keywords: [' x ', 'x', ''],
    });
    const b = createCapability(library, { parentId: area.id, title: 'Remove a field', ...fields });
    expect(a).toMatchObject({ kind: 'operation', keywords: ['x'], position: 0 });
    expect(b.position).toBe(1);
    expect(() => createCapability(library, { parentId: a.id, title: 'too deep', ...fields })).toThrow(
      KotaeError,
    );
    expect(
      updateCapability(library, { id: a.id, title: 'Add form fields', description: 'd2', keywords: ['y'] })
        .title,
    ).toBe('Add form fields');
    moveCapability(library, b.id, 'up');
    const ops = listCapabilities(library.db).filter((c) => c.parentId === area.id);
    expect(ops.map((c) => c.title)).toEqual(['Remove a field', 'Add form fields']);
    expect(deleteCapability(library, area.id)).toEqual({ deleted: 3 });
    expect(listCapabilities(library.db)).toEqual([]);
    expect(listLog(library.db, { limit: 100 }).map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'capability.created',
        'capability.updated',
        'capability.moved',
        'capability.deleted',
      ]),
    );
  });
});

describe('JSON export and import', () => {
  it('round-trips: export then import into an empty library gives the same tree', async () => {
    const source = open();
    const file = path.join(tempDir(), 'caps.json');
    const counts = await exportCatalogue(source, file);
    expect(counts.areas).toBeGreaterThan(0);
    const target = open(false);
    const report = await importCatalogueFile(target, file);
    expect(report).toEqual({ added: counts.areas + counts.operations, updated: 0, unchanged: 0 });
    expect(catalogueFile(target).areas).toEqual(catalogueFile(source).areas);
    // Importing it again changes nothing.
    expect(await importCatalogueFile(target, file)).toEqual({
      added: 0,
      updated: 0,
      unchanged: counts.areas + counts.operations,
    });
  });

  it('merges by title: updates descriptions, adds new entries, keeps links', async () => {
    const library = open();
    const file = path.join(tempDir(), 'caps.json');
    await exportCatalogue(library, file);
    const json = JSON.parse(readFileSync(file, 'utf8'));
    json.areas[0].description.en = 'changed';
    json.areas[0].operations.push({ title: { en: 'New op' }, description: {}, keywords: ['n'] });
    writeFileSync(file, JSON.stringify(json));
    const links = library.db.prepare('SELECT count(*) FROM question_capabilities').pluck().get();
    const report = await importCatalogueFile(library, file);
    expect(report.added).toBe(1);
    expect(report.updated).toBe(1);
    expect(library.db.prepare('SELECT count(*) FROM question_capabilities').pluck().get()).toBe(links);
  });

  it('refuses an invalid file with what is wrong where, and changes nothing', async () => {
    const library = open();
    const file = path.join(tempDir(), 'caps.json');
    await exportCatalogue(library, file);
    const json = JSON.parse(readFileSync(file, 'utf8'));
    // The first area is valid and new, the second one is broken: nothing may be imported.
    json.areas.unshift({ title: { en: 'Brand new area' }, operations: [] });
    json.areas[2].operations[0].title = { ja: '' };
    writeFileSync(file, JSON.stringify(json));
    const logCount = library.db.prepare('SELECT count(*) FROM log_entries').pluck();
    const before = logCount.get();
    const rows = listCapabilities(library.db);
    const error = await importCatalogueFile(library, file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KotaeError);
    expect((error as KotaeError).code).toBe('IMPORT_FAILED');
    expect((error as KotaeError).detail).toContain('areas.2.operations.0.title');
    // The reader is told where and what in words of their language, never in zod's.
    expect((error as KotaeError).items).toEqual([
      {
        key: 'capabilities:importIssue.line',
        params: {
          where: { key: 'capabilities:importIssue.where.operation', params: { area: 3, operation: 1 } },
          field: { key: 'capabilities:importIssue.field.title' },
          problem: { key: 'capabilities:importIssue.problem.missing' },
        },
      },
    ]);
    expect(listCapabilities(library.db)).toEqual(rows);
    expect(logCount.get()).toBe(before);

    writeFileSync(file, '{ not json');
    await expect(importCatalogueFile(library, file)).rejects.toThrow(/not JSON/);
    writeFileSync(
      file,
      JSON.stringify({ format: 'kotae-capabilities', version: 1, areas: [{ title: 'A' }, { title: 'A' }] }),
    );
    await expect(importCatalogueFile(library, file)).rejects.toThrow(/areas.1.title: duplicate/);
  });

  it('never half-imports: a failure during the merge rolls back every entry', async () => {
    const library = open(false);
    const file = path.join(tempDir(), 'caps.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'kotae-capabilities',
        version: 1,
        areas: [{ title: 'A', operations: [{ title: 'a1' }] }, { title: 'B' }],
      }),
    );
    library.db.exec(
      "CREATE TEMP TRIGGER fail_b BEFORE INSERT ON capabilities WHEN NEW.title = 'B' BEGIN SELECT RAISE(ABORT, 'disk trouble'); END",
    );
    await expect(importCatalogueFile(library, file)).rejects.toThrow(/disk trouble/);
    expect(listCapabilities(library.db)).toEqual([]);
  });
});

describe('the catalogue in two languages (issue 18)', () => {
  const texts = (ja: string, en: string) => ({
    ja: { title: ja, description: ja ? `${ja}の説明` : '' },
    en: { title: en, description: en ? `About ${en}` : '' },
  });

  it('keeps a title and description per language; the label is Japanese when written', () => {
    const library = open(false);
    const area = createCapability(library, {
      parentId: null,
      texts: texts('フォーム', 'Forms'),
      keywords: [],
    });
    expect(area.texts).toEqual(texts('フォーム', 'Forms'));
    expect(area.title).toBe('フォーム');
    const english = createCapability(library, {
      parentId: area.id,
      texts: texts('', 'Add a field'),
      keywords: [],
    });
    expect(english.title).toBe('Add a field');
    // A caller that knows only one text changes that language, never the other.
    const renamed = updateCapability(library, {
      id: area.id,
      title: 'Web forms',
      description: '',
      keywords: [],
    });
    expect(renamed.texts).toEqual({
      ja: texts('フォーム', '').ja,
      en: { title: 'Web forms', description: '' },
    });
    expect(() => createCapability(library, { parentId: null, texts: texts('', ' '), keywords: [] })).toThrow(
      expect.objectContaining({ messageKey: 'capabilities:errors.titleRequired' }),
    );
  });

  it('exports both languages, and reads a one-language (version 1) file into the language it is written in', async () => {
    const library = open();
    const file = path.join(tempDir(), 'caps.json');
    await exportCatalogue(library, file);
    const json = JSON.parse(readFileSync(file, 'utf8'));
    expect(json.version).toBe(2);
    expect(json.areas[0].title).toEqual({ ja: 'ページ編集', en: 'Editing pages' });

    // An old English file updates the English texts and keeps the Japanese ones.
    const old = path.join(tempDir(), 'old.json');
    writeFileSync(
      old,
      JSON.stringify({
        format: 'kotae-capabilities',
        version: 1,
        areas: [
          {
            title: 'Editing pages',
            description: 'Pages and blocks.',
            operations: [{ title: 'Print a page' }],
          },
        ],
      }),
    );
    const report = await importCatalogueFile(library, old);
    expect(report).toMatchObject({ added: 1, updated: 1 });
    const area = listCapabilities(library.db).find((c) => c.texts.en.title === 'Editing pages')!;
    expect(area.texts.ja.title).toBe('ページ編集');
    expect(area.texts.en.description).toBe('Pages and blocks.');
    const added = listCapabilities(library.db).find((c) => c.texts.en.title === 'Print a page')!;
    expect(added).toMatchObject({ parentId: area.id, texts: { ja: { title: '' } } });

    // An old Japanese file goes to the Japanese texts.
    writeFileSync(
      old,
      JSON.stringify({ format: 'kotae-capabilities', version: 1, areas: [{ title: '新しいエリア' }] }),
    );
    await importCatalogueFile(library, old);
    expect(
      listCapabilities(library.db).find((c) => c.texts.ja.title === '新しいエリア')?.texts.en.title,
    ).toBe('');
  });
});
