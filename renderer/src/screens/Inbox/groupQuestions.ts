import type { QuestionSummary } from '@shared/domain/question';
import { isOpenStatus } from '@shared/domain/status';

export type InboxGroup = 'overdue' | 'today' | 'upcoming' | 'unscheduled' | 'closed';
export const inboxGroups: InboxGroup[] = ['overdue', 'today', 'upcoming', 'unscheduled', 'closed'];

/** Which part of the Inbox a question belongs to: overdue checkpoints come first, always. */
export function groupOf(q: QuestionSummary, today: string): InboxGroup {
  if (!isOpenStatus(q.status)) return 'closed';
  if (!q.nextCheckpoint) return 'unscheduled';
  if (q.nextCheckpoint < today) return 'overdue';
  if (q.nextCheckpoint === today) return 'today';
  return 'upcoming';
}
