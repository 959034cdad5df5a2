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
} from '../../archive/zipFormat';

// Builds zip bytes by hand, for the tests of hostile bundles: our writer (rightly) refuses nothing
// it is not asked to write, so `../x`, absolute names, duplicates or lying sizes are made here,
// with the same record layout (archive/zipFormat) and fields the writer would never set.

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
}

const FIXED_TIME = dosDateTime(new Date(1980, 0, 1));

export function rawZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
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
      extra: Buffer.alloc(0),
    };
    const local = localHeader(fields);
    locals.push(local, body);
    centrals.push(
      centralHeader({
        ...fields,
        ...(e.versionMadeBy !== undefined ? { versionMadeBy: e.versionMadeBy } : {}),
        externalAttributes: e.externalAttributes ?? FILE_ATTRIBUTES,
        localHeaderOffset: offset,
      }),
    );
    offset += local.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = endRecords(
    { entries: entries.length, centralSize: cd.length, centralOffset: offset, zip64: false },
    offset + cd.length,
  );
  return Buffer.concat([...locals, cd, end]);
}
