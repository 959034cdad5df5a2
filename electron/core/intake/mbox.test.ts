import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { useTempDir } from '../testing';
import fc from 'fast-check';
import { splitMbox } from './mbox';
import { MboxSplitter, type MboxMessage } from './mboxSplitter';

const tempDir = useTempDir();

async function split(content: string, max = 1 << 20) {
  const file = path.join(tempDir(), 'x.mbox');
  writeFileSync(file, content);
  const out = [];
  for await (const m of splitMbox(file, max)) out.push({ ...m, text: m.raw.toString() });
  return out;
}

describe('splitMbox', () => {
  it('splits on "From " lines after a blank line and unquotes ">From" (mboxrd)', async () => {
    const messages = await split(
      'From a@x Mon Nov 23 09:00:00 2026\nSubject: one\n\n>From here\n>>From there\nFrom the start of a line, unquoted (mboxo)\n\n' +
        'From b@x Mon Nov 23 09:00:00 2026\r\nSubject: two\r\n\r\nbody\r\n',
    );
    expect(messages.map((m) => m.index)).toEqual([1, 2]);
    expect(messages[0]!.text).toBe(
      'Subject: one\n\nFrom here\n>From there\nFrom the start of a line, unquoted (mboxo)\n',
    );
    expect(messages[1]!.text).toBe('Subject: two\r\n\r\nbody');
  });

  it('reports an oversized message without keeping its bytes', async () => {
    const messages = await split(
      `From a@x\nSubject: big\n\n${'x'.repeat(5000)}\n\nFrom b@x\nSubject: small\n\nok\n`,
      1000,
    );
    expect(messages[0]).toMatchObject({ tooLarge: true, size: expect.any(Number) });
    expect(messages[0]!.raw.length).toBe(0);
    expect(messages[1]).toMatchObject({ tooLarge: false, text: 'Subject: small\n\nok' });
  });

  it('finds message boundaries across read chunks (a file larger than one chunk)', async () => {
    const one = (i: number) => `From x@x\nSubject: ${i}\n\n${'line of text\n'.repeat(2000)}\n`;
    const messages = await split(Array.from({ length: 100 }, (_, i) => one(i)).join(''), 1 << 22);
    expect(messages).toHaveLength(100);
    expect(messages.every((m, i) => m.text.startsWith(`Subject: ${i}\n`))).toBe(true);
  });
});

