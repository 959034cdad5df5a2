import { createHash } from 'node:crypto';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import type { Entry, ZipFile } from 'yauzl';
import { KotaeError } from '../../../shared/errors';
import { shownName } from './archiveNames';
import { classifyZipError, type ArchiveFail, type ArchiveLimits } from './safeZip';

// Reading one entry of a zip opened by openZip (safeZip.ts): through the limits whatever the
// headers claimed, into a sha256, with its CRC-32 checked at the end.

/**
 * Counts what actually comes out of an entry and stops the stream the moment it passes the limits,
 * whatever the headers claimed.
 */
export class UnpackLimiter extends Transform {
  private bytes = 0;
  constructor(
    private readonly name: string,
    private readonly compressedSize: number,
    private readonly limits: ArchiveLimits,
    private readonly total: { bytes: number },
    private readonly fail: ArchiveFail,
  ) {
    super();
  }
  override _transform(
    chunk: Buffer,
    _enc: BufferEncoding,
    done: (err?: Error | null, data?: Buffer) => void,
  ) {
    this.bytes += chunk.length;
    this.total.bytes += chunk.length;
    if (this.total.bytes > this.limits.maxTotalBytes) {
      return done(this.fail('tooLarge', { limit: this.limits.maxTotalBytes }));
    }
    if (
      this.bytes > this.limits.ratioFloorBytes &&
      this.bytes > this.limits.maxRatio * Math.max(1, this.compressedSize)
    ) {
      return done(this.fail('ratio', { file: shownName(this.name), limit: this.limits.maxRatio }));
    }
    done(null, chunk);
  }
}

export interface ReadEntryOptions {
  limits: ArchiveLimits;
  total: { bytes: number };
  fail: ArchiveFail;
  signal?: AbortSignal | undefined;
  /** Where the bytes go besides the hash (a file being extracted, a buffer); may reject to stop. */
  sink?: (chunk: Buffer) => void | Promise<void>;
  onBytes?: (bytes: number) => void;
}

/** Streams one entry through the limits into a sha256 (and the sink); resolves with both. */
export async function readEntry(
  zip: ZipFile,
  name: string,
  entry: Entry,
  options: ReadEntryOptions,
): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  let crc = 0;
  try {
    const stream = await zip.openReadStreamPromise(entry);
    await pipeline(
      stream,
      new UnpackLimiter(name, entry.compressedSize, options.limits, options.total, options.fail),
      new Writable({
        write(chunk: Buffer, _enc, done) {
          hash.update(chunk);
          crc = zlib.crc32(chunk, crc);
          size += chunk.length;
          options.onBytes?.(chunk.length);
          if (!options.sink) return done();
          // A sink that throws at once must fail the pipeline too, not escape from write().
          const sink = options.sink;
          new Promise<void>((resolve) => resolve(sink(chunk))).then(() => done(), done);
        },
      }),
      ...(options.signal ? [{ signal: options.signal }] : []),
    );
  } catch (err) {
    if (options.signal?.aborted) throw new KotaeError('CANCELLED');
    throw classifyZipError(err, name, options.fail);
  }
  // yauzl does not check CRC-32s; unzip and Python do, and refuse what fails.
  if (crc >>> 0 !== entry.crc32 >>> 0) {
    throw options.fail(
      'crcMismatch',
      { file: shownName(name) },
      `CRC-32 ${(crc >>> 0).toString(16)}, recorded ${entry.crc32.toString(16)}`,
    );
  }
  return { sha256: hash.digest('hex'), size };
}
