import type { ImageExtension } from '../../../shared/answers/media';
import type { StoredImage } from '../../../shared/domain/answer';
import { KotaeError } from '../../../shared/errors';
import type { Library } from '../library';

// Pasted and dropped screenshots. The bytes come from the window, so they are not trusted: only
// PNG, JPEG, GIF and WebP are taken, recognised by their signature, never by a name or a type the
// page claims; the size is read from the header.

export interface ImageInfo {
  mime: string;
  /** The extension documents name it by: one of shared/answers/media.ts `imageExtensions`. */
  ext: ImageExtension;
  width: number;
  height: number;
}

const MAX_SIDE = 30_000;

function pngInfo(b: Buffer): ImageInfo | null {
  if (b.length < 24 || b.readUInt32BE(0) !== 0x89504e47 || b.readUInt32BE(4) !== 0x0d0a1a0a) return null;
  if (b.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { mime: 'image/png', ext: 'png', width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

function gifInfo(b: Buffer): ImageInfo | null {
  if (b.length < 10 || !/^GIF8[79]a$/.test(b.toString('latin1', 0, 6))) return null;
  return { mime: 'image/gif', ext: 'gif', width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
}

function jpegInfo(b: Buffer): ImageInfo | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    const length = b.readUInt16BE(i + 2);
    // Start-of-frame markers carry the size (C0–CF, except DHT C4, JPG C8 and DAC CC).
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { mime: 'image/jpeg', ext: 'jpg', height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    }
    i += 2 + length;
  }
  return null;
}

function webpInfo(b: Buffer): ImageInfo | null {
  if (b.length < 30 || b.toString('latin1', 0, 4) !== 'RIFF' || b.toString('latin1', 8, 12) !== 'WEBP')
    return null;
  const chunk = b.toString('latin1', 12, 16);
  if (chunk === 'VP8X')
    return {
      mime: 'image/webp',
      ext: 'webp',
      width: b.readUIntLE(24, 3) + 1,
      height: b.readUIntLE(27, 3) + 1,
    };
  if (chunk === 'VP8 ')
    return {
      mime: 'image/webp',
      ext: 'webp',
      width: b.readUInt16LE(26) & 0x3fff,
      height: b.readUInt16LE(28) & 0x3fff,
    };
  if (chunk === 'VP8L') {
    const bits = b.readUInt32LE(21);
    return {
      mime: 'image/webp',
      ext: 'webp',
      width: (bits & 0x3fff) + 1,
      height: ((bits >> 14) & 0x3fff) + 1,
    };
  }
  return null;
}

/** What kind of image the bytes are, or null when they are not one we take. */
export function imageInfo(bytes: Buffer): ImageInfo | null {
  const info = pngInfo(bytes) ?? jpegInfo(bytes) ?? gifInfo(bytes) ?? webpInfo(bytes);
  if (!info || info.width < 1 || info.height < 1 || info.width > MAX_SIDE || info.height > MAX_SIDE)
    return null;
  return info;
}

/** Stores an image once (content-addressed) and records it as a media asset. */
export async function storeImage(library: Library, name: string, dataBase64: string): Promise<StoredImage> {
  const bytes = Buffer.from(dataBase64, 'base64');
  const info = imageInfo(bytes);
  if (!info) throw new KotaeError('MEDIA_INVALID', { reason: 'not a PNG, JPEG, GIF or WebP image' });
  const stored = await library.media.addBuffer(bytes, info.ext);
  const existing = library.db.prepare('SELECT id FROM media_assets WHERE sha256 = ?').get(stored.sha256);
  if (!existing) {
    const originalName = name.replace(/[\\/]/g, '_').slice(0, 255) || `screenshot.${info.ext}`;
    library.mutate(
      (id: number | bigint) => ({
        action: 'media.image_added',
        entity: 'media',
        entityId: id,
        summary: originalName,
        detail: { sha256: stored.sha256, width: info.width, height: info.height },
      }),
      (db) =>
        db
          .prepare(
            `INSERT INTO media_assets (sha256, kind, original_name, mime, ext, size, width, height, created_at, crc32)
             VALUES (?, 'image', ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            stored.sha256,
            originalName,
            info.mime,
            info.ext,
            bytes.length,
            info.width,
            info.height,
            library.now(),
            stored.crc32,
          ).lastInsertRowid,
    );
  }
  return {
    sha256: stored.sha256,
    ext: info.ext,
    mime: info.mime,
    width: info.width,
    height: info.height,
    size: bytes.length,
  };
}
