import { createHash } from 'node:crypto';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { KotaeError } from '../../../shared/errors';

// Reading a zip someone hands us (an answer bundle, a library backup) without trusting it. yauzl
// reads the central directory and validates entry sizes; every entry must pass our own checks on
// its central-directory record before a byte of content is read: no zip-slip, absolute paths,
// control characters, symlinks, names that collide on a case-insensitive disk, encryption or exotic
// compression, and limits on entries, total size and compression ratio, enforced again while the
// content streams so a lying header cannot make us unpack more. Callers turn a problem into their
// own error (BUNDLE_INVALID, BACKUP_INVALID) through `fail`.

export interface ArchiveLimits {
  maxEntries: number;
  /** Total bytes after unpacking, from the headers and again while streaming. */
  maxTotalBytes: number;
  /** How many times its packed size an entry may unpack to (above `ratioFloorBytes`). */
  maxRatio: number;
  ratioFloorBytes: number;
}

export type ArchiveProblem =
  | 'noFile'
  | 'notAZip'
  | 'zipSlip'
  | 'absolutePath'
  | 'badFileName'
  | 'symlink'
  | 'duplicateName'
  | 'tooManyEntries'
  | 'tooLarge'
  | 'ratio'
  | 'sizeMismatch'
  | 'encrypted'
  | 'unsupportedCompression'
  | 'corrupt';

/**
 * Makes the caller's error for a problem (params are shown in the message, detail goes to the log).
 * `tooLarge` gives its limit in bytes, for the caller to format in its own words.
 */
export type ArchiveFail = (
  problem: ArchiveProblem,
  params?: Record<string, string | number>,
  detail?: string,
) => Error;

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const UNIX = 3;

/** Printable form of a hostile name for messages: control characters shown as escapes, kept short. */
export function shownName(name: string): string {
  const printable = name.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f]/g,
    (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
  return printable.length > 120 ? `${printable.slice(0, 117)}…` : printable;
}

/**
 * The checks a name must pass before anything is read. `allowedName` adds the caller's own rule
 * (e.g. the bundle's path grammar); it gets the name without a directory's trailing slash.
 */
export function checkArchiveName(
  name: string,
  allowedName?: (name: string) => boolean,
): ArchiveProblem | null {
  // eslint-disable-next-line no-control-regex
  if (name.length === 0 || /[\u0000-\u001f\u007f]/.test(name)) return 'badFileName';
  const slashed = name.replace(/\\/g, '/');
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed)) return 'absolutePath';
  if (slashed.split('/').includes('..')) return 'zipSlip';
  if (yauzl.validateFileName(name) !== null) return 'badFileName';
  const bare = name.endsWith('/') ? name.slice(0, -1) : name;
  if (allowedName && !allowedName(bare)) return 'badFileName';
  return null;
}

export function isSymlink(entry: Pick<Entry, 'versionMadeBy' | 'externalFileAttributes'>): boolean {
  return entry.versionMadeBy >> 8 === UNIX && ((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK;
}

export function openZip(file: string, fail: ArchiveFail): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    // decodeStrings off: we decode and judge every name ourselves (checkArchiveName, which also runs
    // yauzl's validateFileName), so each hostile name gets its own reason instead of one yauzl error.
    yauzl.open(
      file,
      { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true },
      (err, zip) => {
        if (!err) return resolve(zip);
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') reject(fail('noFile', { file }, err.message));
        else reject(fail('notAZip', { detail: err.message }, err.message));
      },
    );
  });
}

/** yauzl reports some hostile cases as plain errors; give those their own reason. */
export function classifyZipError(err: unknown, name: string, fail: ArchiveFail): Error {
  if (err instanceof KotaeError) return err;
  const message = err instanceof Error ? err.message : String(err);
  // Entry-size validation: the data holds more or fewer bytes than the header says.
  if (/too many bytes|not enough bytes|size mismatch/i.test(message)) {
    return fail('sizeMismatch', { file: shownName(name) }, message);
  }
  if (/encrypt/i.test(message)) return fail('encrypted', { file: shownName(name) }, message);
  return fail('corrupt', { detail: message }, message);
}

/** Every file entry by name, after each passed the checks; directories are skipped. */
export async function readCentralDirectory(
  zip: ZipFile,
  limits: ArchiveLimits,
  fail: ArchiveFail,
  allowedName?: (name: string) => boolean,
): Promise<Map<string, Entry>> {
  if (zip.entryCount > limits.maxEntries) throw fail('tooManyEntries', { limit: limits.maxEntries });
  const entries = new Map<string, Entry>();
  const folded = new Set<string>();
  let declared = 0;
  await new Promise<void>((resolve, reject) => {
    zip.on('error', (err: Error) => reject(classifyZipError(err, '', fail)));
    zip.on('end', () => resolve());
    zip.on('entry', (entry: Entry) => {
      try {
        const name = yauzl.getFileNameLowLevel(
          entry.generalPurposeBitFlag,
          entry.fileNameRaw,
          entry.extraFields,
          false,
        );
        const problem = checkArchiveName(name, allowedName);
        if (problem) throw fail(problem, { file: shownName(name) });
        if (isSymlink(entry)) throw fail('symlink', { file: shownName(name) });
        // Case-insensitive file systems (Windows, macOS) would unpack two such names into one file.
        const key = name.normalize('NFC').toLowerCase();
        if (folded.has(key)) throw fail('duplicateName', { file: shownName(name) });
        folded.add(key);
        if (entry.isEncrypted()) throw fail('encrypted', { file: shownName(name) });
        if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
          throw fail('unsupportedCompression', { file: shownName(name) });
        }
        declared += entry.uncompressedSize;
        if (declared > limits.maxTotalBytes) throw fail('tooLarge', { limit: limits.maxTotalBytes });
        if (
          entry.uncompressedSize > limits.ratioFloorBytes &&
          entry.uncompressedSize > limits.maxRatio * Math.max(1, entry.compressedSize)
        ) {
          throw fail('ratio', { file: shownName(name), limit: limits.maxRatio });
        }
        if (!name.endsWith('/')) entries.set(name, entry);
        zip.readEntry();
      } catch (err) {
        reject(err);
      }
    });
    zip.readEntry();
  });
  return entries;
}

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
  try {
    const stream = await zip.openReadStreamPromise(entry);
    await pipeline(
      stream,
      new UnpackLimiter(name, entry.compressedSize, options.limits, options.total, options.fail),
      new Writable({
        write(chunk: Buffer, _enc, done) {
          hash.update(chunk);
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
  return { sha256: hash.digest('hex'), size };
}