// Issue 15: every line end, no line end at all, and a message past the limit that is only counted.
describe('splitMbox, whatever the line ends', () => {
  const messages = [
    'Subject: one\n\n>From here\n>>From there\nFrom the start of a line, unquoted (mboxo)',
    'Subject: two\n\nbody',
  ];
  const asMbox = (eol: string) =>
    messages.map((m) => `From a@x Mon Nov 23 09:00:00 2026\n${m}\n\n`).join('').replace(/\n/g, eol);

  for (const [kind, eol, out] of [
    ['LF', '\n', '\n'],
    ['CRLF', '\r\n', '\r\n'],
    // Mail parsers know only CRLF and LF: a classic Mac line end becomes CRLF.
    ['CR only (classic Mac)', '\r', '\r\n'],
  ] as const) {
    it(`splits an mbox with ${kind} line ends`, async () => {
      const found = await split(asMbox(eol));
      expect(found.map((m) => m.text)).toEqual([
        // Each message keeps its own last line end; the blank line before the next "From " goes.
        `Subject: one\n\nFrom here\n>From there\nFrom the start of a line, unquoted (mboxo)\n`.replace(/\n/g, out),
        `Subject: two\n\nbody\n`.replace(/\n/g, out),
      ]);
    });
  }

  it('keeps a file with no line end at all as one message (its "From " line swallows nothing else)', async () => {
    expect((await split('Subject: x body without an end')).map((m) => m.text)).toEqual(['Subject: x body without an end']);
    expect((await split('From a@x Mon Nov 23 09:00:00 2026 Subject: x')).map((m) => m.text)).toEqual(['']);
  });

  it('finds a CRLF, a quoted ">From" and a "From " line split across read chunks', async () => {
    // The first read chunk (1 MB) ends in the middle of each thing the splitter must recognise.
    for (const [tail, next, firstEnds, second] of [
      ['\r', '\n\r\nFrom b@x\r\nSubject: 2\r\n\r\nok\r\n', 'yy\r\n', 'Subject: 2\r\n\r\nok'],
      ['\n>>Fr', 'om quoted\n\nFrom b@x\nSubject: 2\n\nok\n', 'yy\n>From quoted\n', 'Subject: 2\n\nok'],
      ['\n\nFro', 'm b@x\nSubject: 2\n\nok\n', 'yy\n', 'Subject: 2\n\nok'],
      ['\n\n>', '>>x\n\nFrom b@x\nSubject: 2\n\nok\n', 'yy\n\n>>>x\n', 'Subject: 2\n\nok'],
    ]) {
      const head = 'From a@x\nSubject: 1\n\n';
      const first = head + 'y'.repeat((1 << 20) - head.length - tail!.length) + tail;
      const found = await split(first + next, 4 << 20);
      expect(found).toHaveLength(2);
      expect(found[0]!.text.startsWith('Subject: 1\n\nyyy')).toBe(true);
      expect(found[0]!.text.endsWith(firstEnds!), JSON.stringify(tail)).toBe(true);
      expect(found[1]!.text).toBe(second);
    }
  });

  it('copies each byte a bounded number of times, whatever the line ends (no work that grows with the square)', async () => {
    // The old splitter joined the unfinished line with every 1 MB read: a file without a LF was
    // copied again and again (200 MB: 40 s). Copies are counted, not timed.
    const copied = vi.spyOn(Buffer, 'concat');
    try {
      for (const eol of ['', '\r']) {
        const file = path.join(tempDir(), 'x.mbox');
        const line = `Subject: a line of a mail ${'x'.repeat(60)}${eol}`;
        // Without any line end the whole file is one line: one message past the limit.
        writeFileSync(file, `${eol ? `From a@x${eol}` : ''}${line.repeat(Math.ceil((16 << 20) / line.length))}`);
        copied.mockClear();
        let messages = 0;
        for await (const m of splitMbox(file, 1 << 20)) messages += m.tooLarge ? 1 : 0;
        expect(messages, JSON.stringify(eol)).toBe(1);
        const bytes = copied.mock.results.reduce((n, r) => n + (r.value as Buffer).length, 0);
        expect(bytes, JSON.stringify(eol)).toBeLessThan(2 * (16 << 20));
      }
    } finally {
      copied.mockRestore();
    }
  });

  it('skips a message past the limit while streaming: only its size is counted, nothing is kept', () => {
    const splitter = new MboxSplitter(1 << 20);
    const oneMegabyte = Buffer.alloc(1 << 20, 0x78); // no line end anywhere
    expect(splitter.push(Buffer.from('From a@x\nSubject: big\n\n'))).toEqual([]);
    for (let i = 0; i < 300; i++) {
      expect(splitter.push(oneMegabyte)).toEqual([]);
      expect(splitter.keptBytes).toBeLessThanOrEqual(1 << 20);
    }
    const [big, small] = [...splitter.push(Buffer.from('\n\nFrom b@x\nSubject: small\n\nok\n')), ...splitter.end()];
    expect(big).toMatchObject({ index: 1, tooLarge: true, size: 300 * (1 << 20) + 'Subject: big\n\n'.length + 2 });
    expect(big!.raw.length).toBe(0);
    expect(small).toMatchObject({ index: 2, tooLarge: false });
    expect(small!.raw.toString()).toBe('Subject: small\n\nok');
  });

  it('does the same as a line-by-line reading for any mix of line ends and chunk boundaries', () => {
    const line = fc.oneof(
      fc.constantFrom('From a@x', '>From b', '>>From c', 'From', '>', '>>', 'Fro', 'Subject: s', 'text From x', ''),
      fc.string({ unit: fc.constantFrom('a', ' ', '>', 'F', 'r', 'o', 'm') , maxLength: 8 }),
    );
    const eol = fc.constantFrom('\n', '\r\n', '\r');
    const mbox = fc
      .array(fc.tuple(line, eol), { maxLength: 40 })
      .chain((lines) =>
        fc.tuple(
          fc.constant(lines.map(([l, e]) => l + e).join('')),
          fc.boolean(),
          fc.array(fc.integer({ min: 1, max: 7 }), { maxLength: 30 }),
        ),
      );
    fc.assert(
      fc.property(mbox, ([text, cutLastEol, cuts]) => {
        const input = cutLastEol ? text.replace(/(\r\n|\r|\n)$/, '') : text;
        const splitter = new MboxSplitter(1 << 20);
        const found: MboxMessage[] = [];
        let at = 0;
        for (const n of cuts) {
          found.push(...splitter.push(Buffer.from(input.slice(at, at + n), 'latin1')));
          at = Math.min(input.length, at + n);
        }
        found.push(...splitter.push(Buffer.from(input.slice(at), 'latin1')), ...splitter.end());
        expect(found.map((m) => [m.index, m.raw.toString('latin1')])).toEqual(readByLines(input));
      }),
      { numRuns: 2000 },
    );
  });
});

/** The rules of the splitter, read line by line with a regular expression: fine for small inputs. */
function readByLines(input: string): [number, string][] {
  const out: [number, string][] = [];
  let current: string[] | null = null;
  let preamble = false;
  let previousBlank = true;
  const finish = () => {
    if (!current) return;
    const raw = current.join('').replace(/\r?\n$/, '');
    if (!(preamble && raw === '')) out.push([out.length + 1, raw]);
  };
  for (const [, content, end] of input.matchAll(/([^\r\n]*)(\r\n|\r|\n|$)/g)) {
    if (content === '' && end === '') continue;
    if (content!.startsWith('From ') && previousBlank) {
      finish();
      current = [];
      preamble = false;
    } else {
      if (!current) {
        current = [];
        preamble = true;
      }
      current.push((/^>+From /.test(content!) ? content!.slice(1) : content!) + (end === '\r' ? '\r\n' : end));
    }
    previousBlank = content === '';
  }
  finish();
  return out;
}
