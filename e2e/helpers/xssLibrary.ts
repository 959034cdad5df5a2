// Run as `node --import tsx e2e/helpers/xssLibrary.ts <dir>`: builds the library of the
// every-text-field corpus (e2e/corpora/xssFields.ts) in <dir>/lib, with the payload in every
// free-text field, exports the poisoned answer's bundle as a folder into <dir>/bundle and publishes
// the FAQ into <dir>/faq, and prints the paths as JSON. A separate process because Playwright's
// loader cannot import the i18n JSON the core uses.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { exportBundle } from '../../electron/core/bundles';
import { makeBundleFixture } from '../../electron/core/bundles/testing';
import { decideFinding, prepare, publishFaq, updateFaqSettings, updateVendor } from '../../electron/core/faq';
import { XSS_URL, xssColumns, xssJsonColumns, xssPayload } from '../corpora/xssFields';

const dir = path.resolve(process.argv[2] ?? '');
mkdirSync(dir, { recursive: true });
const fx = await makeBundleFixture(path.join(dir, 'lib'), dir);
const { library } = fx;

/** Appends the payload to every text of an answer document, and turns every link into a script URL. */
function poisonDoc(node: unknown, field: string): void {
  if (Array.isArray(node)) return node.forEach((n) => poisonDoc(n, field));
  if (!node || typeof node !== 'object') return;
  const o = node as Record<string, unknown>;
  if (o.type === 'text' && typeof o.text === 'string') o.text += xssPayload(field);
  if (typeof o.url === 'string') o.url = XSS_URL;
  for (const key of ['alt', 'caption', 'title']) if (typeof o[key] === 'string') o[key] += xssPayload(`${field}.${key}`);
  for (const value of Object.values(o)) if (value && typeof value === 'object') poisonDoc(value, field);
}

function linkParagraph(): unknown {
  const text = { type: 'text', text: 'a link with a script URL', detail: 0, format: 0, mode: 'normal', style: '', version: 1 };
  const link = { type: 'link', url: XSS_URL, rel: null, target: null, title: null, children: [text], direction: null, format: '', indent: 0, version: 1 };
  return { type: 'paragraph', children: [link], direction: null, format: '', indent: 0, version: 1, textFormat: 0, textStyle: '' };
}

library.mutate({ action: 'test.poison', entity: 'library', summary: 'hostile corpus' }, (db: Database) => {
  for (const [table, columns] of Object.entries(xssColumns)) {
    for (const column of columns) {
      const rows = db.prepare(`SELECT rowid AS id, ${column} AS v FROM ${table}`).all() as { id: number; v: string | null }[];
      const update = db.prepare(`UPDATE ${table} SET ${column} = ? WHERE rowid = ?`);
      for (const row of rows) update.run(`${row.v ?? ''}${xssPayload(`${table}.${column}`)}`, row.id);
    }
  }
  for (const [table, columns] of Object.entries(xssJsonColumns)) {
    for (const [column, keys] of Object.entries(columns)) {
      const rows = db.prepare(`SELECT rowid AS id, ${column} AS v FROM ${table}`).all() as { id: number; v: string }[];
      const update = db.prepare(`UPDATE ${table} SET ${column} = ? WHERE rowid = ?`);
      for (const row of rows) {
        const value = JSON.parse(row.v) as unknown;
        const poison = (o: Record<string, unknown>) => {
          for (const k of keys) o[k] = `${typeof o[k] === 'string' ? o[k] : ''}${xssPayload(`${table}.${column}.${k}`)}`;
        };
        if (Array.isArray(value)) value.forEach((v) => poison(v as Record<string, unknown>));
        else poison(value as Record<string, unknown>);
        update.run(JSON.stringify(value), row.id);
      }
    }
  }
  db.prepare("UPDATE customers SET website = ? , email = '\"><img src=x onerror=alert(9)>' || id || '@example.com'").run(XSS_URL);
  db.prepare('UPDATE messages SET html = ?').run(`<p>mail</p>${xssPayload('messages.html')}`);
  db.prepare("UPDATE capabilities SET keywords = json_insert(keywords, '$[#]', ?)").run(xssPayload('capabilities.keywords'));
  const answers = db.prepare('SELECT id, doc FROM answers').all() as { id: number; doc: string }[];
  for (const a of answers) {
    const doc = JSON.parse(a.doc) as { root: { children: unknown[] } };
    poisonDoc(doc, 'answers.doc');
    doc.root.children.push(linkParagraph());
    db.prepare('UPDATE answers SET doc = ?, is_public = 1 WHERE id = ?').run(JSON.stringify(doc), a.id);
  }
});
updateVendor(library, { name: `Vendor${xssPayload('vendor.name').slice(0, 180)}`, website: XSS_URL, email: 'x@example.com' });
updateFaqSettings(library, { title: `FAQ${xssPayload('faq.title').slice(0, 180)}` });

// The payloads hold nothing personal, but the demo answers name customers: decide every finding
// so the publication is not blocked (the privacy scanner has its own tests).
for (const f of (await prepare(library)).findings) {
  if (f.decision === null) {
    decideFinding(library, { subject: f.subject, subjectId: f.subjectId, kind: f.kind, key: f.key, decision: 'not_personal' });
  }
}

const bundle = path.join(dir, 'bundle');
await exportBundle(
  library,
  { answerId: fx.answerId, customerId: fx.customerId, questionId: fx.questionId, personalised: true, videoRendition: 'original', zip: false, folder: true },
  { zipPath: null, folderPath: bundle },
  { appVersion: 'e2e' },
  { signal: new AbortController().signal, progress: () => undefined },
);
const faq = path.join(dir, 'faq');
await publishFaq(library, { outDir: faq });
library.close();
process.stdout.write(`${JSON.stringify({ library: library.root, bundle, faq, answerId: fx.answerId })}\n`);
