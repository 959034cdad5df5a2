// Safe reading of zips we did not write ourselves (answer bundles, library backups).
export {
  checkArchiveName,
  classifyZipError,
  isSymlink,
  openZip,
  readCentralDirectory,
  readEntry,
  shownName,
  UnpackLimiter,
  type ArchiveFail,
  type ArchiveLimits,
  type ArchiveProblem,
  type ReadEntryOptions,
} from './safeZip';
export { parseVersionedManifest, type ManifestProblem } from './manifest';
export { SourceSizeError, ZipWriter } from './zipWriter';
export {
  DEFLATED,
  FILE_ATTRIBUTES,
  FLAG_UTF8,
  STORED,
  centralHeader,
  dosDateTime,
  endRecords,
  localHeader,
} from './zipFormat';
export type { HeaderFields } from './zipFormat';
