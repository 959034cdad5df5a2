import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, renameSync, statSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { intakeLimits } from '../electron/core/intake';
import { splitMbox, testMail, testMbox } from '../electron/core/intake/testing';
import { report } from './report';

// npm run bench -- mbox (issue 15)
// Splits three 200 MB mboxes, each in a child process of its own so that its peak RSS
// (process.resourceUsage().maxRSS) is that of the split alone, three runs each (median time):
//  - normal: a mailbox of ordinary mails (LF line ends, mboxrd ">From " quoting);
//  - nolf:   the same mailbox whose line ends were lost after the first "From " line, so one
//            message of 200 MB without a line end (split in time that grew with the square of its
//            size before: 40 s for 200 MB); it is past the size limit, counted and skipped;
//  - cr:     the same mailbox with classic Mac line ends (CR only), the other old quadratic case.
// MB/s are of wall time (median of three runs), as the targets are.
// The files are made once and kept in the temp folder.

const MB = 2 ** 20;
const SIZE = 200 * MB;

interface ChildResult {
  seconds: number;
  /** CPU time of the split (user + system), which a loaded machine does not stretch as it does wall time. */
  cpuSeconds: number;
  messages: number;
  tooLarge: number;
  maxRssMb: number;
}

if (process.argv[2] === '--child') {
  const file = process.argv[3]!;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let messages = 0;
  let tooLarge = 0;
  for await (const message of splitMbox(file, intakeLimits.maxMessageBytes)) {
    messages++;
    if (message.tooLarge) tooLarge++;
  }
  const result: ChildResult = {
    seconds: (performance.now() - t0) / 1000,
    cpuSeconds: ((c) => (c.user + c.system) / 1e6)(process.cpuUsage(cpu0)),
    messages,
    tooLarge,
    // maxRSS is in kilobytes.
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  console.log(JSON.stringify(result));
  process.exit(0);
}

const cacheDir = path.join(os.tmpdir(), 'kotae-bench-mbox');
mkdirSync(cacheDir, { recursive: true });

/** Writes `SIZE` bytes made by repeating `block` (as `transform` makes it) to `name`, once. */
function makeFile(name: string, transform: (block: string, first: boolean) => string): string {
  const file = path.join(cacheDir, name);
  if (existsSync(file) && statSync(file).size >= SIZE) return file;
  const mails = Array.from({ length: 400 }, (_, i) =>
    testMail({
      messageId: `m${i}@bench`,
      from: `customer${i % 50}@example.com`,
      subject: `Question ${i}`,
      text: `Hello,\r\nFrom the shop page the button ${i} does nothing.\r\n${'A line of the question. '.repeat(3)}\r\n`.repeat(4),
    }),
  );
  const block = testMbox(mails) + '\n';
  const tmp = `${file}.part`;
  const fd = openSync(tmp, 'w');
  try {
    let written = 0;
    for (let first = true; written < SIZE; first = false) written += writeSync(fd, transform(block, first));
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  return file;
}

const files = {
  normal: makeFile('normal.mbox', (b) => b),
  nolf: makeFile('nolf.mbox', (b, first) => {
    const line = b.indexOf('\n') + 1;
    return first ? b.slice(0, line) + b.slice(line).replace(/\n/g, '') : b.replace(/\n/g, '');
  }),
  cr: makeFile('cr.mbox', (b) => b.replace(/\n/g, '\r')),
};

const self = fileURLToPath(import.meta.url);
function runChild(file: string): ChildResult {
  const out = execFileSync(process.execPath, ['--import', 'tsx', self, '--child', file], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as ChildResult;
}

const figures: Record<string, number> = {};
let peakRss = 0;
for (const [kind, file] of Object.entries(files)) {
  const mb = statSync(file).size / MB;
  const runs = [runChild(file), runChild(file), runChild(file)];
  const seconds = runs.map((r) => r.seconds).sort((a, b) => a - b)[1]!;
  const cpuSeconds = runs.map((r) => r.cpuSeconds).sort((a, b) => a - b)[1]!;
  peakRss = Math.max(peakRss, ...runs.map((r) => r.maxRssMb));
  figures[`${kind}_mb_per_s`] = Math.round(mb / seconds);
  figures[`${kind}_mb_per_cpu_s`] = Math.round(mb / cpuSeconds);
  figures[`${kind}_messages`] = runs[0]!.messages;
  figures[`${kind}_too_large`] = runs[0]!.tooLarge;
}
figures.file_mb = Math.round(SIZE / MB);
// The machine's load while it ran (1-minute average): wall-time figures are only comparable at
// similar loads; the *_mb_per_cpu_s figures much less depend on it.
figures.load_average = Math.round(os.loadavg()[0]! * 10) / 10;
figures.peak_rss_mb = peakRss;

report('mbox', figures, {
  normal_mb_per_s: { min: 50 },
  nolf_mb_per_s: { min: 50 },
  cr_mb_per_s: { min: 50 },
  peak_rss_mb: { max: 300 },
});
