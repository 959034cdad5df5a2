import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { whereParams } from '../../../shared/answers/validate';
import type { EmailDraft } from '../../../shared/domain/bundle';
import type { Library } from '../library';
import { blocked, type BundleContent } from './content';
import { emailDraft, emailDraftFile } from './emailDraft';
import { renderIndexHtml, renderVerifyHtml } from './page';
import type { BundleEntry, FileEntry } from './zip/writeBundle';

// The list of files a bundle consists of, before anything is written: what the size estimate
// counts and what the writers write.

/** The viewer's static files, copied into every bundle's viewer/ folder. */
export const VIEWER_FILES = [
  'viewer.css',
  'answer.css',
  'verify.css',
  'viewer.js',
  'verify.js',
  'sha256.js',
] as const;

/**
 * resources/bundle-viewer, found upwards from this module: three levels up in the sources (tsx,
 * vitest), two in electron-vite's out/main, inside app.asar when packaged.
 */
export function findViewerDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'resources', 'bundle-viewer');
    if (existsSync(path.join(candidate, 'viewer.js'))) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error('resources/bundle-viewer not found');
}

export interface PlanMeta {
  createdAt: string;
  bundleUid: string;
  appVersion: string;
  /** The zip's (or folder's) name, which the e-mail draft tells the customer to open. */
  attachmentName: string;
  /** Smaller e-mail renditions are always MP4, whatever the clip was rendered as. */
  videoRendition?: 'original' | 'email';
  viewerDir?: string | undefined;
}

export interface BundlePlan {
  entries: BundleEntry[];
  email: EmailDraft;
}

/**
 * A library file for the bundle, found through MediaStore.locate (so it lies inside media/), or the
 * export stops: `missing` when there is no file, `mediaChanged` when what is there is not a file
 * the store wrote (a link, a folder, a way out of media/). It never goes ahead without it.
 */
function mediaFile(
  library: Library,
  ref: { sha256: string; ext: string },
  label: string,
  missing: () => Error,
): { file: string; size: number; crc32: number | null } {
  const found = library.media.locate(ref);
  if (!found.ok) throw found.reason === 'missing' ? missing() : blocked('mediaChanged', { name: label });
  const file = found.file;
  const row = library.db.prepare('SELECT crc32 FROM media_assets WHERE sha256 = ?').get(ref.sha256) as
    | { crc32: number | null }
    | undefined;
  try {
    return { file, size: statSync(file).size, crc32: row?.crc32 ?? null };
  } catch {
    throw missing();
  }
}

export function planBundle(library: Library, content: BundleContent, meta: PlanMeta): BundlePlan {
  const imagePaths = new Map<string, string>();
  const clipPaths = new Map<number, string>();
  const media: FileEntry[] = [];

  content.images.forEach((img, i) => {
    // The name in the zip is ours; the extension comes from the schema's closed list.
    const bundlePath = `media/image-${i + 1}.${img.ext}`;
    const label = img.alt || `image-${i + 1}`;
    imagePaths.set(img.sha256, bundlePath);
    const missing = () => blocked('imageMissing', { ...whereParams(img.where), answer: content.answer.title });
    media.push({
      kind: 'file',
      path: bundlePath,
      ...mediaFile(library, img, label, missing),
      expectedSha256: img.sha256,
      label,
    });
  });
  content.clips.forEach((clip, i) => {
    const output = clip.output!;
    const ext = meta.videoRendition === 'email' ? 'mp4' : output.ext || 'mp4';
    const bundlePath = `media/video-${i + 1}.${ext}`;
    const label = clip.title || `video-${i + 1}`;
    clipPaths.set(clip.id, bundlePath);
    media.push({
      kind: 'file',
      path: bundlePath,
      ...mediaFile(library, output, label, () => blocked('mediaMissing', { name: label })),
      expectedSha256: output.sha256,
      label,
    });
  });

  const pageMeta = { ...meta, imagePaths, clipPaths };
  const email = emailDraft(content, meta.attachmentName);
  const viewerDir = meta.viewerDir ?? findViewerDir();
  const data = (p: string, value: string | Buffer): BundleEntry => ({
    kind: 'data',
    path: p,
    data: typeof value === 'string' ? Buffer.from(value, 'utf8') : value,
  });
  return {
    entries: [
      data('index.html', renderIndexHtml(content, pageMeta)),
      data('verify.html', renderVerifyHtml(content)),
      ...VIEWER_FILES.map((f) => data(`viewer/${f}`, readFileSync(path.join(viewerDir, f)))),
      data('email.txt', emailDraftFile(email, content.answer.language)),
      ...media,
    ],
    email,
  };
}

/** signature.json: the key and the signature in base64, in a small JSON object. */
const SIGNATURE_BYTES = 260;

export function entryBytes(entry: BundleEntry): number {
  return entry.kind === 'data' ? entry.data.length : entry.size;
}

/**
 * The zip's size for these entries: pages and scripts deflated as the writer deflates them (they are
 * small, so this is cheap), media stored as they are, plus the zip's headers.
 */
export function zipSizeEstimate(entries: BundleEntry[], manifestBytes = 3000): number {
  const headers = (name: string) => 30 + 46 + 2 * Buffer.byteLength(name) + 16 + 2 * 9;
  const packed = (e: BundleEntry) => (e.kind === 'data' ? deflateRawSync(e.data).length : e.size);
  return (
    entries.reduce((sum, e) => sum + packed(e) + headers(e.path), 0) +
    Math.ceil(manifestBytes / 2) +
    headers('manifest.json') +
    SIGNATURE_BYTES +
    headers('signature.json') +
    22
  );
}

/** A file-system-safe name from the answer's slug: `images-not-shown-r3`. */
export function bundleBaseName(slug: string, answerId: number, revision: number): string {
  const clean = slug
    .normalize('NFKC')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  return `${clean || `answer-${answerId}`}-r${revision}`;
}
