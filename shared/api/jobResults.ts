import { z } from 'zod';
import { BackupResult, RestoreResult } from '../domain/backup';
import { BundleRecord, BundleVerifyReport } from '../domain/bundle';
import { SavedVideo, StepPicturesResult } from '../domain/clip';
import { PublicationStats } from '../domain/faq';
import type { JobState } from '../domain/job';
import { ImportResult } from '../domain/video';
import { ImportReport } from './intake';
import { ImportOutcome } from './media';

/** What a finished render job reports: the clip, and the asset of its rendered file. */
export const RenderJobResult = z.object({ clipId: z.number().int(), assetId: z.number().int().nullable() });
export type RenderJobResult = z.infer<typeof RenderJobResult>;

/** What a finished FAQ publication reports. */
export const PublishJobResult = z.object({
  publicationId: z.number().int(),
  outDir: z.string(),
  stats: PublicationStats,
});
export type PublishJobResult = z.infer<typeof PublishJobResult>;

/**
 * Each kind of job and the one shape of its result. The core's JobRunner only starts kinds named
 * here, and its work must return this shape (a type error otherwise); the UI reads a result only
 * through `jobResultOf`, which checks it against the same schema (the event is a door).
 */
export const jobResults = {
  /** Answer bundle export (bundles:export). */
  export: BundleRecord,
  /** A received bundle checked against its manifest (bundles:verify). */
  verify: BundleVerifyReport,
  videoImport: ImportOutcome,
  render: RenderJobResult,
  /** A rendered clip copied to a file the vendor chose (clips:saveVideoAs). */
  saveVideo: SavedVideo,
  stepPictures: StepPicturesResult,
  /** A screen recording remuxed and imported. */
  record: ImportResult,
  backup: BackupResult,
  restore: RestoreResult,
  /** Mail import (the status bar calls it "Importing mail"). */
  import: ImportReport,
  publish: PublishJobResult,
  /** The background search indexing of the open library: no result. */
  searchIndex: z.void(),
  /** The full integrity check: 'ok' or what SQLite reported. */
  integrity: z.string(),
} as const;

export type JobResults = typeof jobResults;
export type JobKind = keyof JobResults;
/** The result a job of this kind returns (the core's side: before defaults are filled in). */
export type JobResultInput<K extends JobKind> = z.input<JobResults[K]>;
export type JobResult<K extends JobKind> = z.output<JobResults[K]>;

export const jobKinds = Object.keys(jobResults) as JobKind[];

export function isJobKind(kind: string): kind is JobKind {
  return Object.prototype.hasOwnProperty.call(jobResults, kind);
}

/**
 * The typed result of a finished job of this kind; null while it runs, when it failed or was
 * cancelled, when it is another kind, or when the result is not the shape its kind promises.
 */
export function jobResultOf<K extends JobKind>(
  kind: K,
  job: JobState | null | undefined,
): JobResult<K> | null {
  if (!job || job.kind !== kind || job.status !== 'done') return null;
  const parsed = jobResults[kind].safeParse(job.result);
  return parsed.success ? (parsed.data as JobResult<K>) : null;
}
