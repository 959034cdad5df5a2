// The library service: a folder with library.sqlite (WAL, migrations, integrity check) and media/.
export { Library, type LogInput, type Clock } from './Library';
export {
  openLibrary,
  createLibrary,
  isLibraryFolder,
  DB_FILE,
  MEDIA_DIR,
  type OpenOptions,
  type CreateOptions,
} from './open';
export { seedDemo, seedDemoIn } from './demo';
export { MediaStore, safeExtension, type StoredFile, type MediaRef, type MediaLocation } from './mediaStore';
export { LOCK_FILE } from './lock';
export { integrityCheckInWorker, QUICK_CHECK_MAX_BYTES, type CheckLevel } from './integrity';
export {
  checkMediaFiles,
  checkStoredFile,
  mediaFindingsError,
  type MediaFinding,
  type MediaProblem,
  type StoredFileRef,
} from './mediaCheck';
export { plainSealer, type SecretSealer, type SealerKind } from './secretSealer';
export { listLog, type LogFilter } from './log';
export { migrations, type Migration } from './migrations';
export { latestVersion, schemaVersion } from './migrations/runner';
