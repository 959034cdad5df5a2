import { z } from 'zod';

/** What a library backup holds (kotae-backup.json at the root of the zip). */
export const BACKUP_FORMAT = 'kotae-library-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_MANIFEST_FILE = 'kotae-backup.json';

/** Paths inside a backup: the database and media/<2 hex>/<sha256>[.ext], nothing else. */
export const BackupPath = z
  .string()
  .max(200)
  .regex(/^(library\.sqlite|media\/[0-9a-f]{2}\/[0-9a-f]{64}(\.[a-z0-9]{1,10})?)$/);

export const BackupManifest = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().min(1),
  createdAt: z.string(),
  appVersion: z.string().max(100),
  schemaVersion: z.number().int(),
  files: z
    .array(
      z.object({
        path: BackupPath,
        size: z.number().int().min(0),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
      }),
    )
    .max(1_000_000),
});
export type BackupManifest = z.infer<typeof BackupManifest>;

export const BackupResult = z.object({
  file: z.string(),
  bytes: z.number(),
  mediaFiles: z.number().int(),
  /**
   * The vendor's signing key (issue 15): 'included' unsealed, so a restore anywhere brings the
   * vendor's identity back; 'sealed' when this process could not open it (the CLI, for a key the
   * app sealed with the keychain), so only that computer's app can use it after a restore.
   */
  vendorKey: z.enum(['included', 'sealed', 'none']),
});
export type BackupResult = z.infer<typeof BackupResult>;

export const RestoreResult = z.object({
  path: z.string(),
  bytes: z.number(),
  mediaFiles: z.number().int(),
  schemaVersion: z.number().int(),
});
export type RestoreResult = z.infer<typeof RestoreResult>;
