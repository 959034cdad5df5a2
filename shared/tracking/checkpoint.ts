import { isOpenStatus, type QuestionStatus } from '../domain/status';

// Checkpoints are calendar days (YYYY-MM-DD). The vendor promises news on working days only, so the
// suggested checkpoint skips Saturdays and Sundays.

function parseDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `day` plus `count` working days (Monday to Friday). */
export function addWorkingDays(day: string, count: number): string {
  const date = parseDay(day);
  let left = count;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return formatDay(date);
}

export const DEFAULT_CHECKPOINT_WORKING_DAYS = 2;

/** The checkpoint the status dialog suggests: two working days from today. */
export function suggestedCheckpoint(today: string): string {
  return addWorkingDays(today, DEFAULT_CHECKPOINT_WORKING_DAYS);
}

export type CheckpointProblem = 'required' | 'past' | null;

/**
 * Open statuses need a next checkpoint that is not in the past; closed ones take none (it is
 * cleared on save). Returns what is wrong, or null.
 */
export function checkpointProblem(
  to: QuestionStatus,
  nextCheckpoint: string | null,
  today: string,
): CheckpointProblem {
  if (!isOpenStatus(to)) return null;
  if (!nextCheckpoint) return 'required';
  if (nextCheckpoint < today) return 'past';
  return null;
}
