import type { ArchiveFail } from './safeZip';
import { MAX_16, MAX_32 } from './zipFormat';

// Extra fields of zip records: a list of (id, length, data) that must fill the field exactly.
// Only fields every tool either reads the same way or ignores are accepted; above all not the
// Info-ZIP Unicode Path field (0x7075), which gives an entry a second name that unzip and yauzl
// show and Python's zipfile ignores.

export const ZIP64_EXTRA = 0x0001;
const KNOWN_EXTRAS = new Set([
  ZIP64_EXTRA,
  0x000a, // NTFS times
  0x5455, // extended timestamp
  0x7875, // Info-ZIP Unix uid/gid
]);

export type ExtraFields = Map<number, Buffer>;

export function parseExtraFields(extra: Buffer, file: string, fail: ArchiveFail): ExtraFields {
  const fields: ExtraFields = new Map();
  let p = 0;
  while (p < extra.length) {
    if (p + 4 > extra.length) throw fail('corrupt', { detail: `extra field of ${file}` }, 'a partial header');
    const id = extra.readUInt16LE(p);
    const length = extra.readUInt16LE(p + 2);
    if (p + 4 + length > extra.length) {
      throw fail(
        'corrupt',
        { detail: `extra field of ${file}` },
        `field 0x${id.toString(16)} runs past the end`,
      );
    }
    if (!KNOWN_EXTRAS.has(id)) {
      throw fail('unsupportedFeature', {
        file,
        feature: `extra field 0x${id.toString(16).padStart(4, '0')}`,
      });
    }
    if (fields.has(id))
      throw fail('corrupt', { detail: `extra field of ${file}` }, `0x${id.toString(16)} twice`);
    fields.set(id, extra.subarray(p + 4, p + 4 + length));
    p += 4 + length;
  }
  return fields;
}

export interface Wide {
  uncompressedSize: number;
  compressedSize: number;
  localOffset: number;
  disk: number;
}

/**
 * The 64-bit values of a record: each 32-bit field at its maximum is taken from the zip64 extra, in
 * the order of APPNOTE 4.5.3, and the extra must hold exactly those values (no more, no fewer).
 */
export function resolveZip64<T extends Partial<Wide>>(
  fields: ExtraFields,
  narrow: T,
  file: string,
  fail: ArchiveFail,
): T {
  const extra = fields.get(ZIP64_EXTRA);
  const out: Partial<Wide> = { ...narrow };
  const order: [keyof Wide, number, number][] = [
    ['uncompressedSize', MAX_32, 8],
    ['compressedSize', MAX_32, 8],
    ['localOffset', MAX_32, 8],
    ['disk', MAX_16, 4],
  ];
  let p = 0;
  for (const [key, max, width] of order) {
    if (narrow[key] !== max) continue;
    if (!extra || p + width > extra.length) {
      throw fail('corrupt', { detail: `zip64 field of ${file}` }, `no 64-bit value for ${key}`);
    }
    if (width === 8) {
      const value = extra.readBigUInt64LE(p);
      if (value > BigInt(Number.MAX_SAFE_INTEGER))
        throw fail('corrupt', { detail: `zip64 field of ${file}` });
      out[key] = Number(value);
    } else {
      out[key] = extra.readUInt32LE(p);
    }
    p += width;
  }
  if (extra && p !== extra.length) {
    throw fail(
      'corrupt',
      { detail: `zip64 field of ${file}` },
      `${extra.length - p} bytes no field asks for`,
    );
  }
  return out as T;
}
