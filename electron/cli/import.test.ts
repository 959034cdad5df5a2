import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testMail, testMbox } from '../core/intake/testing';
import { openLibrary } from '../core/library';
import { useTempDir } from '../core/testing';
import { kotae } from './testing';

const tempDir = useTempDir();

describe('kotae import', () => {
  it('imports files and folders, threads replies, exits 0; re-import is all duplicates (exit 0); a rejected message exits 1 with its reason', () => {
    const dir = tempDir();
    const lib = path.join(dir, 'lib');
    expect(kotae('init', '--library', lib).code).toBe(0);
    const mails = path.join(dir, 'mails');
    mkdirSync(mails);
    writeFileSync(path.join(mails, 'q.eml'), testMail({ messageId: 'cli-q@x', subject: 'Export fails' }));
    writeFileSync(
      path.join(dir, 'more.mbox'),
      testMbox([
        testMail({ messageId: 'cli-r@x', inReplyTo: 'cli-q@x', subject: 'Re: Export fails' }),
        testMail({ messageId: 'cli-2@x', subject: 'Other' }),
      ]),
    );

    const first = kotae('import', '--library', lib, mails, path.join(dir, 'more.mbox'));
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(
      '2 imported, 1 threaded onto existing questions, 0 already there, 0 rejected',
    );

    const again = kotae('import', '--library', lib, mails, path.join(dir, 'more.mbox'), '--json');
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ imported: 0, threaded: 0, duplicates: 3, rejected: 0 });

    writeFileSync(path.join(dir, 'empty.eml'), '');
    writeFileSync(path.join(dir, 'new.eml'), testMail({ messageId: 'cli-3@x', subject: 'Third' }));
    const bad = kotae('import', '--library', lib, path.join(dir, 'empty.eml'), path.join(dir, 'new.eml'));
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/empty\.eml\s+The file is empty/);
    expect(bad.stdout).toContain('1 imported');
    expect(bad.stderr).toContain('1 message(s) were rejected');

    const library = openLibrary(lib, { readOnly: true });
    const counts = library.db
      .prepare('SELECT (SELECT count(*) FROM questions) AS q, (SELECT count(*) FROM messages) AS m')
      .get();
    library.close();
    expect(counts).toEqual({ q: 3, m: 4 });
  });
});
