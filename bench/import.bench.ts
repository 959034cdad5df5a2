import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { importMail } from '../electron/core/intake';
import { PIXEL_PNG, testMail, testMbox } from '../electron/core/intake/testing';
import { createLibrary } from '../electron/core/library';
import { report } from './report';

// Importing a 10,000-message mbox (what a vendor moving from another mail client brings): plain
// mails, replies threaded by In-Reply-To, HTML mails with an inline image, and attachments. One
// transaction per message; the mbox is read streaming, so memory stays flat.
const COUNT = 10_000;
const dir = mkdtempSync(path.join(os.tmpdir(), 'kotae-bench-import-'));
const mails: string[] = [];
for (let i = 0; i < COUNT; i++) {
  const from = `customer${i % 800}@example.com`;
  const kind = i % 10;
  if (kind === 3 && i > 10) {
    mails.push(
      testMail({
        messageId: `b${i}@x`,
        inReplyTo: `b${i - 3}@x`,
        from,
        subject: `Re: Question ${i - 3}`,
        text: `More detail ${i}\r\n`,
      }),
    );
  } else if (kind === 5) {
    mails.push(
      testMail({
        messageId: `b${i}@x`,
        from,
        subject: `Question ${i}`,
        html: `<p>Hello, <b>the page ${i}</b> breaks.</p><img src="cid:s${i}@x"><img src="https://tracker.example/${i}.gif">`,
        attachments: [
          {
            name: 'shot.png',
            type: 'image/png',
            data: Buffer.concat([PIXEL_PNG, Buffer.from(String(i))]),
            cid: `s${i}@x`,
            inline: true,
          },
        ],
      }),
    );
  } else if (kind === 7) {
    mails.push(
      testMail({
        messageId: `b${i}@x`,
        from,
        subject: `Question ${i}`,
        attachments: [
          { name: `log-${i}.txt`, type: 'text/plain', data: Buffer.from(`log line\n`.repeat(200) + i) },
        ],
      }),
    );
  } else {
    mails.push(
      testMail({
        messageId: `b${i}@x`,
        from,
        subject: `Question ${i}`,
        text: `Line one of ${i}\r\nFrom the shop page.\r\n`.repeat(5),
      }),
    );
  }
}
const mbox = path.join(dir, 'archive.mbox');
writeFileSync(mbox, testMbox(mails));
mails.length = 0;
const library = createLibrary(path.join(dir, 'lib'));
const rssBefore = process.memoryUsage().rss;
let rssPeak = rssBefore;
const t0 = performance.now();
const result = await importMail(library, [mbox], {
  onItem: () => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  },
});
const seconds = (performance.now() - t0) / 1000;
library.close();
const mboxMb = statSync(mbox).size / 2 ** 20;
rmSync(dir, { recursive: true, force: true });
if (result.rejected) throw new Error(`bench: ${result.rejected} rejected`);

report(
  'import',
  {
    messages: COUNT,
    mbox_mb: Math.round(mboxMb * 10) / 10,
    imported: result.imported,
    threaded: result.threaded,
    seconds: Math.round(seconds * 10) / 10,
    messages_per_s: Math.round(COUNT / seconds),
    rss_growth_mb: Math.round((rssPeak - rssBefore) / 2 ** 20),
  },
  { messages_per_s: { min: 200 }, rss_growth_mb: { max: 300 } },
);
