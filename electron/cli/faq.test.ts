import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decideAll } from '../core/faq/testing';
import { openLibrary } from '../core/library';
import { useTempDir } from '../core/testing';
import { kotae } from './testing';

const tempDir = useTempDir();

describe('kotae faq', () => {
  it('refuses to publish while findings are undecided, then publishes, then rewrites nothing', async () => {
    const dir = tempDir();
    const lib = path.join(dir, 'lib');
    const out = path.join(dir, 'site');
    expect(kotae('init', '--demo', '--library', lib).code).toBe(0);

    const check = kotae('faq', 'check', '--library', lib);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('田中様');
    const blocked = kotae('faq', 'publish', '--library', lib, '--out', out);
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toMatch(/3 possible customer details are not decided/);
    expect(existsSync(path.join(out, 'index.html'))).toBe(false);

    const library = openLibrary(lib);
    await decideAll(library);
    library.close();
    const first = kotae('faq', 'publish', '--library', lib, '--out', out, '--json');
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout).stats).toMatchObject({ answers: 5, removed: 0 });
    expect(existsSync(path.join(out, 'answers/connect-a-custom-domain/index.html'))).toBe(true);
    const again = kotae('faq', 'publish', '--library', lib, '--out', out);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/0 files written, 0 removed/);
  });
});
