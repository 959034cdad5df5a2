import { fstatSync } from 'node:fs';
import type { ArchiveFail } from './safeZip';
import { readAt, readEnd, type EndOfDirectory } from './zipEnd';
import { CENTRAL_HEADER_SIG, LOCAL_HEADER_SIG, MAX_16 } from './zipFormat';
import { parseExtraFields, resolveZip64, type ExtraFields } from './zipExtra';

// The whole structure of a zip, checked before any reader is trusted with it (issue 15). Zip tools
// disagree on files that are not laid out exactly: a streaming extractor walks the local headers
// from the first byte, Python's zipfile trusts the central directory and shifts it by any prepended
// bytes, yauzl trusts the central directory and the local header's lengths, unzip warns and carries
// on. So we accept only the layout every tool reads the same way, the one our writer produces:
//
//   [local header + data] × N, back to back from byte 0 · central directory · (zip64 end record +
//   locator) · end record, ending at the last byte of the file, with no comment.
//
// Every local header must repeat its central record (name bytes, flags, method, CRC-32, both sizes);
// anything else, including a prepended stub, a gap, a local entry no central record names (before
// the first, between two, or after the last), trailing bytes, data descriptors or a zip comment, is
// refused. A zip comment is refused rather than bounded: a comment can hold a second end record
// that tools which search backwards find first, and neither our bundles nor our backups have one.
// The checks are positional reads of the headers only: the data is read later, through yauzl.

/** The one record layout every tool reads alike: the facts of an entry, from the central directory. */
export interface LaidOutEntry {
  /** The name's bytes as the central directory holds them (the local header holds the same). */
  nameRaw: Buffer;
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  versionMadeBy: number;
  externalAttributes: number;
  localOffset: number;
  /** First byte of the entry's data, after its local header, name and extra field. */
  dataOffset: number;
}

export interface ZipLayout {
  entries: LaidOutEntry[];
  centralOffset: number;
  centralSize: number;
  zip64: boolean;
}

const LOCAL_FIXED = 30;
const CENTRAL_FIXED = 46;
/** Version needed to extract: 4.5 (zip64) is the newest feature our writer uses, and unzip 6 knows. */
export const MAX_VERSION_NEEDED = 45;
/** General-purpose flags we accept: bits 1-2 (deflate level, informative only) and bit 11 (UTF-8). */
const ALLOWED_FLAGS = 0x0806;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_DATA_DESCRIPTOR = 0x0008;
const FLAG_STRONG_ENCRYPTION = 0x0040;
/** Enough for the biggest central directory of a backup at its entry limit (1,000,001 × ~130 B). */
const MAX_CENTRAL_BYTES = 512 * 1024 * 1024;

interface CentralRecord extends LaidOutEntry {
  versionNeeded: number;
}

function nameForMessage(raw: Buffer): string {
  return raw.toString('utf8');
}

