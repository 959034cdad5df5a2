import yauzl from 'yauzl';
import type { ArchiveFail, ArchiveProblem } from './safeZip';

// Names of entries in a zip we did not write: decoded one way only, judged before anything is
// read, and compared the way the file systems they may be unpacked onto compare them.

const FLAG_UTF8 = 0x800;
const UNIX = 3;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

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
 * The entry's name as text. Flag bit 11 says UTF-8, and then it must be valid UTF-8; without it
 * tools guess (Python and unzip read CP437, others the system's code page), so only ASCII is taken.
 * unzip also recodes the names of entries made on MS-DOS, Windows or OS/2 from the OEM code page
 * even under the UTF-8 flag (found by the differential fuzzer): non-ASCII names are taken only from
 * entries made on Unix, as ours are.
 */
export function decodeEntryName(
  raw: Buffer,
  flags: number,
  versionMadeBy: number,
  fail: ArchiveFail,
): string {
  const ascii = !raw.some((b) => b > 0x7f);
  if (!ascii && versionMadeBy >> 8 !== UNIX) {
    throw fail('badFileName', { file: shownName(raw.toString('latin1')) }, 'non-ASCII name not made on Unix');
  }
  if (flags & FLAG_UTF8) {
    try {
      return utf8.decode(raw);
    } catch {
      throw fail('badFileName', { file: shownName(raw.toString('latin1')) }, 'not valid UTF-8');
    }
  }
  if (!ascii) {
    throw fail(
      'badFileName',
      { file: shownName(raw.toString('latin1')) },
      'non-ASCII name without the UTF-8 flag',
    );
  }
  return raw.toString('latin1');
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
  // `a//b` and `a/./b` are one file to some extractors and a different name to others.
  if (bare.split('/').some((segment) => segment === '' || segment === '.')) return 'badFileName';
  if (allowedName && !allowedName(bare)) return 'badFileName';
  return null;
}

/**
 * The name as a case-insensitive, normalising file system sees it (macOS: NFC/NFD and case,
 * Windows: case and trailing dots and spaces): two entries with the same key unpack into one file.
 * Upper- then lower-casing folds `ß` and `SS` together, as full case folding does.
 */
export function collisionKey(name: string): string {
  return name
    .normalize('NFC')
    .toUpperCase()
    .toLowerCase()
    .normalize('NFC')
    .split('/')
    .map((segment) => segment.replace(/[. ]+$/, ''))
    .join('/');
}

/**
 * Tracks the names of one zip: the same name twice (after collisionKey), or one name both a file
 * and a folder (`media` and `media/x`), is refused: extractors keep one or the other, or fail.
 */
export class NameSet {
  private readonly files = new Set<string>();
  private readonly folders = new Set<string>();
  private readonly declaredFolders = new Set<string>();

  constructor(private readonly fail: ArchiveFail) {}

  add(name: string): void {
    const isFolder = name.endsWith('/');
    const key = collisionKey(isFolder ? name.slice(0, -1) : name);
    const file = shownName(name);
    if (isFolder) {
      if (this.files.has(key)) throw this.fail('fileFolderClash', { file });
      if (this.declaredFolders.has(key)) throw this.fail('duplicateName', { file });
      this.declaredFolders.add(key);
      this.folders.add(key);
    } else {
      if (this.files.has(key)) throw this.fail('duplicateName', { file });
      if (this.folders.has(key)) throw this.fail('fileFolderClash', { file });
      this.files.add(key);
    }
    const segments = key.split('/');
    for (let i = 1; i < segments.length; i++) {
      const parent = segments.slice(0, i).join('/');
      if (this.files.has(parent)) {
        throw this.fail('fileFolderClash', { file: shownName(name.split('/').slice(0, i).join('/')) });
      }
      this.folders.add(parent);
    }
  }
}
