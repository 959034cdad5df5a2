import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { logicalDump } from '../core/backup/testing';
import { openLibrary } from '../core/library';
import { snapshotFiles, useTempDir } from '../core/testing';
import { kotae } from './testing';

const tempDir = useTempDir('kotae-backup-cli-');

describe('kotae backup / restore', () => {
  it('backs up a library and restores it into a new folder, identical', () => {
    const dir = tempDir();
    const lib = path.join(dir, 'lib');
    expect(kotae('init', '--demo', '--library', lib).code).toBe(0);
    const out = path.join(dir, 'lib.zip');
    const backup = kotae('backup', '--library', lib, '--out', out);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/^Backup written: .*lib\.zip \(.+, 0 media files\)\.\n$/);

    const to = path.join(dir, 'restored');
    const restore = kotae('restore', out, '--to', to, '--json');
    expect(restore.code, restore.stderr).toBe(0);
    expect(JSON.parse(restore.stdout)).toMatchObject({ path: to, mediaFiles: 0 });
    const a = openLibrary(lib, { readOnly: true });
    const b = openLibrary(to, { readOnly: true });
    expect(logicalDump(b.db)).toEqual(logicalDump(a.db));
    a.close();
    b.close();
  });

  it('refuses to restore over a library or a full folder, and a zip that is not a backup (exit 1)', () => {
    const dir = tempDir();
    const lib = path.join(dir, 'lib');
    kotae('init', '--demo', '--library', lib);
    const out = path.join(dir, 'lib.zip');
    expect(kotae('backup', '--library', lib, '--out', out).code).toBe(0);
    const before = snapshotFiles(lib);
    const over = kotae('restore', out, '--to', lib);
    expect(over.code).toBe(1);
    expect(over.stderr).toMatch(/already a library/);
    expect(snapshotFiles(lib)).toEqual(before);

    const full = path.join(dir, 'full');
    mkdirSync(full);
    writeFileSync(path.join(full, 'a.txt'), 'a');
    const intoFull = kotae('restore', out, '--to', full);
    expect(intoFull.code).toBe(1);
    expect(intoFull.stderr).toMatch(/not empty/);

    const fake = path.join(dir, 'fake.zip');
    writeFileSync(fake, 'PK not really');
    const bad = kotae('restore', fake, '--to', path.join(dir, 'new'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/not a zip file/);
    expect(existsSync(path.join(dir, 'new'))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['fake.zip', 'full', 'lib', 'lib.zip']);
  });

  it('says what is wrong with a library that does not exist', () => {
    const dir = tempDir();
    const res = kotae('backup', '--library', path.join(dir, 'nope'), '--out', path.join(dir, 'x.zip'));
    expect(res.code).toBe(1);
    expect(existsSync(path.join(dir, 'x.zip'))).toBe(false);
  });
});
