import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import zlib from 'node:zlib';
import { cancelled, copyStored, deflateInto } from './copyInto';
import { FileOutput } from './fileOutput';
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

// Writes a zip straight to a file, for archives of large files we already know: answer bundles and
// library backups.
// yazl (which we used before) checksums every byte and pushes it through Node streams; exporting
// 200 MB of video took 2.2 times a plain copy (bench/bundle). Here a stored file whose CRC-32 is
// known (media are content-addressed, so the library keeps it) is copied with positional reads and
// writes, two buffers in flight, and never looked at: the export costs what a copy costs. Without a
// known CRC the copy computes it and patches the local header afterwards, so the data is still read
// once and no data descriptors are needed (some unzip tools handle those badly).

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

export { SourceSizeError } from './copyInto';

export class ZipWriter {
  private readonly central: Buffer[] = [];
  private closed = false;

  private constructor(
    private readonly out: FileOutput,
    private readonly options: ZipWriterOptions,
  ) {}

  /** Creates `file`, which must not exist (callers write to a temp name and rename). */
  static async create(file: string, options: ZipWriterOptions = {}): Promise<ZipWriter> {
    return new ZipWriter(new FileOutput(await open(file, 'wx')), options);
  }

  /** A file made in memory; deflated when that makes it smaller. */
  async addData(name: string, data: Buffer, opts: { mtime: Date; compress?: boolean }): Promise<void> {
    const crc32 = zlib.crc32(data);
    const deflated = opts.compress === false ? null : zlib.deflateRawSync(data);
    const useDeflate = deflated !== null && deflated.length < data.length;
    const body = useDeflate ? deflated : data;
    const record = this.record(name, opts.mtime, this.out.offset, {
      method: useDeflate ? DEFLATED : STORED,
      crc32,
      compressedSize: body.length,
      uncompressedSize: data.length,
      zip64Sizes: this.needsZip64(data.length),
    });
    await this.out.append([record.local, body]);
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
    const at = this.out.offset;
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
      await this.out.append([first.local]);
      const dataAt = this.out.offset;
      const copy = {
        size: opts.size,
        signal: opts.signal,
        onBytes: opts.onBytes,
        hash: opts.sha256 ? createHash('sha256') : null,
      };
      const crc32 = opts.compress
        ? await deflateInto(input, source, this.out, copy)
        : await copyStored(input, source, this.out, copy, known);
      const final = this.record(name, opts.mtime, at, {
        ...planned,
        crc32,
        compressedSize: this.out.offset - dataAt,
      });
      if (!final.local.equals(first.local)) await this.out.writeAt(final.local, at);
      this.central.push(final.central);
      return { crc32, sha256: copy.hash ? copy.hash.digest('hex') : null };
    } finally {
      await input.close();
    }
  }

  /** Writes the central directory and end records, and syncs the file to disk. */
  async finish(): Promise<void> {
    const centralOffset = this.out.offset;
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
    await this.out.append([directory, end]);
    await this.out.handle.sync();
    await this.close();
  }

  /** Closes the file (after a failure the caller removes it). Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.out.handle.close();
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
}
