import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../core/testing';
import { fileResponse, parseRange } from './fileResponse';

// The answers <video> seeking depends on (RFC 9110 §14): what net.fetch(file:) in Electron does not
// give (electron/electron#38749), our protocols give themselves.

const tempDir = useTempDir();

function file(size: number): string {
  const f = path.join(tempDir(), 'bytes.bin');
  writeFileSync(f, Buffer.from(Array.from({ length: size }, (_, i) => i % 251)));
  return f;
}

async function answer(f: string, range?: string, method = 'GET') {
  const response = fileResponse(
    new Request('kotae-media://media/x', { method, headers: range ? { range } : {} }),
    f,
  );
  const body = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: Object.fromEntries(response.headers), body };
}

describe('parseRange', () => {
  it('reads the three single-range forms', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=500-', 1000)).toEqual({ start: 500, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-5000', 1000)).toEqual({ start: 0, end: 999 });
    expect(parseRange('bytes=990-5000', 1000)).toEqual({ start: 990, end: 999 });
    expect(parseRange(' Bytes=1-2 ', 10)).toEqual({ start: 1, end: 2 });
  });

  it('says unsatisfiable past the end, for an empty suffix and for an empty file', () => {
    expect(parseRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-', 0)).toBe('unsatisfiable');
  });

  it('ignores what it may ignore: no header, another unit, several ranges, nonsense', () => {
    for (const header of [
      undefined,
      '',
      'items=0-1',
      'bytes=0-1,5-6',
      'bytes=5-1',
      'bytes=a-b',
      'bytes=-',
      'bytes=1',
      'bytes=0x1-2',
    ]) {
      expect(parseRange(header, 1000), String(header)).toBeNull();
    }
    expect(parseRange(`bytes=${'9'.repeat(40)}-`, 1000)).toBeNull();
  });
});

describe('fileResponse', () => {
  it('200 with the whole file when no range is asked', async () => {
    const f = file(1000);
    const r = await answer(f);
    expect(r.status).toBe(200);
    expect(r.headers['content-length']).toBe('1000');
    expect(r.headers['accept-ranges']).toBe('bytes');
    expect(r.headers['content-range']).toBeUndefined();
    expect(r.body.length).toBe(1000);
  });

  it('206 with Content-Range and exactly the asked bytes: closed, open-ended and suffix ranges', async () => {
    const f = file(1000);
    for (const [range, start, end] of [
      ['bytes=100-199', 100, 199],
      ['bytes=0-', 0, 999],
      ['bytes=950-', 950, 999],
      ['bytes=-10', 990, 999],
    ] as const) {
      const r = await answer(f, range);
      expect(r.status, range).toBe(206);
      expect(r.headers['content-range'], range).toBe(`bytes ${start}-${end}/1000`);
      expect(r.headers['content-length'], range).toBe(String(end - start + 1));
      expect([...r.body], range).toEqual(
        Array.from({ length: end - start + 1 }, (_, i) => (start + i) % 251),
      );
    }
  });

  it('416 with the size for a range past the end', async () => {
    const r = await answer(file(1000), 'bytes=1000-');
    expect(r.status).toBe(416);
    expect(r.headers['content-range']).toBe('bytes */1000');
    expect(r.body.length).toBe(0);
  });

  it('HEAD gets the headers and no body; the type comes from the extension or the caller', async () => {
    const f = file(10);
    const r = await answer(f, 'bytes=2-3', 'HEAD');
    expect(r.status).toBe(206);
    expect(r.headers['content-length']).toBe('2');
    expect(r.body.length).toBe(0);
    expect(r.headers['content-type']).toBe('application/octet-stream');
    const typed = fileResponse(new Request('kotae-app://app/x'), f, {
      type: 'video/mp4',
      headers: { vary: 'origin' },
    });
    expect(typed.headers.get('content-type')).toBe('video/mp4');
    expect(typed.headers.get('vary')).toBe('origin');
    await typed.body?.cancel();
  });
});
