// Run as `node --import tsx e2e/helpers/customerPages.ts <dir>`: the pages customers and FAQ
// readers open, made from the demo library by the real services, for the accessibility and
// screenshot specs: a bundle of a Japanese answer for a Japanese customer, a bundle of the English
// answer for the English customer, and the FAQ site in Japanese and in English. Prints their
// folders as JSON. A separate process because Playwright's loader cannot import the i18n JSON.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { exportBundle } from '../../electron/core/bundles';
import { decideFinding, prepare, publishFaq, updateFaqSettings } from '../../electron/core/faq';
import { createLibrary, seedDemo } from '../../electron/core/library';

const dir = path.resolve(process.argv[2] ?? '');
mkdirSync(dir, { recursive: true });
const library = createLibrary(path.join(dir, 'lib'), { seed: seedDemo });
const idOf = (sql: string, ...args: unknown[]) =>
  library.db
    .prepare(sql)
    .pluck()
    .get(...args) as number;

// The demo answers name customers: decide every finding so the publication is not blocked (the
// privacy scanner has its own tests).
for (const f of (await prepare(library)).findings)
  if (f.decision === null)
    decideFinding(library, {
      subject: f.subject,
      subjectId: f.subjectId,
      kind: f.kind,
      key: f.key,
      decision: 'not_personal',
    });

async function bundle(answerTitle: string, customerName: string, name: string): Promise<string> {
  const answerId = idOf('SELECT id FROM answers WHERE title = ?', answerTitle);
  const customerId = idOf('SELECT id FROM customers WHERE name = ?', customerName);
  const questionId = idOf(
    'SELECT aq.question_id FROM answer_questions aq JOIN questions q ON q.id = aq.question_id WHERE aq.answer_id = ? AND q.customer_id = ?',
    answerId,
    customerId,
  );
  const folder = path.join(dir, name);
  await exportBundle(
    library,
    {
      answerId,
      customerId,
      questionId,
      personalised: true,
      videoRendition: 'original',
      zip: false,
      folder: true,
    },
    { zipPath: null, folderPath: folder },
    { appVersion: 'e2e' },
    { signal: new AbortController().signal, progress: () => undefined },
  );
  return folder;
}

const bundleJa = await bundle('スマートフォンで画像が表示されないときの確認手順', '田中 美咲', 'bundle-ja');
const bundleEn = await bundle('Adding a Google Analytics tag', 'John Miller', 'bundle-en');
const faqJa = path.join(dir, 'faq-ja');
updateFaqSettings(library, { language: 'ja' });
await publishFaq(library, { outDir: faqJa });
const faqEn = path.join(dir, 'faq-en');
updateFaqSettings(library, { language: 'en' });
await publishFaq(library, { outDir: faqEn });
library.close();
process.stdout.write(`${JSON.stringify({ bundleJa, bundleEn, faqJa, faqEn })}\n`);
