import type { QuestionSummary } from '@shared/domain/question';
import { isOpenStatus } from '@shared/domain/status';

export type InboxGroup = 'overdue' | 'today' | 'new' | 'upcoming' | 'unscheduled' | 'closed';
export const inboxGroups: InboxGroup[] = ['overdue', 'today', 'new', 'upcoming', 'unscheduled', 'closed'];

/**
 * Which part of the Inbox a question belongs to: overdue checkpoints come first, always, then what
 * is due today. A question nobody has acknowledged yet (still 'received') comes next, above the
 * upcoming ones: its checkpoint is two working days away, but the customer is waiting to hear that
 * someone has read it, and among upcoming work sorted by date it would sink out of sight.
 */
export function groupOf(q: QuestionSummary, today: string): InboxGroup {
  if (!isOpenStatus(q.status)) return 'closed';
  if (!q.nextCheckpoint) return 'unscheduled';
  if (q.nextCheckpoint < today) return 'overdue';
  if (q.nextCheckpoint === today) return 'today';
  if (q.status === 'received') return 'new';
  return 'upcoming';
}
