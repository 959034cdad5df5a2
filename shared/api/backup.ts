import { z } from 'zod';
import { defineChannels } from './channel';

// Library backup and restore (issue 9). Both ask the OS where first, then run as a job (progress,
// cancel); null when the user cancelled the dialog. The job's result is a BackupResult or a
// RestoreResult (shared/domain/backup).
export const backupChannels = defineChannels({
  'backup:create': {
    input: z.object({}),
    output: z.object({ jobId: z.string(), target: z.string() }).nullable(),
  },
  /** Asks for the backup zip, then for the NEW library's folder (empty or not yet there). */
  'backup:restore': {
    input: z.object({}),
    output: z.object({ jobId: z.string(), target: z.string() }).nullable(),
  },
});
