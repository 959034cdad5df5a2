import { createHash, type Hash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import {
  centralHeader,
  DEFLATED,
  dosDateTime,
  endRecords,
  FILE_ATTRIBUTES,
  FLAG_UTF8,
  localHeader,
  MAX_16,
  MAX_32,
  STORED,
  zip64Extra,
} from './zipFormat';

// Writes a zip straight to a file, for archives of large files we already know: answer bundles.
// yazl (which we used before) checksums every byte and pushes it through Node streams; exporting
// 200 MB of video took 2.2 times a plain copy (bench/bundle). Here a stored file whose CRC-32 is
// known (media are content-addressed, so the library keeps it) is copied with positional reads and
// writes, two buffers in flight, and never looked at: the export costs what a copy costs. Without a
// known CRC the copy computes it and patches the local header afterwards, so the data is still read
// once and no data descriptors are needed (some unzip tools handle those badly).

const CHUNK = 1 << 20;

export class SourceSizeError extends Error {
  constructor(
    readonly source: string,
    readonly expected: number,
    readonly actual: string,
  ) {
    super(`${source}: ${actual} bytes, expected ${expected}`);
  }
}

export interface ZipWriterOptions {
  /** Write zip64 records even where 32 bits suffice (tests of the zip64 path). */
  forceZip64?: boolean;
}

export interface AddFileOptions {
  mtime: Date;
  /** The size the file must have; a file that yields more or fewer bytes fails with SourceSizeError. */
  size: number;
  /** Its CRC-32, when known: the bytes are then copied without being checksummed. */
  crc32?: number | null;
  /** Deflate the bytes (the CRC is then always computed). */
  compress?: boolean;
  /** Also compute the sha256 of the bytes as they pass. */
  sha256?: boolean;
  signal?: AbortSignal;
  onBytes?: (bytes: number) => void;
}

export interface AddedFile {
  crc32: number;
  sha256: string | null;
}

function cancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('cancelled');
}

/**
 * Marks a promise as handled while it is in flight: a write can fail while the loop awaits the read
 * (or the other way round), and is awaited, and its error thrown, a moment later.
 */
function observed<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}

export class ZipWriter {
  private offset = 0;
  private readonly central: Buffer[] = [];
  private closed = false;

  private constructor(
    private readonly handle: FileHandle,
    private readonly options: ZipWriterOptions,
  ) {}

  /** Creates `file`, which must not exist (callers write to a temp name and rename). */
  static async create(file: string, options: ZipWriterOptions = {}): Promise<ZipWriter> {
    return new ZipWriter(await open(file, 'wx'), options);
  }

  /** A file made in memory; deflated when that makes it smaller. */
  async addData(name: string, data: Buffer, opts: { mtime: Date; compress?: boolean }): Promise<void> {
    const crc32 = zlib.crc32(data);
    const deflated = opts.compress === false ? null : zlib.deflateRawSync(data);
    const useDeflate = deflated !== null && deflated.length < data.length;
    const body = useDeflate ? deflated : data;
    const record = this.record(name, opts.mtime, this.offset, {
      method: useDeflate ? DEFLATED : STORED,
      crc32,
      compressedSize: body.length,
      uncompressedSize: data.length,
      zip64Sizes: this.needsZip64(data.length),
    });
    await this.write([record.local, body]);
    this.central.push(record.central);
  }

