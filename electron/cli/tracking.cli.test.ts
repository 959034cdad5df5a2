import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../core/testing';
import { kotae } from './testing';

// Black-box: status changes, the work log as CSV and the catalogue as JSON, as a script runs them.
const tempDir = useTempDir();

describe('kotae status, log export, capabilities', () => {
  it('changes a status with its checkpoint rule, exports the log, round-trips the catalogue', () => {
    const dir = tempDir();
    const lib = path.join(dir, 'lib');
    expect(kotae('init', '--demo', '--library', lib).code).toBe(0);
    const questions = JSON.parse(kotae('list', 'questions', '--library', lib, '--json').stdout) as {
      id: number;
      title: string;
    }[];
    const id = String(questions.find((q) => q.title.includes('スマートフォンで画像'))!.id);

    const past = kotae('status', id, 'investigating', '--checkpoint', '2000-01-01', '--library', lib);
    expect(past.code).toBe(1);
    expect(past.stderr).toMatch(/in the past/);
    const ok = kotae('status', id, 'investigating', '--note', 'from a script', '--library', lib, '--json');
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({
      fromStatus: 'received',
      toStatus: 'investigating',
      actor: 'cli',
    });

    const csv = path.join(dir, 'log.csv');
    expect(kotae('log', 'export', '--question', id, '--out', csv, '--library', lib).code).toBe(0);
    const text = readFileSync(csv, 'utf8');
    expect(text).toMatch(/^\uFEFFat,actor,action/);
    expect(text).toContain('cli,question.status_changed');
    expect(text).toContain('from a script');

    const json = path.join(dir, 'caps.json');
    expect(kotae('capabilities', 'export', '--out', json, '--library', lib).code).toBe(0);
    const again = kotae('capabilities', 'import', json, '--library', lib, '--json');
    expect(JSON.parse(again.stdout)).toMatchObject({ added: 0, updated: 0 });
    // The file now carries both languages (version 2); an unknown version is refused in words.
    expect(JSON.parse(readFileSync(json, 'utf8'))).toMatchObject({ version: 2 });
    writeFileSync(json, '{"format":"kotae-capabilities","version":3,"areas":[]}');
    const bad = kotae('capabilities', 'import', json, '--library', lib);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/This catalogue file cannot be imported/);
    expect(bad.stderr).toMatch(/Version 3 of the format is not supported/);
  });
});
