import { z } from 'zod';
import { AppErrorSchema } from './appError';
import { Id, Language, Sha256, Timestamp } from './common';
import { Fingerprint, SignatureVerdict } from './signing';

// An answer bundle: what the customer receives (a zip and/or a folder with index.html, the media and
// manifest.json), and the record the library keeps of it, so "what did you send me?" has an exact answer.

export const BUNDLE_FORMAT = 'kotae-answer-bundle';
/**
 * Raised only when a reader of the old format could no longer trust a new bundle. 2 (issue 15):
 * every bundle carries signature.json, which a format-1 reader would refuse as a file its manifest
 * does not list; a format-2 bundle without it is refused, as a removed signature.
 */
export const BUNDLE_FORMAT_VERSION = 2;
export const MANIFEST_FILE = 'manifest.json';

/**
 * A path inside a bundle: relative, forward slashes, plain segments. Stricter than any zip tool needs,
 * so a manifest can never name a place outside the bundle's folder.
 */
export const BundlePath = z
  .string()
  .max(200)
  .regex(/^(?:[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}\/)*[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$/, 'not a bundle path')
  .refine((p) => !p.split('/').some((s) => s === '.' || s === '..'), 'not a bundle path');

export const ManifestFile = z.object({
  path: BundlePath,
  size: z.number().int().nonnegative(),
  sha256: Sha256,
});
export type ManifestFile = z.infer<typeof ManifestFile>;

export const BundleManifest = z.object({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.number().int().positive(),
  /** Random per export: the viewer keys the customer's ticks by it, the library finds the record by it. */
  bundleUid: z.string().regex(/^[0-9a-f-]{36}$/),
  answer: z.object({ id: Id, revision: z.number().int().positive(), language: Language }),
  createdAt: Timestamp,
  app: z.object({ name: z.string(), version: z.string() }),
  files: z.array(ManifestFile).max(10_000),
});
export type BundleManifest = z.infer<typeof BundleManifest>;

export const VideoRendition = z.enum(['original', 'email']);
export type VideoRendition = z.infer<typeof VideoRendition>;

export const BundleExportRequest = z
  .object({
    answerId: Id,
    customerId: Id.nullable().default(null),
    questionId: Id.nullable().default(null),
    /** The customer's name and a greeting from the templates; generic bundles carry neither. */
    personalised: z.boolean().default(true),
    videoRendition: VideoRendition.default('original'),
    zip: z.boolean().default(true),
    folder: z.boolean().default(false),
  })
  .refine((r) => r.zip || r.folder, { message: 'choose a zip, a folder or both', path: ['zip'] });
export type BundleExportRequest = z.infer<typeof BundleExportRequest>;

export const BundleVideoPreview = z.object({
  clipId: Id,
  title: z.string(),
  durationS: z.number().nullable(),
  bytes: z.number().int().nonnegative(),
  /** Estimated size of the smaller rendition for e-mail (never above the original). */
  emailBytes: z.number().int().nonnegative(),
});

export const BundlePreview = z.object({
  answerId: Id,
  answerTitle: z.string(),
  revision: z.number().int(),
  language: Language,
  customerName: z.string().nullable(),
  greeting: z.string().nullable(),
  fileCount: z.number().int(),
  /** Size of the bundle with the original videos (exact for stored files, an upper bound for text). */
  bytes: z.number().int(),
  /** The same with the smaller video rendition (estimated from the videos' durations). */
  bytesEmail: z.number().int(),
  videos: z.array(BundleVideoPreview),
  defaultFileName: z.string(),
  emailSubject: z.string(),
  /** Why this bundle cannot be exported yet (a clip not rendered, a media file missing), if anything. */
  blocked: AppErrorSchema.nullable(),
});
export type BundlePreview = z.infer<typeof BundlePreview>;

export const BundleRecord = z.object({
  id: Id,
  answerId: Id,
  answerTitle: z.string().nullable(),
  revision: z.number().int(),
  customerId: Id.nullable(),
  customerName: z.string().nullable(),
  questionId: Id.nullable(),
  questionSubject: z.string().nullable(),
  fileName: z.string(),
  zipPath: z.string().nullable(),
  folderPath: z.string().nullable(),
  size: z.number().int(),
  fileCount: z.number().int(),
  manifestSha256: Sha256,
  bundleUid: z.string().nullable(),
  personalised: z.boolean(),
  videoRendition: VideoRendition,
  emailSubject: z.string(),
  emailBody: z.string(),
  createdAt: Timestamp,
});
export type BundleRecord = z.infer<typeof BundleRecord>;

export const BundleVerifyReport = z.object({
  file: z.string(),
  sound: z.boolean(),
  /** Why the bundle cannot be trusted (code BUNDLE_INVALID, params.reason names the check). */
  error: AppErrorSchema.nullable(),
  manifest: z
    .object({
      answerId: Id,
      revision: z.number().int(),
      createdAt: Timestamp,
      appVersion: z.string(),
      fileCount: z.number().int(),
      bytes: z.number().int(),
    })
    .nullable(),
  /** The library's record of this exact bundle (same manifest), when the open library sent it. */
  record: BundleRecord.nullable(),
  /** Who signed it (issue 15), for a sound bundle; null when it is not sound. */
  signature: z
    .object({
      verdict: SignatureVerdict,
      /** The signer's key; null for an unsigned (format 1) bundle. */
      fingerprint: Fingerprint.nullable(),
      /** The key of the library it was checked against, when there is one with a key. */
      libraryFingerprint: Fingerprint.nullable(),
    })
    .nullable(),
});
export type BundleVerifyReport = z.infer<typeof BundleVerifyReport>;

export const EmailDraft = z.object({ subject: z.string(), body: z.string() });
export type EmailDraft = z.infer<typeof EmailDraft>;
