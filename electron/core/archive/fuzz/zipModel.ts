import zlib from 'node:zlib';
import {
  centralHeader,
  dosDateTime,
  endRecords,
  FILE_ATTRIBUTES,
  FLAG_UTF8,
  localHeader,
  MAX_32,
  zip64Extra,
} from '../zipFormat';

// A zip as the differential fuzzer builds it: entries with every field a writer could get wrong,
// laid out by `serialize` exactly as told (also wrongly). Valid models come out as our writer's
// layout; the mutations in mutations.ts change one thing at a time, and byte-level changes follow.

export interface ModelEntry {
  name: string;
  data: Buffer;
  method: number;
  flags: number;
  versionNeeded: number;
  versionMadeBy: number;
  externalAttributes: number;
  /** Extra field of both headers (the local one can differ: `localExtra`). */
  extra: Buffer;
  localExtra?: Buffer;
  /** Name in the local header, when it differs. */
  localName?: string;
  /** Local header fields that differ from the central record. */
  local?: Partial<{
    flags: number;
    method: number;
    crc32: number;
    compressedSize: number;
    uncompressedSize: number;
    versionNeeded: number;
  }>;
  /** Lies told by both headers. */
  both?: Partial<{ crc32: number; compressedSize: number; uncompressedSize: number }>;
  /** Only a local entry (no central record). */
  hidden?: boolean;
  /** Only a central record, pointing at the local header of the entry at this index. */
  pointsAt?: number;
  /** Write a data descriptor (with its signature) after the data. */
  descriptor?: boolean;
  /** Sizes in zip64 extra fields (32-bit fields at their maximum). */
  zip64?: boolean;
}

export interface ZipModel {
  entries: ModelEntry[];
  prefix?: Buffer;
  gap?: { after: number; bytes: Buffer };
  trailing?: Buffer;
  comment?: Buffer;
  /** Entry count of the end record, when it lies. */
  declaredEntries?: number;
  /** Zip64 end record and locator, classic end record at its maxima. */
  zip64End?: boolean;
  /** Added to the directory offset / size written in the end record(s). */
  centralOffsetDelta?: number;
  centralSizeDelta?: number;
  /** Central records in another order than the local entries. */
  reverseCentral?: boolean;
}

const TIME = dosDateTime(new Date(2026, 0, 2, 3, 4, 6));
export const FOLDER_ATTRIBUTES = (0o040755 << 16) >>> 0;

export function entry(name: string, data: Buffer, method = 0): ModelEntry {
  return {
    name,
    data,
    method,
    flags: FLAG_UTF8,
    versionNeeded: 20,
    versionMadeBy: (3 << 8) | 20,
    externalAttributes: name.endsWith('/') ? FOLDER_ATTRIBUTES : FILE_ATTRIBUTES,
    extra: Buffer.alloc(0),
  };
}

function packed(e: ModelEntry): Buffer {
  return e.method === 8 ? zlib.deflateRawSync(e.data) : e.data;
}

export function serialize(model: ZipModel): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  const push = (b: Buffer) => {
    parts.push(b);
    offset += b.length;
  };
  if (model.prefix) push(model.prefix);
  const centrals: Buffer[] = [];
  const localAt: number[] = [];
  model.entries.forEach((e, index) => {
    const body = packed(e);
    const crc32 = e.both?.crc32 ?? zlib.crc32(e.data);
    const compressedSize = e.both?.compressedSize ?? body.length;
    const uncompressedSize = e.both?.uncompressedSize ?? e.data.length;
    const at = e.pointsAt !== undefined ? (localAt[e.pointsAt] ?? 0) : offset;
    localAt.push(at);
    const sizes = e.zip64
      ? { compressedSize: MAX_32, uncompressedSize: MAX_32 }
      : { compressedSize, uncompressedSize };
    const wide = e.zip64 ? zip64Extra([uncompressedSize, compressedSize]) : Buffer.alloc(0);
    const base = {
      versionNeeded: e.versionNeeded,
      flags: e.flags,
      method: e.method,
      dos: TIME,
      crc32,
      ...sizes,
      name: Buffer.from(e.name, 'utf8'),
    };
    if (e.pointsAt === undefined) {
      const lies = e.local ?? {};
      push(
        localHeader({
          ...base,
          ...lies,
          ...(e.localName !== undefined ? { name: Buffer.from(e.localName, 'utf8') } : {}),
          extra: Buffer.concat([wide, e.localExtra ?? e.extra]),
        }),
      );
      push(body);
      if (e.descriptor) {
        const d = Buffer.alloc(16);
        d.writeUInt32LE(0x08074b50, 0);
        d.writeUInt32LE(crc32 >>> 0, 4);
        d.writeUInt32LE(compressedSize >>> 0, 8);
        d.writeUInt32LE(uncompressedSize >>> 0, 12);
        push(d);
      }
    }
    if (model.gap?.after === index) push(model.gap.bytes);
    if (e.hidden) return;
    centrals.push(
      centralHeader({
        ...base,
        versionMadeBy: e.versionMadeBy,
        externalAttributes: e.externalAttributes,
        localHeaderOffset: at,
        extra: Buffer.concat([wide, e.extra]),
      }),
    );
  });
  if (model.reverseCentral) centrals.reverse();
  const directory = Buffer.concat(centrals);
  const centralOffset = Math.max(0, offset + (model.centralOffsetDelta ?? 0));
  const end = endRecords(
    {
      entries: Math.max(0, Math.min(0xfffe, model.declaredEntries ?? centrals.length)),
      centralSize: Math.max(0, directory.length + (model.centralSizeDelta ?? 0)),
      centralOffset,
      zip64: model.zip64End === true,
    },
    offset + directory.length,
  );
  if (model.comment) end.writeUInt16LE(model.comment.length, end.length - 2);
  return Buffer.concat([
    ...parts,
    directory,
    end,
    ...(model.comment ? [model.comment] : []),
    ...(model.trailing ? [model.trailing] : []),
  ]);
}
