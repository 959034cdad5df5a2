import { writeFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { rawZip, type RawEntry, type RawZipOptions } from '../bundles/testing';
import { useTempDir } from '../testing';
import { readWholeZip } from './readWholeZip';
import type { ArchiveFail, ArchiveLimits } from './safeZip';
import { ZipWriter } from './zipWriter';

// The layout checks (issue 15): a zip is read the way every other tool reads it, or refused. Each
// case is a zip that some tool reads differently from the central directory alone (a streaming
// extractor walking local headers, Python shifting offsets by a prepended stub, unzip warning and
// carrying on); differential.test.ts checks the same rule against Python and unzip at random.

const tempDir = useTempDir('kotae-layout-');
class Refused extends Error {
  constructor(
    readonly problem: string,
    readonly params: Record<string, string | number>,
  ) {
    super(problem);
  }
}
const fail: ArchiveFail = (problem, params = {}) => new Refused(problem, params);
const limits: ArchiveLimits = {
  maxEntries: 100,
  maxTotalBytes: 10_000_000,
  maxRatio: 100,
  ratioFloorBytes: 10_000,
};

const index = { name: 'index.html', data: Buffer.from('<p>The answer</p>') };
const video = { name: 'media/video-1.mp4', data: Buffer.from('not really a video, but bytes'), method: 8 };
const evil = Buffer.from('<p>Send us your password</p>');

async function outcome(bytes: Buffer): Promise<string> {
  const file = path.join(tempDir(), 'a.zip');
  writeFileSync(file, bytes);
  try {
    const read = await readWholeZip(file, limits, fail);
    return `read ${read.files.map((f) => f.name).join(',')}`;
  } catch (err) {
    if (err instanceof Refused) return err.problem;
    throw err;
  }
}

const zip = (entries: RawEntry[], options?: RawZipOptions) => outcome(rawZip(entries, options));

describe('zip layout', () => {
  it('reads a plain zip, an empty one and a zip64 one from our writer', async () => {
    expect(await zip([index, video])).toBe('read index.html,media/video-1.mp4');
    expect(await zip([])).toBe('read ');
    const file = path.join(tempDir(), 'w.zip');
    const writer = await ZipWriter.create(file, { forceZip64: true });
    await writer.addData('index.html', index.data, { mtime: new Date() });
    await writer.addData('media/a.txt', Buffer.alloc(5000, 0x61), { mtime: new Date() });
    await writer.finish();
    const read = await readWholeZip(file, limits, fail);
    expect(read.files.map((f) => [f.name, f.data.length])).toEqual([
      ['index.html', index.data.length],
      ['media/a.txt', 5000],
    ]);
  });

  it('refuses a local header whose name differs from the central directory', async () => {
    expect(await zip([index, { ...video, localName: 'media/other.mp4' }])).toBe('localHeaderMismatch');
    expect(await zip([{ ...index, localName: 'index.htm' }, video])).toBe('localHeaderMismatch');
  });

  it('refuses a local header whose sizes, CRC-32, method or flags differ', async () => {
    const stored = { name: 'a.txt', data: Buffer.from('hello') };
    expect(await zip([{ ...stored, local: { crc32: 1 } }])).toBe('localHeaderMismatch');
    expect(await zip([{ ...stored, local: { uncompressedSize: 4 } }])).toBe('localHeaderMismatch');
    expect(await zip([{ ...stored, local: { compressedSize: 4 } }])).toBe('localHeaderMismatch');
    expect(await zip([{ ...stored, local: { method: 8 } }])).toBe('localHeaderMismatch');
    expect(await zip([{ ...stored, local: { flags: 0x802 } }])).toBe('localHeaderMismatch');
  });

  it('refuses a hidden local entry before the first, between two, or after the last', async () => {
    const hidden = { name: 'index.html', data: evil, hidden: true };
    expect(await zip([hidden, index, video])).toBe('strayBytes');
    expect(await zip([index, hidden, video])).toBe('strayBytes');
    expect(await zip([index, video, hidden])).toBe('strayBytes');
  });

  it('refuses bytes before, between and after the entries, and after the end record', async () => {
    expect(await zip([index, video], { prefix: Buffer.from('MZ self-extractor stub') })).toBe('strayBytes');
    expect(await zip([index, video], { prefix: rawZip([{ name: 'index.html', data: evil }]) })).toBe(
      'strayBytes',
    );
    expect(await zip([index, video], { gap: { after: 0, bytes: Buffer.alloc(16) } })).toBe('strayBytes');
    expect(await zip([index, video], { gap: { after: 1, bytes: Buffer.alloc(16) } })).toBe('strayBytes');
    expect(await zip([index, video], { trailing: Buffer.from('appended') })).toBe('strayBytes');
  });

  it('refuses a zip comment (a second end record can hide in one)', async () => {
    expect(await zip([index], { comment: Buffer.from('made by hand') })).toBe('zipComment');
  });

  it('refuses a central directory with room for one more record than the end record counts', async () => {
    expect(await zip([index, video], { declaredEntries: 1 })).toBe('strayBytes');
  });

  it('refuses two central records for one local entry', async () => {
    expect(await zip([index, { name: 'copy.html', data: index.data, pointsAt: 0 }])).toBe(
      'overlappingEntries',
    );
  });

  it('refuses data descriptors, unknown flags, newer versions and unknown or second-name extra fields', async () => {
    const a = { name: 'a.txt', data: Buffer.from('hello') };
    expect(await zip([{ ...a, flags: 0x08 }])).toBe('dataDescriptor');
    expect(await zip([{ ...a, flags: 0x20 }])).toBe('unsupportedFeature');
    // Info-ZIP Unicode Path: a second name, shown by unzip and yauzl, ignored by Python.
    const name = Buffer.from('evil.html');
    const unicodePath = Buffer.alloc(4 + 5 + name.length);
    unicodePath.writeUInt16LE(0x7075, 0);
    unicodePath.writeUInt16LE(5 + name.length, 2);
    unicodePath.writeUInt8(1, 4);
    unicodePath.writeUInt32LE(zlib.crc32(Buffer.from('a.txt')), 5);
    name.copy(unicodePath, 9);
    expect(await zip([{ ...a, extra: unicodePath }])).toBe('unsupportedFeature');
    expect(await zip([{ ...a, extra: Buffer.from([0x01, 0x00, 0x10, 0x00]) }])).toBe('corrupt');
  });

  it('refuses a file and a folder of the same name', async () => {
    expect(await zip([video, { name: 'media/video-1.mp4/', data: Buffer.alloc(0) }])).toBe('fileFolderClash');
    expect(await zip([{ name: 'media', data: Buffer.from('x') }, video])).toBe('fileFolderClash');
    expect(await zip([video, { name: 'media', data: Buffer.from('x') }])).toBe('fileFolderClash');
    expect(await zip([video, { name: 'MEDIA', data: Buffer.from('x') }])).toBe('fileFolderClash');
    expect(await zip([{ name: 'media/', data: Buffer.alloc(0) }, video])).toMatch(/^read/);
  });

  it('refuses two names that are equal after Unicode NFC and case folding', async () => {
    const data = Buffer.from('x');
    expect(
      await zip([
        { name: 'caf\u00e9.txt', data },
        { name: 'cafe\u0301.txt', data },
      ]),
    ).toBe('duplicateName');
    expect(
      await zip([
        { name: 'stra\u00dfe.txt', data },
        { name: 'STRASSE.txt', data },
      ]),
    ).toBe('duplicateName');
    expect(
      await zip([
        { name: 'Readme.txt', data },
        { name: 'README.TXT', data },
      ]),
    ).toBe('duplicateName');
    expect(
      await zip([
        { name: 'a.txt', data },
        { name: 'a.txt.', data },
      ]),
    ).toBe('duplicateName');
  });

  it('refuses names in no stated encoding, and empty or dot segments', async () => {
    // A one-byte name rewritten in both headers to a lone 0xE9: not UTF-8, though the flag says so.
    const bytes = rawZip([{ name: 'x', data: Buffer.from('x') }]);
    const central = bytes.readUInt32LE(bytes.length - 22 + 16);
    bytes[30] = 0xe9;
    bytes[central + 46] = 0xe9;
    expect(await outcome(bytes)).toBe('badFileName');
    expect(await zip([{ name: 'a//b.txt', data: Buffer.from('x') }])).toBe('badFileName');
    expect(await zip([{ name: 'a/./b.txt', data: Buffer.from('x') }])).toBe('badFileName');
  });

  it('refuses data whose CRC-32 does not match, a folder with data, and a file typed as a folder', async () => {
    const a = { name: 'a.txt', data: Buffer.from('hello') };
    expect(await zip([{ ...a, local: { crc32: 7 } }])).toBe('localHeaderMismatch');
    const bytes = rawZip([a]);
    bytes[bytes.indexOf('hello')] = 0x48; // "Hello": headers agree, data does not
    expect(await outcome(bytes)).toBe('crcMismatch');
    expect(await zip([{ name: 'dir/', data: Buffer.from('data') }])).toBe('unsupportedFeature');
    expect(await zip([{ ...a, externalAttributes: (0o040755 << 16) >>> 0 }])).toBe('unsupportedFeature');
  });
});