/** Every record of the central directory, which must fill it exactly. */
function readCentral(fd: number, end: EndOfDirectory, fail: ArchiveFail): CentralRecord[] {
  const { entries, centralSize, centralOffset, directoryEnd } = end;
  if (!Number.isFinite(centralSize) || !Number.isFinite(centralOffset) || !Number.isFinite(entries)) {
    throw fail('corrupt', { detail: 'sizes past 2^53' });
  }
  // The directory ends exactly where the end records begin: nothing hides between them.
  if (centralOffset + centralSize !== directoryEnd) {
    if (centralOffset + centralSize > directoryEnd) {
      throw fail('corrupt', { detail: 'the central directory overlaps the end record' });
    }
    throw fail(
      'strayBytes',
      { offset: centralOffset + centralSize },
      'bytes between the directory and the end record',
    );
  }
  if (centralSize > MAX_CENTRAL_BYTES || centralSize > entries * (CENTRAL_FIXED + 3 * MAX_16)) {
    throw fail(
      'corrupt',
      { detail: 'central directory size' },
      `${centralSize} bytes for ${entries} entries`,
    );
  }
  const cd = readAt(fd, centralSize, centralOffset);
  if (!cd) throw fail('corrupt', { detail: 'central directory past the end of the file' });
  const records: CentralRecord[] = [];
  let p = 0;
  for (let i = 0; i < entries; i++) {
    if (p + CENTRAL_FIXED > cd.length || cd.readUInt32LE(p) !== CENTRAL_HEADER_SIG) {
      throw fail('corrupt', { detail: `central directory record ${i + 1}` }, `at directory byte ${p}`);
    }
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    const next = p + CENTRAL_FIXED + nameLength + extraLength + commentLength;
    if (next > cd.length) throw fail('corrupt', { detail: `central directory record ${i + 1}` });
    const nameRaw = Buffer.from(cd.subarray(p + CENTRAL_FIXED, p + CENTRAL_FIXED + nameLength));
    const shown = nameForMessage(nameRaw);
    const extras = parseExtraFields(
      cd.subarray(p + CENTRAL_FIXED + nameLength, p + CENTRAL_FIXED + nameLength + extraLength),
      shown,
      fail,
    );
    const wide = resolveZip64(
      extras,
      {
        uncompressedSize: cd.readUInt32LE(p + 24),
        compressedSize: cd.readUInt32LE(p + 20),
        localOffset: cd.readUInt32LE(p + 42),
        disk: cd.readUInt16LE(p + 34),
      },
      shown,
      fail,
    );
    if (wide.disk !== 0)
      throw fail('corrupt', { detail: 'a multi-disk zip' }, `${shown} on disk ${wide.disk}`);
    records.push({
      nameRaw,
      versionMadeBy: cd.readUInt16LE(p + 4),
      versionNeeded: cd.readUInt16LE(p + 6),
      flags: cd.readUInt16LE(p + 8),
      method: cd.readUInt16LE(p + 10),
      crc32: cd.readUInt32LE(p + 16),
      compressedSize: wide.compressedSize,
      uncompressedSize: wide.uncompressedSize,
      externalAttributes: cd.readUInt32LE(p + 38),
      localOffset: wide.localOffset,
      dataOffset: 0,
    });
    p = next;
  }
  // Python reads records until the directory's size is used up, yauzl reads as many as the end
  // record counts: a directory with room for one more record would be read differently.
  if (p !== cd.length) {
    throw fail(
      'strayBytes',
      { offset: centralOffset + p },
      `${cd.length - p} bytes after the last central record`,
    );
  }
  return records;
}

/** The features we read, refused by name when a record uses another. */
function checkFeatures(r: CentralRecord, fail: ArchiveFail): void {
  const file = nameForMessage(r.nameRaw);
  if (r.flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) throw fail('encrypted', { file });
  // With a data descriptor the local header has no sizes: a streaming reader must find the end of
  // the data by itself (impossible when stored), so tools can disagree on where the next entry is.
  if (r.flags & FLAG_DATA_DESCRIPTOR) throw fail('dataDescriptor', { file });
  if (r.flags & ~ALLOWED_FLAGS) {
    throw fail('unsupportedFeature', { file, feature: `flags 0x${r.flags.toString(16)}` });
  }
  if (r.method !== 0 && r.method !== 8) throw fail('unsupportedCompression', { file });
  if (r.versionNeeded > MAX_VERSION_NEEDED) {
    throw fail('unsupportedFeature', { file, feature: `version ${r.versionNeeded / 10}` });
  }
  if (r.method === 0 && r.compressedSize !== r.uncompressedSize) throw fail('sizeMismatch', { file });
  // A folder holds no data; one that does would unpack as a folder here and as a file elsewhere.
  if (r.nameRaw.at(-1) === 0x2f && r.uncompressedSize !== 0) {
    throw fail('unsupportedFeature', { file, feature: 'a folder with data' });
  }
}

