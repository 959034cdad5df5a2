// The byte layout of zip records (PKWARE APPNOTE 6.3), in one place: our zip writer uses it, and
// the tests of hostile archives use it to build zips that lie. Values are written as given; deciding
// when a size needs zip64 is the writer's job.

export const LOCAL_HEADER_SIG = 0x04034b50;
export const CENTRAL_HEADER_SIG = 0x02014b50;
export const END_SIG = 0x06054b50;
export const ZIP64_END_SIG = 0x06064b50;
export const ZIP64_LOCATOR_SIG = 0x07064b50;

/** Names are UTF-8 (general purpose bit 11). */
export const FLAG_UTF8 = 0x800;
export const STORED = 0;
export const DEFLATED = 8;
/** Sizes and offsets at or above this go into the zip64 extra field. */
export const MAX_32 = 0xffffffff;
export const MAX_16 = 0xffff;
const ZIP64_EXTRA_ID = 0x0001;
/** "Made by" Unix (3), so the external attributes carry the file mode. */
const MADE_BY_UNIX = 3 << 8;

export interface DosTime {
  date: number;
  time: number;
}

/** MS-DOS date and time in local time, as unzip tools show them (two-second resolution). */
export function dosDateTime(d: Date): DosTime {
  const year = Math.min(Math.max(d.getFullYear(), 1980), 2107);
  return {
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
  };
}

/** The zip64 extra field holding whichever 64-bit values the record's 32-bit fields cannot. */
export function zip64Extra(values: number[]): Buffer {
  if (!values.length) return Buffer.alloc(0);
  const extra = Buffer.alloc(4 + 8 * values.length);
  extra.writeUInt16LE(ZIP64_EXTRA_ID, 0);
  extra.writeUInt16LE(8 * values.length, 2);
  values.forEach((v, i) => extra.writeBigUInt64LE(BigInt(v), 4 + 8 * i));
  return extra;
}

export interface HeaderFields {
  versionNeeded: number;
  flags: number;
  method: number;
  dos: DosTime;
  crc32: number;
  /** As written into the 32-bit fields (MAX_32 when the extra holds the real value). */
  compressedSize: number;
  uncompressedSize: number;
  name: Buffer;
  extra: Buffer;
}

/** Local file header, including the name and extra field. */
export function localHeader(f: HeaderFields): Buffer {
  const head = Buffer.alloc(30);
  head.writeUInt32LE(LOCAL_HEADER_SIG, 0);
  head.writeUInt16LE(f.versionNeeded, 4);
  head.writeUInt16LE(f.flags, 6);
  head.writeUInt16LE(f.method, 8);
  head.writeUInt16LE(f.dos.time, 10);
  head.writeUInt16LE(f.dos.date, 12);
  head.writeUInt32LE(f.crc32 >>> 0, 14);
  head.writeUInt32LE(f.compressedSize, 18);
  head.writeUInt32LE(f.uncompressedSize, 22);
  head.writeUInt16LE(f.name.length, 26);
  head.writeUInt16LE(f.extra.length, 28);
  return Buffer.concat([head, f.name, f.extra]);
}

export interface CentralFields extends HeaderFields {
  versionMadeBy?: number;
  externalAttributes: number;
  /** As written into the 32-bit field (MAX_32 when the extra holds it). */
  localHeaderOffset: number;
}

/** Central directory record, including the name and extra field. */
export function centralHeader(f: CentralFields): Buffer {
  const head = Buffer.alloc(46);
  head.writeUInt32LE(CENTRAL_HEADER_SIG, 0);
  head.writeUInt16LE(f.versionMadeBy ?? MADE_BY_UNIX | f.versionNeeded, 4);
  head.writeUInt16LE(f.versionNeeded, 6);
  head.writeUInt16LE(f.flags, 8);
  head.writeUInt16LE(f.method, 10);
  head.writeUInt16LE(f.dos.time, 12);
  head.writeUInt16LE(f.dos.date, 14);
  head.writeUInt32LE(f.crc32 >>> 0, 16);
  head.writeUInt32LE(f.compressedSize, 20);
  head.writeUInt32LE(f.uncompressedSize, 24);
  head.writeUInt16LE(f.name.length, 28);
  head.writeUInt16LE(f.extra.length, 30);
  // comment length, disk number start, internal attributes: 0
  head.writeUInt32LE(f.externalAttributes >>> 0, 38);
  head.writeUInt32LE(f.localHeaderOffset, 42);
  return Buffer.concat([head, f.name, f.extra]);
}

/** Regular file, rw-r--r--, in the high half of the external attributes (Unix "made by"). */
export const FILE_ATTRIBUTES = (0o100644 << 16) >>> 0;

export interface EndFields {
  entries: number;
  centralSize: number;
  centralOffset: number;
  /** Write the zip64 end record and locator, with the classic record pointing at them. */
  zip64: boolean;
}

/** The end of central directory record(s); `at` is where they start (right after the directory). */
export function endRecords(f: EndFields, at: number): Buffer {
  const classic = Buffer.alloc(22);
  classic.writeUInt32LE(END_SIG, 0);
  classic.writeUInt16LE(f.zip64 ? MAX_16 : f.entries, 8);
  classic.writeUInt16LE(f.zip64 ? MAX_16 : f.entries, 10);
  classic.writeUInt32LE(f.zip64 ? MAX_32 : f.centralSize, 12);
  classic.writeUInt32LE(f.zip64 ? MAX_32 : f.centralOffset, 16);
  if (!f.zip64) return classic;

  const end64 = Buffer.alloc(56);
  end64.writeUInt32LE(ZIP64_END_SIG, 0);
  end64.writeBigUInt64LE(44n, 4); // size of the rest of this record
  end64.writeUInt16LE(MADE_BY_UNIX | 45, 12);
  end64.writeUInt16LE(45, 14);
  // this disk, disk with the directory: 0
  end64.writeBigUInt64LE(BigInt(f.entries), 24);
  end64.writeBigUInt64LE(BigInt(f.entries), 32);
  end64.writeBigUInt64LE(BigInt(f.centralSize), 40);
  end64.writeBigUInt64LE(BigInt(f.centralOffset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(ZIP64_LOCATOR_SIG, 0);
  locator.writeBigUInt64LE(BigInt(at), 8);
  locator.writeUInt32LE(1, 16); // total number of disks
  return Buffer.concat([end64, locator, classic]);
}
