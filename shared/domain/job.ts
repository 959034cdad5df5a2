import { z } from 'zod';
import { AppErrorSchema } from './appError';

export const JobStatus = z.enum(['running', 'done', 'failed', 'cancelled', 'interrupted']);
export type JobStatus = z.infer<typeof JobStatus>;

export const JobState = z.object({
  id: z.string(),
  kind: z.string(),
  /** i18n key of what the job is doing now (`jobs:phase.import`), or a plain label. */
  phase: z.string(),
  progress: z.number().min(0).max(1),
  status: JobStatus,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Seconds left, when the job can tell. */
  etaS: z.number().nullable(),
  error: AppErrorSchema.nullable(),
  result: z.unknown().optional(),
});
export type JobState = z.infer<typeof JobState>;