/** The local header of `r` must repeat its central record; returns where its data starts. */
function checkLocal(fd: number, r: CentralRecord, fail: ArchiveFail): number {
  const file = nameForMessage(r.nameRaw);
  const head = readAt(fd, LOCAL_FIXED, r.localOffset);
  if (!head || head.readUInt32LE(0) !== LOCAL_HEADER_SIG) {
    throw fail('corrupt', { detail: `no local header for ${file}` }, `offset ${r.localOffset}`);
  }
  const nameLength = head.readUInt16LE(26);
  const extraLength = head.readUInt16LE(28);
  const rest = readAt(fd, nameLength + extraLength, r.localOffset + LOCAL_FIXED);
  if (!rest) throw fail('corrupt', { detail: `local header of ${file}` });
  const mismatch = (field: string, detail: string) => fail('localHeaderMismatch', { file, field }, detail);
  if (!rest.subarray(0, nameLength).equals(r.nameRaw)) {
    throw mismatch('name', `local name ${JSON.stringify(rest.subarray(0, nameLength).toString('utf8'))}`);
  }
  const versionNeeded = head.readUInt16LE(4);
  if (versionNeeded > MAX_VERSION_NEEDED) {
    throw fail('unsupportedFeature', { file, feature: `version ${versionNeeded / 10}` });
  }
  if (head.readUInt16LE(6) !== r.flags)
    throw mismatch('flags', `local 0x${head.readUInt16LE(6).toString(16)}`);
  if (head.readUInt16LE(8) !== r.method) throw mismatch('method', `local ${head.readUInt16LE(8)}`);
  if (head.readUInt32LE(14) !== r.crc32)
    throw mismatch('crc32', `local ${head.readUInt32LE(14).toString(16)}`);
  const extras: ExtraFields = parseExtraFields(rest.subarray(nameLength), file, fail);
  const sizes = resolveZip64(
    extras,
    { uncompressedSize: head.readUInt32LE(22), compressedSize: head.readUInt32LE(18) },
    file,
    fail,
  );
  if (sizes.compressedSize !== r.compressedSize)
    throw mismatch('compressedSize', `local ${sizes.compressedSize}`);
  if (sizes.uncompressedSize !== r.uncompressedSize) {
    throw mismatch('uncompressedSize', `local ${sizes.uncompressedSize}`);
  }
  return r.localOffset + LOCAL_FIXED + nameLength + extraLength;
}

/**
 * Checks the layout of the zip open as `fd` (see the top of this file) and returns its entries in
 * directory order. `maxEntries` is checked before the directory is read.
 */
export function checkZipLayout(fd: number, fail: ArchiveFail, maxEntries: number): ZipLayout {
  const size = fstatSync(fd).size;
  const end = readEnd(fd, size, fail);
  if (end.entries > maxEntries) throw fail('tooManyEntries', { limit: maxEntries });
  const records = readCentral(fd, end, fail);
  for (const r of records) checkFeatures(r, fail);
  // The entries must tile the bytes before the directory: each starts where the one before ends.
  const byOffset = [...records].sort((a, b) => a.localOffset - b.localOffset);
  let cursor = 0;
  for (const r of byOffset) {
    if (r.localOffset > cursor) {
      throw fail('strayBytes', { offset: cursor }, `${r.localOffset - cursor} bytes no entry accounts for`);
    }
    if (r.localOffset < cursor) throw fail('overlappingEntries', { file: nameForMessage(r.nameRaw) });
    r.dataOffset = checkLocal(fd, r, fail);
    cursor = r.dataOffset + r.compressedSize;
    if (cursor > end.centralOffset) throw fail('overlappingEntries', { file: nameForMessage(r.nameRaw) });
  }
  if (cursor !== end.centralOffset) {
    throw fail('strayBytes', { offset: cursor }, `${end.centralOffset - cursor} bytes before the directory`);
  }
  return {
    entries: records.map(({ versionNeeded: _, ...entry }) => entry),
    centralOffset: end.centralOffset,
    centralSize: end.centralSize,
    zip64: end.zip64,
  };
}
