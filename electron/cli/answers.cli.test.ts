import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../core/library';
import { recordRelease } from '../core/releases';
import { useTempDir } from '../core/testing';
import { kotae, kotaeIn } from './testing';

// Black-box: `kotae answers stale` on a library where a release put answers on the re-check list.
const tempDir = useTempDir();

describe('kotae answers stale', () => {
  it('lists the answers to re-check, most read first, as a table and as JSON', () => {
    const lib = path.join(tempDir(), 'lib');
    expect(kotae('init', '--demo', '--library', lib).code).toBe(0);
    const none = kotae('answers', 'stale', '--library', lib);
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('No answer to re-check');

    // The release is recorded through the same service as Settings → Releases.
    const library = openLibrary(lib, { actor: 'test' });
    recordRelease(library, { version: '5.0', releasedOn: '2026-11-20', capabilityIds: [9, 23], note: '' });
    library.close();

    const json = kotae('answers', 'stale', '--library', lib, '--json');
    expect(json.code, json.stderr).toBe(0);
    const list = JSON.parse(json.stdout) as {
      answerId: number;
      version: string;
      title: string;
      checkedWith: string;
    }[];
    expect(list.map((a) => a.answerId).sort()).toEqual([1, 2]);
    expect(list.find((a) => a.answerId === 2)).toMatchObject({
      version: '5.0',
      checkedWith: '4.1.0',
      title: '独自ドメインを接続する',
    });

    const table = kotaeIn('ja', 'answers', 'stale', '--library', lib);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('再確認が必要な回答 2 件');
    expect(table.stdout).toContain('独自ドメインを接続する');
    expect(kotae('answers', 'stale').code).toBe(1);
  });
});
