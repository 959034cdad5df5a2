import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../testing/tempDir';
import { splitMbox } from './mbox';

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
