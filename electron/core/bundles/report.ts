import type { BundleVerifyReport } from '../../../shared/domain/bundle';
import { KotaeError, toAppError } from '../../../shared/errors';
import type { Library } from '../library';
import { findBundleByManifest } from './records';
import { verifyBundleZip, type VerifyOptions } from './verify';

/**
 * The verdict on a bundle file as the UI and the CLI show it: sound or not (with the reason), what
 * the manifest says, and, when the open library made this exact bundle, its record.
 */
export async function verifyReport(
  file: string,
  library: Library | null,
  options: VerifyOptions = {},
): Promise<BundleVerifyReport> {
  try {
    const verified = await verifyBundleZip(file, options);
    const m = verified.manifest;
    return {
      file,
      sound: true,
      error: null,
      manifest: {
        answerId: m.answer.id,
        revision: m.answer.revision,
        createdAt: m.createdAt,
        appVersion: m.app.version,
        fileCount: m.files.length + 1,
        bytes: verified.bytes,
      },
      record: library ? findBundleByManifest(library.db, verified.manifestSha256) : null,
    };
  } catch (err) {
    if (err instanceof KotaeError && err.code === 'BUNDLE_INVALID') {
      return { file, sound: false, error: toAppError(err), manifest: null, record: null };
    }
    throw err;
  }
}
