import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  type BundleManifest,
  type ManifestFile,
} from '../../../shared/domain/bundle';

export function sha256Of(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export async function sha256OfFile(file: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

export interface ManifestMeta {
  bundleUid: string;
  answer: BundleManifest['answer'];
  createdAt: string;
  appVersion: string;
}

export function buildManifest(meta: ManifestMeta, files: ManifestFile[]): BundleManifest {
  return {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    bundleUid: meta.bundleUid,
    answer: meta.answer,
    createdAt: meta.createdAt,
    app: { name: 'Kotae Studio', version: meta.appVersion },
    files: [...files].sort((a, b) => a.path.localeCompare(b.path, 'en')),
  };
}

/** The exact bytes of manifest.json; their sha256 is the bundle's fingerprint in the library. */
export function manifestBytes(manifest: BundleManifest): Buffer {
  return Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
}
