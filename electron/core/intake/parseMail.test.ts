import { describe, expect, it } from 'vitest';
import { contentHash, normaliseMessageId, safeFileName } from './parseMail';

describe('mail fields', () => {
  it('normalises Message-IDs: brackets, comments, junk', () => {
    expect(normaliseMessageId('<abc@example.jp>')).toBe('abc@example.jp');
    expect(normaliseMessageId(' <abc@example.jp> (sent from my phone)')).toBe('abc@example.jp');
    expect(normaliseMessageId('abc@example.jp')).toBe('abc@example.jp');
    expect(normaliseMessageId('')).toBeNull();
    expect(normaliseMessageId('not an id at all')).toBeNull();
  });

  it('keeps a bare file name only', () => {
    expect(safeFileName('../../x', 'f')).toBe('x');
    expect(safeFileName('C:\\Users\\a\\..\\evil.exe', 'f')).toBe('evil.exe');
    expect(safeFileName('..', 'f')).toBe('f');
    expect(safeFileName('.hidden', 'f')).toBe('hidden');
    expect(safeFileName('a\u0000b<>:"|?*.txt', 'f')).toBe('ab.txt');
    expect(safeFileName(undefined, 'attachment-1')).toBe('attachment-1');
  });

  it('hashes the same message the same with CRLF or LF line ends', () => {
    expect(contentHash(Buffer.from('Subject: a\r\n\r\nbody\r\n'))).toBe(
      contentHash(Buffer.from('Subject: a\n\nbody\n')),
    );
    expect(contentHash(Buffer.from('Subject: a\n\nbody'))).not.toBe(
      contentHash(Buffer.from('Subject: b\n\nbody')),
    );
  });
});
