import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeBundleFixture } from '../core/bundles/testing';
import { useTempDir } from '../core/testing';
import { kotae, kotaeIn } from './testing';

// Issue 15, as an attacker tried it on main: a step's screenshot whose `ext` is
// `png/../../../library.sqlite` (it came in through answers:save, a revision restore or a paste of
// Lexical clipboard data from a web page) made `kotae bundle export` put the library database, with
// every customer's name and address, into the customer's zip, and `--folder` write it outside the
// bundle folder; the export went ahead with a warning. Now the export stops and writes nothing.

const tempDir = useTempDir('kotae-cli-attack-');
const HOSTILE_EXT = 'png/../../../library.sqlite';

/** Every file under `dir`, relative, sorted. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

async function hostileLibrary() {
  const dir = tempDir();
  const lib = path.join(dir, 'lib');
  const fx = await makeBundleFixture(lib, dir);
  // Written as main's answers:save wrote it: straight into the working copy.
  const row = fx.library.db.prepare('SELECT doc FROM answers WHERE id = ?').get(fx.answerId) as {
    doc: string;
  };
  const doc = row.doc.replace(`"ext":"png"`, `"ext":${JSON.stringify(HOSTILE_EXT)}`);
  expect(doc).not.toBe(row.doc);
  fx.library.db.prepare('UPDATE answers SET doc = ? WHERE id = ?').run(doc, fx.answerId);
  const title = (
    fx.library.db.prepare('SELECT title FROM answers WHERE id = ?').get(fx.answerId) as { title: string }
  ).title;
  fx.library.close();
  return { dir, lib, fx, title };
}

describe('kotae bundle export of an answer whose image names another file', () => {
  it('stops with the answer and the node named, and writes neither the zip nor the folder', async () => {
    const { dir, lib, fx, title } = await hostileLibrary();
    const database = readFileSync(path.join(lib, 'library.sqlite'));
    const before = filesUnder(dir);
    const out = path.join(dir, 'for-the-customer.zip');

    const run = kotae('bundle', 'export', '--library', lib, String(fx.answerId), '--out', out, '--folder');

    expect(run.code, run.stdout).toBe(1);
    expect(run.stderr).toContain(`in the answer “${title}”, step 1: image: the file reference is not valid`);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(out.replace(/\.zip$/, ''))).toBe(false);
    // Nothing new anywhere beside the library (no zip, no folder, no database copy outside it)…
    expect(filesUnder(dir).filter((f) => !f.startsWith('lib'))).toEqual(
      before.filter((f) => !f.startsWith('lib')),
    );
    // …and the database is where it was, as it was (byte for byte, apart from what opening logs).
    expect(readFileSync(path.join(lib, 'library.sqlite')).length).toBeGreaterThanOrEqual(database.length);
  });

  it('says so in Japanese too', async () => {
    const { lib, fx, title, dir } = await hostileLibrary();
    const run = kotaeIn(
      'ja',
      'bundle',
      'export',
      '--library',
      lib,
      String(fx.answerId),
      '--out',
      path.join(dir, 'a.zip'),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`回答「${title}」の手順 1の画像：ファイルの参照が正しくありません`);
  });
});
