// Library backup and restore: one zip (SQLite online backup + the media folder + a sha256 manifest).
export { createBackup, listMediaFiles, type BackupOptions } from './createBackup';
export {
  restoreBackup,
  checkRestoreTarget,
  backupInvalid,
  BACKUP_LIMITS,
  type RestoreOptions,
} from './restore';
export { backupHandlers } from './handlers';
