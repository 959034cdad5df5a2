import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../core/library';
import { makeIndexStale, useTempDir } from '../core/testing';
import { kotae } from './testing';

// Black-box: the kotae command as a script would run it.
const tempDir = useTempDir();

describe('kotae CLI', () => {
  it('init --demo, then info --json prints the counts and integrity ok', () => {
    const lib = path.join(tempDir(), 'x');
    expect(kotae('init', '--demo', '--library', lib).code).toBe(0);
    const info = kotae('info', '--library', lib, '--json');
    expect(info.code).toBe(0);
    const json = JSON.parse(info.stdout);
    expect(json.integrity).toBe('ok');
    expect(json.checked).toBe('open');
    expect(json.counts).toMatchObject({ customers: 5, questions: 12, answers: 6 });
  });

  it('reads without the full integrity check; --check runs it and says what it found', () => {
    const lib = path.join(tempDir(), 'x');
    kotae('init', '--demo', '--library', lib);
    // An index that disagrees with its table: only the full check sees it.
    makeIndexStale(lib);
    const info = kotae('info', '--library', lib);
    expect(info.code, info.stderr).toBe(0);
    expect(info.stdout).toMatch(/Integrity {2}ok \(checked at open: header, size and schema; --check runs/);
    for (const args of [['info'], ['search', '画像']]) {
      const checked = kotae(...args, '--library', lib, '--check');
      expect(checked.code, args.join(' ')).toBe(1);
      expect(checked.stderr).toMatch(/is damaged/);
    }
  });

  it('list … --json gives objects with an id and a title or name', () => {
    const lib = path.join(tempDir(), 'x');
    kotae('init', '--demo', '--library', lib);
    for (const what of ['questions', 'answers', 'customers', 'capabilities', 'assets']) {
      const out = kotae('list', what, '--library', lib, '--json');
      expect(out.code, out.stderr).toBe(0);
      const rows = JSON.parse(out.stdout) as Record<string, unknown>[];
      expect(Array.isArray(rows)).toBe(true);
      for (const row of rows) {
        expect(typeof row.id).toBe('number');
        expect(typeof (row.title ?? row.name)).toBe('string');
      }
    }
  });

  it('exits 1 with a readable message and no stack trace on user errors', () => {
    const notLibrary = tempDir();
    const out = kotae('info', '--library', notLibrary);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/is not a Kotae library/);
    expect(out.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    const badList = kotae('list', 'planets', '--library', notLibrary);
    expect(badList.code).toBe(1);
  });

  it('exits 1 on a usage error and 0 with --help', () => {
    expect(kotae('frobnicate').code).toBe(1);
    const help = kotae('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/init/);
    expect(help.stdout).toMatch(/info/);
    expect(help.stdout).toMatch(/list/);
  });

  it('reads a library while another live process holds it open for writing', async () => {
    const lib = path.join(tempDir(), 'x');
    kotae('init', '--demo', '--library', lib);
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      writeFileSync(
        path.join(lib, LOCK_FILE),
        JSON.stringify({ pid: holder.pid, host: os.hostname(), since: new Date().toISOString(), by: 'app' }),
      );
      expect(kotae('info', '--library', lib, '--json').code).toBe(0);
    } finally {
      holder.kill();
    }
  });
});
