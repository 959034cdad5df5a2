import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../core/testing';
import { kotae } from './testing';

// Black-box: `kotae search` as a script runs it, on the demo library.
const tempDir = useTempDir();

function demo(): string {
  const lib = path.join(tempDir(), 'lib');
  expect(kotae('init', '--demo', '--library', lib).code).toBe(0);
  return lib;
}

interface Hit {
  kind: string;
  id: number;
  title: string;
  snippet: string;
  ranges: [number, number][];
}

describe('kotae search', () => {
  it('prints ranked hits as JSON: kind, id, title (a question’s subject) and snippet', () => {
    const lib = demo();
    const out = kotae('search', '--library', lib, '--json', '画像');
    expect(out.code, out.stderr).toBe(0);
    const hits = JSON.parse(out.stdout) as Hit[];
    expect(hits.length).toBeGreaterThan(1);
    expect(Object.keys(hits[0]!).sort()).toEqual(['id', 'kind', 'ranges', 'snippet', 'title']);
    // Best match first: the title of the first hit has the word.
    expect(hits[0]!.title).toContain('画像');
    for (const h of hits) expect(`${h.title} ${h.snippet}`).toContain('画像');
    const db = new Database(path.join(lib, 'library.sqlite'), { readonly: true });
    const subjects = db.prepare('SELECT id, subject FROM questions').all() as {
      id: number;
      subject: string;
    }[];
    db.close();
    const question = hits.find((h) => h.kind === 'question')!;
    expect(question.title).toBe(subjects.find((s) => s.id === question.id)!.subject);
  });

  it('narrows to one kind, folds full-width text, and says when nothing is found', () => {
    const lib = demo();
    const customers = JSON.parse(
      kotae('search', '--library', lib, '--json', '--kind', 'customer', 'ＭＩＤＯＲＩ').stdout,
    );
    expect(customers.map((h: Hit) => [h.kind, h.title])).toEqual([['customer', '鈴木 一郎']]);
    expect(JSON.parse(kotae('search', '--library', lib, '--json', 'qwxzvk').stdout)).toEqual([]);
    const text = kotae('search', '--library', lib, 'qwxzvk');
    expect(text).toMatchObject({ code: 0 });
    expect(text.stdout).toMatch(/Nothing found/);
  });

  it('exits 1 with a readable message for an unknown kind', () => {
    const lib = demo();
    const bad = kotae('search', '--library', lib, '--kind', 'invoice', '画像');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/unknown kind "invoice"/);
  });
});