  /**
   * Copies `source` into the zip: stored (media are compressed already) unless `compress`, which
   * deflates it as it streams (a database in a backup). The local header is written first with the
   * values known then and rewritten in place once the CRC-32 and packed size are known.
   */
  async addFile(name: string, source: string, opts: AddFileOptions): Promise<AddedFile> {
    cancelled(opts.signal);
    const known = opts.compress ? null : (opts.crc32 ?? null);
    const at = this.offset;
    const planned = {
      method: opts.compress ? DEFLATED : STORED,
      crc32: known ?? 0,
      compressedSize: opts.size,
      uncompressedSize: opts.size,
      // Deflate can make incompressible bytes slightly larger: leave room for that.
      zip64Sizes: this.needsZip64(opts.compress ? opts.size + opts.size / 16 + 1024 : opts.size),
    };
    const input = await open(source, 'r');
    try {
      const first = this.record(name, opts.mtime, at, planned);
      await this.write([first.local]);
      const hash = opts.sha256 ? createHash('sha256') : null;
      const dataAt = this.offset;
      const crc32 = opts.compress
        ? await this.deflate(input, source, opts, hash)
        : await this.copy(input, source, opts, known === null, hash);
      const final = this.record(name, opts.mtime, at, {
        ...planned,
        crc32,
        compressedSize: this.offset - dataAt,
      });
      if (!final.local.equals(first.local)) await this.writeAll(final.local, at);
      this.central.push(final.central);
      return { crc32, sha256: hash ? hash.digest('hex') : null };
    } finally {
      await input.close();
    }
  }

  /** Writes the central directory and end records, and syncs the file to disk. */
  async finish(): Promise<void> {
    const centralOffset = this.offset;
    const directory = Buffer.concat(this.central);
    const entries = this.central.length;
    const zip64 =
      this.options.forceZip64 === true ||
      entries >= MAX_16 ||
      centralOffset >= MAX_32 ||
      directory.length >= MAX_32;
    const end = endRecords(
      { entries, centralSize: directory.length, centralOffset, zip64 },
      centralOffset + directory.length,
    );
    await this.write([directory, end]);
    await this.handle.sync();
    await this.close();
  }

  /** Closes the file (after a failure the caller removes it). Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.handle.close();
  }

  private needsZip64(size: number): boolean {
    return this.options.forceZip64 === true || size >= MAX_32;
  }

  /** Both headers of an entry whose local header starts at `at`. */
  private record(
    name: string,
    mtime: Date,
    at: number,
    v: {
      method: number;
      crc32: number;
      compressedSize: number;
      uncompressedSize: number;
      zip64Sizes: boolean;
    },
  ): { local: Buffer; central: Buffer } {
    const bigOffset = this.options.forceZip64 === true || at >= MAX_32;
    const base = {
      versionNeeded: v.zip64Sizes || bigOffset ? 45 : 20,
      flags: FLAG_UTF8,
      method: v.method,
      dos: dosDateTime(mtime),
      crc32: v.crc32,
      name: Buffer.from(name, 'utf8'),
    };
    const sizes = v.zip64Sizes
      ? { compressedSize: MAX_32, uncompressedSize: MAX_32 }
      : { compressedSize: v.compressedSize, uncompressedSize: v.uncompressedSize };
    // The zip64 extra holds the values whose 32-bit fields say MAX_32, uncompressed size first.
    const bigSizes = v.zip64Sizes ? [v.uncompressedSize, v.compressedSize] : [];
    return {
      local: localHeader({ ...base, ...sizes, extra: zip64Extra(bigSizes) }),
      central: centralHeader({
        ...base,
        ...sizes,
        externalAttributes: FILE_ATTRIBUTES,
        localHeaderOffset: bigOffset ? MAX_32 : at,
        extra: zip64Extra([...bigSizes, ...(bigOffset ? [at] : [])]),
      }),
    };
  }

  private async write(buffers: Buffer[]): Promise<void> {
    const total = buffers.reduce((sum, b) => sum + b.length, 0);
    const { bytesWritten } = await this.handle.writev(buffers, this.offset);
    if (bytesWritten !== total) {
      // writev may write less (a signal, a nearly full disk): finish the rest one buffer at a time.
      let skip = bytesWritten;
      let at = this.offset + bytesWritten;
      for (const b of buffers) {
        if (skip >= b.length) {
          skip -= b.length;
          continue;
        }
        await this.writeAll(b.subarray(skip), at);
        at += b.length - skip;
        skip = 0;
      }
    }
    this.offset += total;
  }

