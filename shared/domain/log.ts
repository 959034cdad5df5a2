import { z } from 'zod';
import { Id, Timestamp } from './common';

// The work log: every action on a request, also the vendor's record in a dispute (DESIGN.md).
export const LogEntry = z.object({
  id: Id,
  at: Timestamp,
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.number().int().nullable(),
  questionId: z.number().int().nullable(),
  customerId: z.number().int().nullable(),
  answerId: z.number().int().nullable(),
  summary: z.string(),
  /** What the action recorded (e.g. a status change's from/to/checkpoint), for showing it in words. */
  detail: z.record(z.string(), z.unknown()),
});
export type LogEntry = z.infer<typeof LogEntry>;
