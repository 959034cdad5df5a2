import { suggestedCheckpoint } from '../../../shared/tracking/checkpoint';

// Every open request has a next checkpoint (DESIGN.md), so a question gets one the moment it lands.
// It counts from when the customer wrote, not from when we imported the mail: the customer has been
// waiting since then. Old mail imported late therefore lands overdue, which is the truth and puts it
// first in the Inbox. A date header in the future (a wrong clock) counts from today instead.

/** The calendar day (YYYY-MM-DD, local time zone, like Library.today) of an ISO instant. */
export function localDay(iso: string): string | null {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The checkpoint of a new question: two working days from the day it was received (at most today). */
export function firstCheckpoint(receivedAt: string, today: string): string {
  const received = localDay(receivedAt);
  return suggestedCheckpoint(received !== null && received < today ? received : today);
}
