import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../core/testing';
import { kotaeIn as kotae } from './testing';

// Black-box: `kotae check` as a script runs it, on the demo library.
const tempDir = useTempDir();

function demo(): { lib: string; id: (title: string) => number } {
  const lib = path.join(tempDir(), 'lib');
  expect(kotae('en', 'init', '--demo', '--library', lib).code).toBe(0);
  const answers = JSON.parse(kotae('en', 'list', 'answers', '--library', lib, '--json').stdout) as {
    id: number;
    title: string;
  }[];
  return { lib, id: (title) => answers.find((a) => a.title === title)!.id };
}

describe('kotae check', () => {
  it('prints the findings of an answer as JSON, with plain explanations', () => {
    const { lib, id } = demo();
    const out = kotae(
      'en',
      'check',
      String(id('スマートフォンで画像が表示されないときの確認手順')),
      '--library',
      lib,
      '--json',
    );
    expect(out.code, out.stderr).toBe(0);
    const report = JSON.parse(out.stdout);
    expect(report).toMatchObject({ ok: true, counts: { error: 0, warning: 1 } });
    expect(report.findings[0]).toMatchObject({
      category: 'scope',
      severity: 'warning',
      message: 'The scope of “スマートフォンで画像が表示されません” has not been decided.',
    });
    expect(report.findings[0].explanation).toMatch(/Decide in the Inbox/);
    // The demo's domain answer explains its terms where it first uses them: nothing to report.
    const clean = JSON.parse(
      kotae('en', 'check', String(id('独自ドメインを接続する')), '--library', lib, '--json').stdout,
    );
    expect(clean).toMatchObject({ ok: true, counts: { error: 0, warning: 0 }, findings: [] });
  });

  it('speaks Japanese when asked, and flags the scope of an undecided question', () => {
    const { lib, id } = demo();
    const out = kotae(
      'ja',
      'check',
      String(id('スマートフォンで画像が表示されないときの確認手順')),
      '--library',
      lib,
    );
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/サポート範囲が未判断です/);
  });

  it('exits 1 with a readable message for an unknown or malformed id', () => {
    const { lib } = demo();
    expect(kotae('en', 'check', '9999', '--library', lib)).toMatchObject({ code: 1 });
    const bad = kotae('en', 'check', 'abc', '--library', lib);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/not an answer id/);
  });
});
