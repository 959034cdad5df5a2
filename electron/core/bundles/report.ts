import type { BundleVerifyReport } from '../../../shared/domain/bundle';
import type { SignatureVerdict } from '../../../shared/domain/signing';
import { KotaeError, toAppError } from '../../../shared/errors';
import type { Library } from '../library';
import { readVendorKey } from '../signing';
import { findBundleByManifest } from './records';
import { verifyBundleZip, type VerifyOptions } from './verify';

/**
 * The verdict on a bundle file as the UI and the CLI show it: sound or not (with the reason), what
 * the manifest says, who signed it and, checked against a library, whether that library made it
 * (signed with its key) and its record of this exact bundle.
 */
export async function verifyReport(
  file: string,
  library: Library | null,
  options: VerifyOptions = {},
): Promise<BundleVerifyReport> {
  try {
    const verified = await verifyBundleZip(file, options);
    const m = verified.manifest;
    const libraryFingerprint = library ? (readVendorKey(library)?.fingerprint ?? null) : null;
    const signer = verified.signer;
    const verdict: SignatureVerdict = !signer
      ? 'unsigned'
      : !library
        ? 'signed'
        : signer.fingerprint === libraryFingerprint
          ? 'thisLibrary'
          : 'otherKey';
    return {
      file,
      sound: true,
      error: null,
      manifest: {
        answerId: m.answer.id,
        revision: m.answer.revision,
        createdAt: m.createdAt,
        appVersion: m.app.version,
        // + manifest.json, and signature.json when signed
        fileCount: m.files.length + (signer ? 2 : 1),
        bytes: verified.bytes,
      },
      record: library ? findBundleByManifest(library.db, verified.manifestSha256) : null,
      signature: { verdict, fingerprint: signer?.fingerprint ?? null, libraryFingerprint },
    };
  } catch (err) {
    if (err instanceof KotaeError && err.code === 'BUNDLE_INVALID') {
      return { file, sound: false, error: toAppError(err), manifest: null, record: null, signature: null };
    }
    throw err;
  }
}
