import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../testing';
import { SourceSizeError, ZipWriter, type ZipWriterOptions } from './zipWriter';

// Every zip is read back by yauzl (what verify and restore use) and, where Python is installed
// (it is on CI: node-gyp needs it), by Python's zipfile, a second implementation that checks every
// CRC-32: a writer that only our own reader accepts would fail the customer's unzip tool.

const tempDir = useTempDir('kotae-zipwriter-');
const mtime = new Date(2026, 10, 23, 14, 30, 10);
const python = spawnSync('python3', ['--version']).status === 0;

async function readAll(
  zipFile: string,
): Promise<Map<string, { data: Buffer; method: number; crc32: number }>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(zipFile, { lazyEntries: true }, (err, z) => (err ? reject(err) : resolve(z))),
  );
  const out = new Map<string, { data: Buffer; method: number; crc32: number }>();
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (err, stream) => {
          if (err) return reject(err);
          const parts: Buffer[] = [];
          stream.on('data', (c: Buffer) => parts.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            out.set(entry.fileName, {
              data: Buffer.concat(parts),
              method: entry.compressionMethod,
              crc32: entry.crc32,
            });
            zip.readEntry();
          });
        });
      });
      zip.on('end', resolve);
      zip.on('error', reject);
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return out;
}

/** Python's zipfile: names, and None from testzip() when every CRC-32 matches. */
function pythonCheck(zipFile: string): string {
  const r = spawnSync(
    'python3',
    [
      '-c',
      'import sys,zipfile\nz=zipfile.ZipFile(sys.argv[1])\nprint(z.testzip(), sorted(z.namelist()))',
      zipFile,
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trim();
}

function sampleFiles(dir: string) {
  const video = path.join(dir, 'video.bin');
  const videoBytes = randomBytes(3 * (1 << 20) + 12345); // more than two copy buffers, not a multiple
  writeFileSync(video, videoBytes);
  const db = path.join(dir, 'library.sqlite');
  const dbBytes = Buffer.from('CREATE TABLE answers (id INTEGER PRIMARY KEY);\n'.repeat(60_000));
  writeFileSync(db, dbBytes);
  return { video, videoBytes, db, dbBytes };
}

async function writeSample(file: string, options: ZipWriterOptions = {}) {
  const s = sampleFiles(path.dirname(file));
  const zip = await ZipWriter.create(file, options);
  await zip.addData('index.html', Buffer.from('<p>設定を開きます</p>'.repeat(200)), { mtime });
  await zip.addData('media/tiny.txt', Buffer.from('x'), { mtime });
  const known = await zip.addFile('media/video-1.mp4', s.video, {
    mtime,
    size: s.videoBytes.length,
    crc32: zlib.crc32(s.videoBytes),
  });
  const computed = await zip.addFile('media/画像 2.bin', s.video, {
    mtime,
    size: s.videoBytes.length,
    sha256: true,
  });
  const packed = await zip.addFile('library.sqlite', s.db, {
    mtime,
    size: s.dbBytes.length,
    compress: true,
    sha256: true,
  });
  await zip.finish();
  return { ...s, known, computed, packed };
}

describe('ZipWriter', () => {
  it('writes pages, stored media (CRC known or computed) and a deflated file that read back byte for byte', async () => {
    const file = path.join(tempDir(), 'bundle.zip');
    const s = await writeSample(file);
    const read = await readAll(file);
    expect([...read.keys()]).toEqual([
      'index.html',
      'media/tiny.txt',
      'media/video-1.mp4',
      'media/画像 2.bin',
      'library.sqlite',
    ]);
    expect(read.get('index.html')!.data.toString()).toBe('<p>設定を開きます</p>'.repeat(200));
    expect(read.get('index.html')!.method).toBe(8); // deflated: smaller
    expect(read.get('media/tiny.txt')!.method).toBe(0); // deflating one byte makes it larger
    expect(read.get('media/video-1.mp4')!.data.equals(s.videoBytes)).toBe(true);
    expect(read.get('media/video-1.mp4')!.method).toBe(0);
    expect(read.get('media/画像 2.bin')!.data.equals(s.videoBytes)).toBe(true);
    expect(read.get('media/画像 2.bin')!.crc32).toBe(zlib.crc32(s.videoBytes));
    expect(s.computed).toEqual({
      crc32: zlib.crc32(s.videoBytes),
      sha256: createHash('sha256').update(s.videoBytes).digest('hex'),
    });
    expect(read.get('library.sqlite')!.data.equals(s.dbBytes)).toBe(true);
    expect(read.get('library.sqlite')!.method).toBe(8);
    expect(read.get('library.sqlite')!.crc32).toBe(zlib.crc32(s.dbBytes));
    expect(s.packed.sha256).toBe(createHash('sha256').update(s.dbBytes).digest('hex'));
    // Stored data follows its header directly: the zip is the media plus a few hundred bytes.
    expect(readFileSync(file).length).toBeLessThan(2 * s.videoBytes.length + 1024 * 200);
  });

  it('writes zip64 records that yauzl reads (forced here; needed above 4 GiB or 65,535 entries)', async () => {
    const file = path.join(tempDir(), 'zip64.zip');
    const s = await writeSample(file, { forceZip64: true });
    const bytes = readFileSync(file);
    expect(bytes.includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(true); // zip64 end record
    const read = await readAll(file);
    expect(read.get('media/video-1.mp4')!.data.equals(s.videoBytes)).toBe(true);
    expect(read.get('library.sqlite')!.data.equals(s.dbBytes)).toBe(true);
  });

  // Python is installed on CI (node-gyp needs it); a machine without it has no second reader.
  it.skipIf(!python)(
    'is accepted by a second implementation, which checks every CRC-32, with and without zip64',
    async () => {
      for (const forceZip64 of [false, true]) {
        const file = path.join(tempDir(), `python-${forceZip64}.zip`);
        await writeSample(file, { forceZip64 });
        expect(pythonCheck(file)).toBe(
          "None ['index.html', 'library.sqlite', 'media/tiny.txt', 'media/video-1.mp4', 'media/画像 2.bin']",
        );
      }
    },
  );

  it('refuses a file that is shorter or longer than planned, stored or deflated', async () => {
    const dir = tempDir();
    const source = path.join(dir, 'grown.bin');
    writeFileSync(source, randomBytes(1 << 20));
    for (const compress of [false, true]) {
      for (const size of [(1 << 20) - 1, (1 << 20) + 1]) {
        const zip = await ZipWriter.create(path.join(dir, `${compress}-${size}.zip`));
        const added = zip.addFile('a.bin', source, { mtime, size, compress });
        await expect(added).rejects.toBeInstanceOf(SourceSizeError);
        await zip.close();
      }
    }
  });

  it('stops copying when cancelled mid-file, with the reason given', async () => {
    const dir = tempDir();
    const source = path.join(dir, 'big.bin');
    writeFileSync(source, randomBytes(8 << 20));
    for (const compress of [false, true]) {
      const controller = new AbortController();
      let seen = 0;
      const zip = await ZipWriter.create(path.join(dir, `cancel-${compress}.zip`));
      const added = zip.addFile('big.bin', source, {
        mtime,
        size: 8 << 20,
        compress,
        signal: controller.signal,
        onBytes: (n) => {
          seen += n;
          if (seen >= 1 << 20) controller.abort(new Error('stopped by the vendor'));
        },
      });
      await expect(added).rejects.toThrow('stopped by the vendor');
      expect(seen).toBeLessThan(8 << 20);
      await zip.close();
    }
  });
});
