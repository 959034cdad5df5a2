import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { demoAnswers } from '../resources/demo';
import { SearchHitKind } from '../shared/api/search';
import { createAnswer } from '../electron/core/answers';
import { updateVendor } from '../electron/core/faq';
import { importMail } from '../electron/core/intake';
import { createLibrary, latestVersion, migrations } from '../electron/core/library';
import { searchLibrary } from '../electron/core/search';
import { changeStatus } from '../electron/core/tracking';
import { addWorkingDays } from '../shared/tracking/checkpoint';
import { corpusMails, CORPUS_VERSION, VENDOR_EMAIL, writeMboxes } from './uiScaleCorpus';

// The library of `npm run bench -- ui-scale`, built once and kept in the temp folder: the mail of
// two years imported through the real import path (importMail, as `kotae import` runs it), most
// questions closed and an answer for every tenth through the tracking and answers services, and
// the search index built by a first search. Keyed by the corpus version and the schema: a new
// migration, or a change to one not yet released, builds it anew (the mbox files are kept).

export interface BuiltLibrary {
  root: string;
  importSeconds: number;
  settleSeconds: number;
  searchBuildSeconds: number;
  messages: number;
}

const OPEN_DAYS = 21;

function log(message: string): void {
  process.stderr.write(`[ui-scale] ${message}\n`);
}

async function mboxFiles(dir: string, questions: number, now: Date): Promise<string[]> {
  const done = path.join(dir, 'done.json');
  if (existsSync(done)) return JSON.parse(readFileSync(done, 'utf8')) as string[];
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  log(`writing the mail of ${questions} questions…`);
  const files = await writeMboxes(corpusMails({ questions, now, days: 730, perCustomer: 6 }), dir);
  writeFileSync(done, JSON.stringify(files));
  return files;
}

/**
 * The schema's version and a digest of its migrations' code: during a round a migration not yet
 * released may still change (0140's queue table did), and a library cached under the bare version
 * number then lacked a table the code needs (`no such table: search_queue`).
 */
function schemaKey(): string {
  const digest = createHash('sha256');
  for (const m of migrations) digest.update(`${m.version}\n${m.up.toString()}\n`);
  return `s${latestVersion(migrations)}-${digest.digest('hex').slice(0, 10)}`;
}

export async function benchLibrary(questions: number): Promise<BuiltLibrary> {
  const cache = path.join(os.tmpdir(), 'kotae-bench-ui-scale', `v${CORPUS_VERSION}-q${questions}`);
  const final = path.join(cache, `lib-${schemaKey()}`);
  const metaFile = `${final}.json`;
  if (existsSync(metaFile) && existsSync(final)) {
    return { root: final, ...(JSON.parse(readFileSync(metaFile, 'utf8')) as Omit<BuiltLibrary, 'root'>) };
  }
  // The corpus ends on the day it was first written, so its dates stay the same run after run.
  const stampFile = path.join(cache, 'now.txt');
  mkdirSync(cache, { recursive: true });
  if (!existsSync(stampFile)) writeFileSync(stampFile, new Date().toISOString());
  const files = await mboxFiles(
    path.join(cache, 'mbox'),
    questions,
    new Date(readFileSync(stampFile, 'utf8')),
  );

  const building = path.join(cache, 'building');
  rmSync(building, { recursive: true, force: true });
  const library = createLibrary(building);
  updateVendor(library, { name: 'Kotae Support', email: VENDOR_EMAIL });

  log(`importing ${files.length} mbox files with importMail…`);
  let t0 = performance.now();
  let last = t0;
  const report = await importMail(library, files, {
    onItem: (r) => {
      if (performance.now() - last > 30_000) {
        last = performance.now();
        log(`  ${r.imported} questions, ${r.threaded} replies`);
      }
    },
  });
  const importSeconds = (performance.now() - t0) / 1000;
  if (report.rejected) throw new Error(`bench: ${report.rejected} mails rejected`);
  log(
    `imported ${report.imported} questions and ${report.threaded} replies in ${importSeconds.toFixed(0)} s`,
  );

  // Most requests of two years are closed; the last weeks' are still being worked on.
  t0 = performance.now();
  const today = library.today();
  const openSince = new Date(Date.now() - OPEN_DAYS * 86_400_000).toISOString();
  const rows = library.db.prepare('SELECT id, received_at FROM questions ORDER BY id').all() as {
    id: number;
    received_at: string;
  }[];
  const settle = library.db.transaction((batch: typeof rows) => {
    for (const q of batch) {
      const old = q.received_at < openSince;
      const change = (to: 'resolved' | 'declined' | 'investigating', nextCheckpoint: string | null) =>
        changeStatus(library, { id: q.id, to, nextCheckpoint, note: '', customerMessage: '' });
      if (old || q.id % 2 === 0) change(q.id % 9 === 0 ? 'declined' : 'resolved', null);
      else if (q.id % 4 === 1)
        change('investigating', q.id % 8 === 1 ? today : addWorkingDays(today, 1 + (q.id % 6)));
      // The rest stay 'received' with the checkpoint intake gave them (overdue once two working
      // days have passed).
    }
  });
  for (let i = 0; i < rows.length; i += 1000) settle(rows.slice(i, i + 1000));
  const answers = library.db.transaction((batch: typeof rows) => {
    for (const q of batch) {
      const demo = demoAnswers[q.id % demoAnswers.length]!;
      createAnswer(library, {
        title: `${demo.title}（${q.id}）`,
        language: demo.language,
        kind: demo.kind,
        questionId: q.id,
        doc: demo.doc,
      });
    }
  });
  const answered = rows.filter((q) => q.id % 10 === 0);
  for (let i = 0; i < answered.length; i += 500) answers(answered.slice(i, i + 500));
  const settleSeconds = (performance.now() - t0) / 1000;
  log(`closed the old questions and wrote ${answered.length} answers in ${settleSeconds.toFixed(0)} s`);

  t0 = performance.now();
  searchLibrary(library.db, { query: '画像', kinds: SearchHitKind.options, limit: 20 });
  const searchBuildSeconds = (performance.now() - t0) / 1000;
  log(`first search (index built) in ${searchBuildSeconds.toFixed(0)} s`);
  const messages = library.counts().messages;
  library.close();

  rmSync(final, { recursive: true, force: true });
  renameSync(building, final);
  const meta = { importSeconds, settleSeconds, searchBuildSeconds, messages };
  writeFileSync(metaFile, JSON.stringify(meta));
  log(`library ready: ${(statSync(path.join(final, 'library.sqlite')).size / 2 ** 20).toFixed(0)} MB`);
  return { root: final, ...meta };
}
