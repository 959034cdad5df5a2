import { KotaeError } from '../../../shared/errors';
import type { VendorSettings } from '../../../shared/domain/faq';
import { safeExtension, type Library } from '../library';
import { readVendor, updateVendor } from './settings';

const LOGO_TYPES: Record<string, { ext: NonNullable<VendorSettings['logo']>['ext']; mime: string }> = {
  png: { ext: 'png', mime: 'image/png' },
  jpg: { ext: 'jpg', mime: 'image/jpeg' },
  jpeg: { ext: 'jpg', mime: 'image/jpeg' },
  webp: { ext: 'webp', mime: 'image/webp' },
  gif: { ext: 'gif', mime: 'image/gif' },
};

/** Magic numbers: a file named .png must be one (the logo goes onto a public site). */
function looksLike(ext: string, head: Buffer): boolean {
  if (ext === 'png')
    return head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  if (ext === 'jpg') return head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff;
  if (ext === 'gif') return head.subarray(0, 4).toString('latin1') === 'GIF8';
  if (ext === 'webp')
    return (
      head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP'
    );
  return false;
}

export const LOGO_EXTENSIONS = Object.keys(LOGO_TYPES);
const MAX_LOGO_BYTES = 2 * 1024 * 1024;

/** Stores an image file as the vendor's logo (copied into the library's media, original untouched). */
export async function setVendorLogo(library: Library, file: string): Promise<VendorSettings> {
  const { readFile } = await import('node:fs/promises');
  const type = LOGO_TYPES[safeExtension(file)];
  if (!type)
    throw new KotaeError('MEDIA_INVALID', { reason: 'PNG, JPEG, WebP or GIF' }, file, 'errors:FAQ_LOGO_TYPE');
  const data = await readFile(file);
  if (data.length > MAX_LOGO_BYTES || !looksLike(type.ext, data))
    throw new KotaeError('MEDIA_INVALID', { reason: 'PNG, JPEG, WebP or GIF' }, file, 'errors:FAQ_LOGO_TYPE');
  const stored = await library.media.addBuffer(data, type.ext);
  library.mutate({ action: 'media.added', entity: 'media', summary: 'Vendor logo' }, (db) => {
    db.prepare(
      `INSERT OR IGNORE INTO media_assets (sha256, kind, original_name, mime, ext, size, created_at)
       VALUES (?, 'image', ?, ?, ?, ?, ?)`,
    ).run(
      stored.sha256,
      file.split(/[\\/]/).pop() ?? 'logo',
      type.mime,
      type.ext,
      stored.size,
      library.now(),
    );
  });
  return updateVendor(library, { logo: { sha256: stored.sha256, ext: type.ext } });
}

export { readVendor };
