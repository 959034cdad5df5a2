import type { Entry, ZipFile } from 'yauzl';
import {
  BUNDLE_FORMAT_VERSION,
  BundleManifest,
  BundlePath,
  MANIFEST_FILE,
} from '../../../shared/domain/bundle';
import { SIGNATURE_FILE } from '../../../shared/domain/signing';
import { KotaeError } from '../../../shared/errors';
import { checkSignature, type BundleSigner } from './signature';
import { formatBytes } from './text';
import {
  checkArchiveName,
  isSymlink,
  openZip,
  readCentralDirectory,
  readEntry,
  shownName,
  UnpackLimiter as ArchiveUnpackLimiter,
  type ArchiveFail,
  type ArchiveLimits,
  type ArchiveProblem,
  parseVersionedManifest,
} from '../archive';

// Checking a bundle someone hands us (or the customer's copy): the zip is read by the archive
// module (electron/core/archive: central directory, entry-size validation, and our own checks on
// every entry before a byte of its content is read). Contents are only hashed, never written
// anywhere, so checking a hostile zip is harmless. The limits are ours: an answer bundle is a few pages and videos, nothing near them.

export interface VerifyLimits extends ArchiveLimits {
  maxManifestBytes: number;
}

export const DEFAULT_VERIFY_LIMITS: VerifyLimits = {
  maxEntries: 5_000,
  maxTotalBytes: 16 * 1024 ** 3,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  maxManifestBytes: 4 * 1024 * 1024,
};

/** Why a bundle is refused: any problem of the zip itself, or of its contents against the manifest. */
export type InvalidReason =
  | ArchiveProblem
  | 'noManifest'
  | 'badManifest'
  | 'unsupportedFormat'
  | 'missingFile'
  | 'extraFile'
  | 'tampered'
  /** A signed format (2 and later) without signature.json: it was removed. */
  | 'signatureMissing'
  /** signature.json is unreadable or does not sign these manifest bytes: changed after signing. */
  | 'badSignature';

export function invalid(
  reason: InvalidReason,
  params: Record<string, string | number> = {},
  detail?: string,
): KotaeError {
  return new KotaeError('BUNDLE_INVALID', { reason, ...params }, detail, `bundle:invalid.${reason}`);
}

export interface VerifiedBundle {
  manifest: BundleManifest;
  manifestSha256: string;
  /** Bytes of all files after unpacking. */
  bytes: number;
  /** Who signed the manifest; null for a bundle of format 1, made before bundles were signed. */
  signer: BundleSigner | null;
}

/** The first format whose bundles are all signed: without signature.json such a bundle is refused. */
const FIRST_SIGNED_FORMAT = 2;

/**
 * The archive module's problems become BUNDLE_INVALID with the bundle's own messages. Data that
 * fails its CRC-32 was changed after the zip was written: for the customer, the bundle was tampered.
 */
const fail: ArchiveFail = (problem, params, detail) =>
  invalid(
    problem === 'crcMismatch' ? 'tampered' : problem,
    problem === 'tooLarge' && params ? { ...params, limit: formatBytes(Number(params.limit)) } : params,
    detail,
  );

const isBundlePath = (name: string) => BundlePath.safeParse(name).success;

/** Every check an entry must pass on its central-directory record, before any content is read. */
export function checkEntryName(name: string): InvalidReason | null {
  return checkArchiveName(name, isBundlePath);
}

export { isSymlink };

/**
 * Counts what actually comes out of an entry and stops the stream the moment it passes the limits,
 * whatever the headers claimed: a lying header cannot make us unpack more than the limits.
 */
export class UnpackLimiter extends ArchiveUnpackLimiter {
  constructor(name: string, compressedSize: number, limits: VerifyLimits, total: { bytes: number }) {
    super(name, compressedSize, limits, total, fail);
  }
}

async function hashEntry(
  zip: ZipFile,
  name: string,
  entry: Entry,
  limits: VerifyLimits,
  total: { bytes: number },
  signal?: AbortSignal,
  keep = false,
): Promise<{ sha256: string; size: number; data: Buffer | null }> {
  const chunks: Buffer[] = [];
  let kept = 0;
  const read = await readEntry(zip, name, entry, {
    limits,
    total,
    fail,
    signal,
    ...(keep
      ? {
          sink: (chunk: Buffer) => {
            kept += chunk.length;
            if (kept > limits.maxManifestBytes) throw invalid('badManifest', { detail: 'too large' });
            chunks.push(chunk);
          },
        }
      : {}),
  });
  return { ...read, data: keep ? Buffer.concat(chunks) : null };
}

export interface VerifyOptions {
  limits?: Partial<VerifyLimits>;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

/** Verifies a bundle zip; resolves with its manifest when sound, rejects with BUNDLE_INVALID otherwise. */
export async function verifyBundleZip(file: string, options: VerifyOptions = {}): Promise<VerifiedBundle> {
  const limits = { ...DEFAULT_VERIFY_LIMITS, ...options.limits };
  const zip = await openZip(file, fail, limits);
  try {
    const entries = await readCentralDirectory(zip, limits, fail, isBundlePath);
    const total = { bytes: 0 };
    const manifestEntry = entries.get(MANIFEST_FILE);
    if (!manifestEntry) throw invalid('noManifest');
    const read = await hashEntry(zip, MANIFEST_FILE, manifestEntry, limits, total, options.signal, true);
    const manifest = parseManifest(read.data!);

    // The signature first: nothing the manifest says counts before we know who said it.
    const signatureEntry = entries.get(SIGNATURE_FILE);
    let signer: BundleSigner | null = null;
    if (manifest.formatVersion >= FIRST_SIGNED_FORMAT) {
      if (!signatureEntry) throw invalid('signatureMissing');
      const sig = await hashEntry(zip, SIGNATURE_FILE, signatureEntry, limits, total, options.signal, true);
      signer = checkSignature(sig.data!, read.data!);
    }

    const listed = new Map(manifest.files.map((f) => [f.path, f]));
    for (const f of manifest.files) if (!entries.has(f.path)) throw invalid('missingFile', { file: f.path });
    for (const name of entries.keys()) {
      if (name === MANIFEST_FILE || (signer && name === SIGNATURE_FILE)) continue;
      if (!listed.has(name)) throw invalid('extraFile', { file: shownName(name) });
    }
    const expectedBytes = manifest.files.reduce((sum, f) => sum + f.size, 0) || 1;
    let done = 0;
    for (const f of manifest.files) {
      const got = await hashEntry(zip, f.path, entries.get(f.path)!, limits, total, options.signal);
      if (got.sha256 !== f.sha256 || got.size !== f.size) {
        throw invalid(
          'tampered',
          { file: f.path },
          `sha256 ${got.sha256} (${got.size} bytes), manifest ${f.sha256} (${f.size} bytes)`,
        );
      }
      done += f.size;
      options.onProgress?.(done / expectedBytes);
    }
    return { manifest, manifestSha256: read.sha256, bytes: expectedBytes, signer };
  } finally {
    zip.close();
  }
}

export function parseManifest(data: Buffer): BundleManifest {
  const manifest = parseVersionedManifest(data, BundleManifest, BUNDLE_FORMAT_VERSION, invalid);
  const paths = new Set<string>();
  for (const f of manifest.files) {
    if (f.path === MANIFEST_FILE || f.path === SIGNATURE_FILE || paths.has(f.path)) {
      throw invalid('badManifest', { detail: `${f.path} listed twice` });
    }
    paths.add(f.path);
  }
  return manifest;
}
