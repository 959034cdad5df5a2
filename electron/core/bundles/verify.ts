import { createHash } from 'node:crypto';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import {
  BUNDLE_FORMAT_VERSION,
  BundleManifest,
  BundlePath,
  MANIFEST_FILE,
} from '../../../shared/domain/bundle';
import { KotaeError } from '../../../shared/errors';
import { formatBytes } from './text';

// Checking a bundle someone hands us (or the customer's copy): the zip is read with yauzl (central
// directory, entry-size validation), and every entry must pass our own checks before a byte of its
// content is read. Contents are only hashed, never written anywhere, so checking a hostile zip is
// harmless. The limits are ours: an answer bundle is a few pages and videos, nothing near them.

export interface VerifyLimits {
  maxEntries: number;
  /** Total bytes after unpacking, from the headers and again while streaming. */
  maxTotalBytes: number;
  /** How many times its packed size an entry may unpack to (above `ratioFloorBytes`). */
  maxRatio: number;
  ratioFloorBytes: number;
  maxManifestBytes: number;
}

export const DEFAULT_VERIFY_LIMITS: VerifyLimits = {
  maxEntries: 5_000,
  maxTotalBytes: 16 * 1024 ** 3,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  maxManifestBytes: 4 * 1024 * 1024,
};

export type InvalidReason =
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
  | 'noManifest'
  | 'badManifest'
  | 'unsupportedFormat'
  | 'missingFile'
  | 'extraFile'
  | 'tampered'
  | 'corrupt';

export function invalid(
  reason: InvalidReason,
  params: Record<string, string | number> = {},
  detail?: string,
): KotaeError {
  return new KotaeError('BUNDLE_INVALID', { reason, ...params }, detail, `bundle:invalid.${reason}`);
}

export interface VerifiedBundle {
  manifest: BundleManifest;
  manifestSha256: string;
  /** Bytes of all files after unpacking. */
  bytes: number;
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const UNIX = 3;

/** Printable form of a hostile name for messages: control characters shown as escapes, kept short. */
function shown(name: string): string {
  const printable = name.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f]/g,
    (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
  return printable.length > 120 ? `${printable.slice(0, 117)}…` : printable;
}

/** Every check an entry must pass on its central-directory record, before any content is read. */
export function checkEntryName(name: string): InvalidReason | null {
  // eslint-disable-next-line no-control-regex
  if (name.length === 0 || /[\u0000-\u001f\u007f]/.test(name)) return 'badFileName';
  const slashed = name.replace(/\\/g, '/');
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed)) return 'absolutePath';
  if (slashed.split('/').includes('..')) return 'zipSlip';
  if (yauzl.validateFileName(name) !== null) return 'badFileName';
  const isDirectory = name.endsWith('/');
  if (!BundlePath.safeParse(isDirectory ? name.slice(0, -1) : name).success) return 'badFileName';
  return null;
}

export function isSymlink(entry: Pick<Entry, 'versionMadeBy' | 'externalFileAttributes'>): boolean {
  return entry.versionMadeBy >> 8 === UNIX && ((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK;
}

function openZip(file: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    // decodeStrings off: we decode and judge every name ourselves (checkEntryName, which also runs
    // yauzl's validateFileName), so each hostile name gets its own reason instead of one yauzl error.
    yauzl.open(
      file,
      { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true },
      (err, zip) => {
        if (!err) return resolve(zip);
        if ((err as NodeJS.ErrnoException).code === 'ENOENT')
          reject(invalid('noFile', { file }, err.message));
        else reject(invalid('notAZip', { detail: err.message }, err.message));
      },
    );
  });
}

