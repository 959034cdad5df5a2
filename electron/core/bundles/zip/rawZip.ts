import zlib from 'node:zlib';
import {
  centralHeader,
  DEFLATED,
  dosDateTime,
  endRecords,
  FILE_ATTRIBUTES,
  FLAG_UTF8,
  localHeader,
  STORED,
  type HeaderFields,
} from '../../archive';

// Builds zip bytes by hand, for the tests of hostile bundles: our writer (rightly) refuses nothing
// it is not asked to write, so `../x`, absolute names, duplicates or lying sizes are made here,
// with the same record layout (archive/zipFormat) and fields the writer would never set. It can
// also lay the records out as no writer should (issue 15): a local header that disagrees with its
// central record, local entries no central record names, bytes before, between and after them.

export interface RawEntry {
  name: string;
  data: Buffer;
  /** 0 stored, 8 deflated (default: stored); any other method stores `data` as it is. */
  method?: number;
  /** Uncompressed size written into the headers, when a test wants it to lie. */
  declaredSize?: number;
  /** Made by (high byte 3 = Unix, whose external attributes carry the file mode). */
  versionMadeBy?: number;
  externalAttributes?: number;
  flags?: number;
  /** The name in the local header, when it should differ from the central directory's. */
  localName?: string;
  /** Fields of the local header that differ from the central record's. */
  local?: Partial<Pick<HeaderFields, 'flags' | 'method' | 'crc32' | 'compressedSize' | 'uncompressedSize'>>;
  /** Written as a local entry only: no central record names it (a streaming extractor sees it). */
  hidden?: boolean;
  /** A central record only, pointing at the local header of the entry at this index. */
  pointsAt?: number;
  /** The extra field of both headers. */
  extra?: Buffer;
}

export interface RawZipOptions {
  /** Bytes before the first entry (a self-extractor stub, or a whole other zip). */
  prefix?: Buffer;
  /** Bytes after the data of the entry at this index, before the next one. */
  gap?: { after: number; bytes: Buffer };
  /** Bytes after the end record. */
  trailing?: Buffer;
  /** The zip comment (its length is written into the end record). */
  comment?: Buffer;
  /** The entry count written into the end record, when it should not match the records. */
  declaredEntries?: number;
}

const FIXED_TIME = dosDateTime(new Date(1980, 0, 1));
/** drwxr-xr-x, for names ending in a slash. */
const FOLDER_ATTRIBUTES = (0o040755 << 16) >>> 0;

export function rawZip(entries: RawEntry[], options: RawZipOptions = {}): Buffer {
  const parts: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const push = (b: Buffer) => {
    parts.push(b);
    offset += b.length;
  };
  if (options.prefix) push(options.prefix);
  const localAt: number[] = [];
  entries.forEach((e, index) => {
    const method = e.method ?? STORED;
    const body = method === DEFLATED ? zlib.deflateRawSync(e.data) : e.data;
    const size = e.declaredSize ?? e.data.length;
    const fields = {
      versionNeeded: 20,
      flags: (e.flags ?? 0) | FLAG_UTF8,
      method,
      dos: FIXED_TIME,
      crc32: zlib.crc32(e.data),
      // A stored entry that lies says so in both sizes, or yauzl reads it as a size mismatch.
      compressedSize: method !== DEFLATED && e.declaredSize !== undefined ? size : body.length,
      uncompressedSize: size,
      name: Buffer.from(e.name, 'utf8'),
      extra: e.extra ?? Buffer.alloc(0),
    };
    const at = e.pointsAt !== undefined ? localAt[e.pointsAt]! : offset;
    localAt.push(at);
    if (e.pointsAt === undefined) {
      push(
        localHeader({
          ...fields,
          ...e.local,
          ...(e.localName !== undefined ? { name: Buffer.from(e.localName, 'utf8') } : {}),
        }),
      );
      push(body);
    }
    if (options.gap?.after === index) push(options.gap.bytes);
    if (e.hidden) return;
    centrals.push(
      centralHeader({
        ...fields,
        ...(e.versionMadeBy !== undefined ? { versionMadeBy: e.versionMadeBy } : {}),
        externalAttributes:
          e.externalAttributes ?? (e.name.endsWith('/') ? FOLDER_ATTRIBUTES : FILE_ATTRIBUTES),
        localHeaderOffset: at,
      }),
    );
  });
  const cd = Buffer.concat(centrals);
  const end = endRecords(
    {
      entries: options.declaredEntries ?? centrals.length,
      centralSize: cd.length,
      centralOffset: offset,
      zip64: false,
    },
    offset + cd.length,
  );
  if (options.comment) end.writeUInt16LE(options.comment.length, end.length - 2);
  return Buffer.concat([
    ...parts,
    cd,
    end,
    ...(options.comment ? [options.comment] : []),
    ...(options.trailing ? [options.trailing] : []),
  ]);
}