  private async writeAll(data: Buffer, at: number): Promise<void> {
    let done = 0;
    while (done < data.length) {
      const { bytesWritten } = await this.handle.write(data, done, data.length - done, at + done);
      done += bytesWritten;
    }
  }

  /**
   * Deflates `input` into the zip at the current offset, checking it holds exactly `opts.size`
   * bytes. Returns the CRC-32 of the uncompressed bytes.
   */
  private async deflate(
    input: FileHandle,
    source: string,
    opts: AddFileOptions,
    hash: Hash | null,
  ): Promise<number> {
    let crc = 0;
    let read = 0;
    const signal = opts.signal;
    async function* chunks(): AsyncGenerator<Buffer> {
      for (;;) {
        cancelled(signal);
        // One byte more than planned is asked for at the end, to notice a file that grew.
        const want = Math.min(CHUNK, opts.size + 1 - read);
        const buf = Buffer.allocUnsafe(want);
        const { bytesRead } = await input.read(buf, 0, want, read);
        if (bytesRead === 0) break;
        read += bytesRead;
        if (read > opts.size) throw new SourceSizeError(source, opts.size, `more than ${opts.size}`);
        const chunk = buf.subarray(0, bytesRead);
        crc = zlib.crc32(chunk, crc);
        hash?.update(chunk);
        opts.onBytes?.(bytesRead);
        yield chunk;
      }
      if (read !== opts.size) throw new SourceSizeError(source, opts.size, `${read}`);
    }
    const sink = async (packed: AsyncIterable<Buffer>) => {
      for await (const out of packed) {
        const at = this.offset;
        this.offset += out.length;
        await this.writeAll(out, at);
      }
    };
    await pipeline(chunks, zlib.createDeflateRaw(), sink);
    return crc >>> 0;
  }

  /**
   * Copies exactly `opts.size` bytes of `input` to the zip at the current offset: the next chunk is
   * read while the last one is written. Returns the CRC-32 when asked to compute it, else the known one.
   */
  private async copy(
    input: FileHandle,
    source: string,
    opts: AddFileOptions,
    computeCrc: boolean,
    hash: Hash | null,
  ): Promise<number> {
    const buffers = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)];
    let crc = computeCrc ? 0 : (opts.crc32 ?? 0);
    let readAt = 0;
    const readNext = (buf: Buffer) => {
      const want = Math.min(CHUNK, opts.size - readAt);
      const at = readAt;
      readAt += want;
      return observed(
        want === 0 ? Promise.resolve(0) : input.read(buf, 0, want, at).then((r) => r.bytesRead),
      );
    };
    let which = 0;
    let pending = readNext(buffers[0]!);
    let writing: Promise<void> = Promise.resolve();
    let copied = 0;
    try {
      for (;;) {
        const n = await pending;
        if (n === 0) break;
        const chunk = buffers[which]!.subarray(0, n);
        which ^= 1;
        await writing; // the other buffer is free again once its write is done
        cancelled(opts.signal);
        if (n < Math.min(CHUNK, opts.size - copied)) {
          throw new SourceSizeError(source, opts.size, `${copied + n}`);
        }
        pending = readNext(buffers[which]!);
        if (computeCrc) crc = zlib.crc32(chunk, crc);
        hash?.update(chunk);
        const at = this.offset;
        this.offset += n;
        copied += n;
        writing = observed(this.writeAll(chunk, at).then(() => opts.onBytes?.(n)));
      }
    } catch (err) {
      // Nothing may still be reading or writing when the caller closes the files.
      await Promise.allSettled([pending, writing]);
      throw err;
    }
    await writing;
    if (copied !== opts.size) throw new SourceSizeError(source, opts.size, `${copied}`);
    // One byte past the planned end: a file that grew since it was planned is not what we checked.
    const { bytesRead } = await input.read(Buffer.alloc(1), 0, 1, opts.size);
    if (bytesRead) throw new SourceSizeError(source, opts.size, `more than ${opts.size}`);
    return crc >>> 0;
  }
}