async function readCentralDirectory(zip: ZipFile, limits: VerifyLimits): Promise<Map<string, Entry>> {
  if (zip.entryCount > limits.maxEntries) throw invalid('tooManyEntries', { limit: limits.maxEntries });
  const entries = new Map<string, Entry>();
  const folded = new Set<string>();
  let declared = 0;
  await new Promise<void>((resolve, reject) => {
    zip.on('error', (err: Error) => reject(classifyZipError(err, '')));
    zip.on('end', () => resolve());
    zip.on('entry', (entry: Entry) => {
      try {
        const name = yauzl.getFileNameLowLevel(
          entry.generalPurposeBitFlag,
          entry.fileNameRaw,
          entry.extraFields,
          false,
        );
        const problem = checkEntryName(name);
        if (problem) throw invalid(problem, { file: shown(name) });
        if (isSymlink(entry)) throw invalid('symlink', { file: shown(name) });
        // Case-insensitive file systems (Windows, macOS) would unpack two such names into one file.
        const key = name.normalize('NFC').toLowerCase();
        if (folded.has(key)) throw invalid('duplicateName', { file: shown(name) });
        folded.add(key);
        if (entry.isEncrypted()) throw invalid('encrypted', { file: shown(name) });
        if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
          throw invalid('unsupportedCompression', { file: shown(name) });
        }
        declared += entry.uncompressedSize;
        if (declared > limits.maxTotalBytes)
          throw invalid('tooLarge', { limit: formatBytes(limits.maxTotalBytes) });
        if (
          entry.uncompressedSize > limits.ratioFloorBytes &&
          entry.uncompressedSize > limits.maxRatio * Math.max(1, entry.compressedSize)
        ) {
          throw invalid('ratio', { file: shown(name), limit: limits.maxRatio });
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
 * whatever the headers claimed: a lying header cannot make us unpack more than the limits.
 */
export class UnpackLimiter extends Transform {
  private bytes = 0;
  constructor(
    private readonly name: string,
    private readonly compressedSize: number,
    private readonly limits: VerifyLimits,
    private readonly total: { bytes: number },
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
      return done(invalid('tooLarge', { limit: formatBytes(this.limits.maxTotalBytes) }));
    }
    if (
      this.bytes > this.limits.ratioFloorBytes &&
      this.bytes > this.limits.maxRatio * Math.max(1, this.compressedSize)
    ) {
      return done(invalid('ratio', { file: shown(this.name), limit: this.limits.maxRatio }));
    }
    done(null, chunk);
  }
}

/** yauzl reports some hostile cases as plain errors; give those their own reason. */
function classifyZipError(err: unknown, name: string): KotaeError {
  if (err instanceof KotaeError) return err;
  const message = err instanceof Error ? err.message : String(err);
  // Entry-size validation: the data holds more or fewer bytes than the header says.
  if (/too many bytes|not enough bytes|size mismatch/i.test(message)) {
    return invalid('sizeMismatch', { file: shown(name) }, message);
  }
  if (/encrypt/i.test(message)) return invalid('encrypted', { file: shown(name) }, message);
  return invalid('corrupt', { detail: message }, message);
}

async function hashEntry(
  zip: ZipFile,
  name: string,
  entry: Entry,
  limits: VerifyLimits,
  total: { bytes: number },
  signal?: AbortSignal,
  keep = false,
): Promise<{ sha256: string; size: number; data: Buffer | null }> {
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    const stream = await zip.openReadStreamPromise(entry);
    await pipeline(
      stream,
      new UnpackLimiter(name, entry.compressedSize, limits, total),
      new Writable({
        write(chunk: Buffer, _enc, done) {
          hash.update(chunk);
          size += chunk.length;
          if (keep) {
            if (size > limits.maxManifestBytes) return done(invalid('badManifest', { detail: 'too large' }));
            chunks.push(chunk);
          }
          done();
        },
      }),
      ...(signal ? [{ signal }] : []),
    );
  } catch (err) {
    if (signal?.aborted) throw new KotaeError('CANCELLED');
    throw classifyZipError(err, name);
  }
  return { sha256: hash.digest('hex'), size, data: keep ? Buffer.concat(chunks) : null };
}

export interface VerifyOptions {
  limits?: Partial<VerifyLimits>;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

/** Verifies a bundle zip; resolves with its manifest when sound, rejects with BUNDLE_INVALID otherwise. */
export async function verifyBundleZip(file: string, options: VerifyOptions = {}): Promise<VerifiedBundle> {
  const limits = { ...DEFAULT_VERIFY_LIMITS, ...options.limits };
  const zip = await openZip(file);
  try {
    const entries = await readCentralDirectory(zip, limits);
    const total = { bytes: 0 };
    const manifestEntry = entries.get(MANIFEST_FILE);
    if (!manifestEntry) throw invalid('noManifest');
    const read = await hashEntry(zip, MANIFEST_FILE, manifestEntry, limits, total, options.signal, true);
    const manifest = parseManifest(read.data!);

    const listed = new Map(manifest.files.map((f) => [f.path, f]));
    for (const f of manifest.files) if (!entries.has(f.path)) throw invalid('missingFile', { file: f.path });
    for (const name of entries.keys()) {
      if (name !== MANIFEST_FILE && !listed.has(name)) throw invalid('extraFile', { file: shown(name) });
    }
    const expectedBytes = manifest.files.reduce((sum, f) => sum + f.size, 0) || 1;
    let done = 0;
    for (const f of manifest.files) {
      const got = await hashEntry(zip, f.path, entries.get(f.path)!, limits, total, options.signal);
      if (got.sha256 !== f.sha256 || got.size !== f.size) {
        throw invalid(
          'tampered',
          { file: f.path },
          `sha256 ${got.sha256} (${got.size} bytes), manifest ${f.sha256} (${f.size} bytes)`,
        );
      }
      done += f.size;
      options.onProgress?.(done / expectedBytes);
    }
    return { manifest, manifestSha256: read.sha256, bytes: expectedBytes };
  } finally {
    zip.close();
  }
}

export function parseManifest(data: Buffer): BundleManifest {
  let json: unknown;
  try {
    json = JSON.parse(data.toString('utf8'));
  } catch (err) {
    throw invalid('badManifest', { detail: (err as Error).message });
  }
  const version = (json as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && version > BUNDLE_FORMAT_VERSION) {
    throw invalid('unsupportedFormat', { found: version, supported: BUNDLE_FORMAT_VERSION });
  }
  const parsed = BundleManifest.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid('badManifest', { detail: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}` });
  }
  const paths = new Set<string>();
  for (const f of parsed.data.files) {
    if (f.path === MANIFEST_FILE || paths.has(f.path)) {
      throw invalid('badManifest', { detail: `${f.path} listed twice` });
    }
    paths.add(f.path);
  }
  return parsed.data;
}
