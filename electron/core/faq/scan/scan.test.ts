import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentOf, paragraph } from '../../../../shared/answers/document';
import type { FaqOverview } from '../../../../shared/domain/faq';
import { dispatch, createHandlers, type HandlerTable } from '../../api';
import type { Library } from '../../library';
import { Studio } from '../../studio';
import { testDialogs, useTempDir } from '../../testing';
import { updateFaqSettings } from '../settings';
import { decideAll } from '../testing';
import { scanWorker } from '.';

// The privacy scan runs in a worker thread (issue 16): while a big answer is scanned the app keeps
// answering other requests; scans are cached per answer revision; cancelling the publication job
// stops the scan. All through the real handlers, on a demo library with one very long answer.

const tempDir = useTempDir('kotae-scan-');
let studio: Studio;
let handlers: HandlerTable;
let library: Library;
let bigId: number;

const line =
  'スマートフォンで画像が表示されないときは、iPhone の「設定」→「カメラ」を開きます。Open Settings and press Save. ';
/** Ordinary answer text, as long as the document schema lets an answer be (documentLimits). */
const fillerText = (): string => line.repeat(Math.floor(950_000 / line.length));
/** The biggest answer a vendor can save, with customer details near the end. */
const bigText = (): string => `${fillerText()}田\u200b中様、Thanks for your patience, John.`;

function setDoc(id: number, doc: unknown): void {
  library.db
    .prepare(
      "UPDATE answers SET doc = ?, revision = revision + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ') WHERE id = ?",
    )
    .run(JSON.stringify(doc), id);
}

beforeAll(() => {
  studio = new Studio({
    userDataDir: mkdtempSync(path.join(os.tmpdir(), 'kotae-scan-user-')),
    systemLocale: 'en-US',
    // The Japanese demo library: its customers are the ones the answers below name.
    demoLanguage: 'ja',
    shell: 'harness',
    appVersion: '0.0.0',
    platform: 'linux',
    dialogs: testDialogs(),
  });
  studio.start();
  handlers = createHandlers(studio);
  library = studio.writableLibrary();
  bigId = (
    library.db.prepare("SELECT id FROM answers WHERE slug = 'schedule-a-blog-post'").get() as { id: number }
  ).id;
  setDoc(bigId, documentOf([paragraph(bigText())]));
  // Two more answers as long, without customer details: about three million characters to scan.
  const others = library.db
    .prepare('SELECT id FROM answers WHERE id <> ? AND is_public = 1 ORDER BY id LIMIT 2')
    .pluck()
    .all(bigId) as number[];
  for (const id of others) setDoc(id, documentOf([paragraph(fillerText())]));
});

afterAll(async () => {
  await studio.close();
});

describe('the privacy scan in its worker thread', () => {
  it('answers other requests while a big answer is scanned, then lists what it found', async () => {
    const order: string[] = [];
    const overview = dispatch(handlers, 'faq:overview', {}).then((r) => {
      order.push('overview');
      return r;
    });
    setTimeout(() => order.push('timer'), 0);
    const answers = await dispatch(handlers, 'answers:list', {});
    order.push('answers');
    expect(answers.ok).toBe(true);
    const result = await overview;
    // The timer fired and the other request was answered before the scan was done: the main
    // thread was free the whole time.
    expect(order.indexOf('answers')).toBeLessThan(order.indexOf('overview'));
    expect(order.indexOf('timer')).toBeLessThan(order.indexOf('overview'));
    expect(result.ok).toBe(true);
    const findings = (result as { value: FaqOverview }).value.findings.filter((f) => f.subjectId === bigId);
    expect(findings.map((f) => [f.kind, f.text])).toEqual([
      ['name', '田\u200b中様'],
      ['name', 'John'],
    ]);
  });

  it('reuses the scan of an unchanged answer and scans a new revision again', async () => {
    await dispatch(handlers, 'faq:overview', {});
    const before = scanWorker.requests;
    const again = await dispatch(handlers, 'faq:overview', {});
    expect(again.ok).toBe(true);
    expect(scanWorker.requests).toBe(before);

    setDoc(bigId, documentOf([paragraph('鈴木 一郎様の手順です。')]));
    const edited = (await dispatch(handlers, 'faq:overview', {})) as { ok: true; value: FaqOverview };
    expect(scanWorker.requests).toBe(before + 1);
    expect(edited.value.findings.filter((f) => f.subjectId === bigId).map((f) => f.text)).toEqual([
      '鈴木 一郎様',
    ]);
  });

  it('stops a scan in progress when it is cancelled, and the next scan starts afresh', async () => {
    const spec = { hash: 'cancel-test', customers: [], ignore: { emails: [], hosts: [] } };
    const abort = new AbortController();
    const sent = scanWorker.requests;
    const scan = scanWorker.scan(spec, [{ units: [bigText()], customerTexts: [] }], { signal: abort.signal });
    // Until the request is with the worker (a condition, not a time).
    while (scanWorker.requests === sent) await new Promise((r) => setImmediate(r));
    abort.abort();
    await expect(scan).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(scanWorker.started).toBe(false);
    const next = await scanWorker.scan(spec, [{ units: ['Call 03-1234-5678'], customerTexts: [] }]);
    expect(next[0]![0]!.map((f) => f.kind)).toEqual(['phone']);
  });

  it('is cancelled with the publication job, which then leaves no site', async () => {
    setDoc(bigId, documentOf([paragraph(bigText())]));
    await decideAll(library);
    const out = path.join(tempDir(), 'site');
    updateFaqSettings(library, { outDir: out });
    const started = (await dispatch(handlers, 'faq:publish', {})) as { ok: true; value: { jobId: string } };
    expect(started.ok).toBe(true);
    await dispatch(handlers, 'jobs:cancel', { id: started.value.jobId });
    await studio.jobs.settle();
    expect(studio.jobs.get(started.value.jobId)?.status).toBe('cancelled');
    expect(existsSync(path.join(out, 'index.html'))).toBe(false);
    const after = (await dispatch(handlers, 'faq:overview', {})) as { ok: true; value: FaqOverview };
    expect(after.value.unresolved).toBe(0);
  });
});
