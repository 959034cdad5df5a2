import { closeSync, openSync } from 'node:fs';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { KotaeError } from '../../../shared/errors';
import { decodeEntryName, checkArchiveName, NameSet, shownName } from './archiveNames';
import { checkZipLayout, type ZipLayout } from './zipLayout';

// Reading a zip someone hands us (an answer bundle, a library backup) without trusting it. First
// its whole layout is checked (zipLayout.ts: entries back to back from byte 0, each local header
// repeating its central record, nothing before, between or after), so that we read it the way
// every other tool does or refuse it. yauzl then reads the central directory (checked against our
// own reading) and validates entry sizes; every entry must pass our checks on its record before a
// byte of content is read: no zip-slip, absolute paths, control characters, symlinks, names that
// collide on a case-insensitive disk or are both a file and a folder, encryption or exotic
// compression, and limits on entries, total size and compression ratio, enforced again while the
// content streams (with its CRC-32) so a lying header cannot make us unpack more or other bytes.
// Callers turn a problem into their own error (BUNDLE_INVALID, BACKUP_INVALID) through `fail`.

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
  | 'corrupt'
  // The layout (zipLayout.ts): where tools would read the zip differently.
  | 'strayBytes'
  | 'overlappingEntries'
  | 'localHeaderMismatch'
  | 'zipComment'
  | 'dataDescriptor'
  | 'unsupportedFeature'
  | 'fileFolderClash'
  /** The data does not match its CRC-32: changed or damaged after the zip was written. */
  | 'crcMismatch';

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
const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;
const UNIX = 3;

export { checkArchiveName, shownName };

export function isSymlink(entry: Pick<Entry, 'versionMadeBy' | 'externalFileAttributes'>): boolean {
  return entry.versionMadeBy >> 8 === UNIX && ((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK;
}

/** The layout each zip was opened with, for readCentralDirectory to hold yauzl's reading against. */
const layouts = new WeakMap<ZipFile, ZipLayout>();

/**
 * Opens a zip for reading after checking its layout (zipLayout.ts) and its entry count. The zip is
 * read through one file descriptor, so the bytes checked are the bytes read; `zip.close()` closes it.
 */
/**
 * A Unix mode, when the record has one, must say what the name says: a folder for `name/`, a regular
 * file otherwise (unzip creates what the mode says, Python what the name says).
 */
function typeMatchesName(
  entry: Pick<Entry, 'versionMadeBy' | 'externalFileAttributes'>,
  name: string,
): boolean {
  const type = (entry.externalFileAttributes >>> 16) & S_IFMT;
  if (entry.versionMadeBy >> 8 !== UNIX || type === 0) return true;
  return type === (name.endsWith('/') ? S_IFDIR : S_IFREG);
}

export async function openZip(
  file: string,
  fail: ArchiveFail,
  limits: Pick<ArchiveLimits, 'maxEntries'>,
): Promise<ZipFile> {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    const message = (err as Error).message;
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw fail('noFile', { file }, message);
    throw fail('notAZip', { detail: message }, message);
  }
  let layout: ZipLayout;
  try {
    layout = checkZipLayout(fd, fail, limits.maxEntries);
  } catch (err) {
    closeSync(fd);
    // A folder, a device, an unreadable file: the system's error, not one of ours.
    if ((err as NodeJS.ErrnoException).syscall) {
      throw fail('notAZip', { detail: (err as Error).message }, (err as Error).message);
    }
    throw err;
  }
  return new Promise((resolve, reject) => {
    // decodeStrings off: we decode and judge every name ourselves (decodeEntryName, checkArchiveName),
    // so each hostile name gets its own reason instead of one yauzl error.
    yauzl.fromFd(
      fd,
      { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true },
      (err, zip) => {
        if (err) {
          closeSync(fd);
          return reject(fail('notAZip', { detail: err.message }, err.message));
        }
        layouts.set(zip, layout);
        resolve(zip);
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

/** yauzl's reading of a record must be ours (zipLayout.ts): two readers of one directory agree. */
function sameAsLayout(entry: Entry, laid: ZipLayout['entries'][number] | undefined): boolean {
  return (
    laid !== undefined &&
    entry.fileNameRaw.equals(laid.nameRaw) &&
    entry.relativeOffsetOfLocalHeader === laid.localOffset &&
    entry.compressedSize === laid.compressedSize &&
    entry.uncompressedSize === laid.uncompressedSize &&
    entry.crc32 === laid.crc32 &&
    entry.generalPurposeBitFlag === laid.flags &&
    entry.compressionMethod === laid.method
  );
}

/** Every file entry by name, after each passed the checks; directories are skipped. */
export async function readCentralDirectory(
  zip: ZipFile,
  limits: ArchiveLimits,
  fail: ArchiveFail,
  allowedName?: (name: string) => boolean,
): Promise<Map<string, Entry>> {
  const layout = layouts.get(zip);
  if (!layout) throw new Error('readCentralDirectory needs a zip opened by openZip');
  if (zip.entryCount > limits.maxEntries) throw fail('tooManyEntries', { limit: limits.maxEntries });
  if (zip.entryCount !== layout.entries.length) {
    throw fail(
      'corrupt',
      { detail: 'entry count' },
      `yauzl ${zip.entryCount}, layout ${layout.entries.length}`,
    );
  }
  const entries = new Map<string, Entry>();
  const names = new NameSet(fail);
  let declared = 0;
  let index = 0;
  await new Promise<void>((resolve, reject) => {
    zip.on('error', (err: Error) => reject(classifyZipError(err, '', fail)));
    zip.on('end', () => resolve());
    zip.on('entry', (entry: Entry) => {
      try {
        if (!sameAsLayout(entry, layout.entries[index++])) {
          throw fail('corrupt', { detail: 'central directory' }, `record ${index} read two ways`);
        }
        const name = decodeEntryName(
          entry.fileNameRaw,
          entry.generalPurposeBitFlag,
          entry.versionMadeBy,
          fail,
        );
        const problem = checkArchiveName(name, allowedName);
        if (problem) throw fail(problem, { file: shownName(name) });
        if (isSymlink(entry)) throw fail('symlink', { file: shownName(name) });
        if (!typeMatchesName(entry, name)) {
          throw fail('unsupportedFeature', { file: shownName(name), feature: 'file type' });
        }
        // Case-insensitive file systems (Windows, macOS) would unpack two such names into one file.
        names.add(name);
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

export { readEntry, UnpackLimiter, type ReadEntryOptions } from './readEntry';
