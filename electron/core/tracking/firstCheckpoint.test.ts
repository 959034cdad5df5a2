import { describe, expect, it } from 'vitest';
import { firstCheckpoint, localDay } from './firstCheckpoint';

// Instants at midday UTC fall on the same calendar day in every time zone from UTC-11 to UTC+11.
describe('first checkpoint of a new question', () => {
  it('is two working days from the day the customer wrote', () => {
    expect(firstCheckpoint('2026-11-25T12:00:00.000Z', '2026-11-25')).toBe('2026-11-27'); // Wed → Fri
    expect(firstCheckpoint('2026-11-27T12:00:00.000Z', '2026-11-27')).toBe('2026-12-01'); // Fri → Tue
  });

  it('counts from the received day, so old mail imported late is already overdue', () => {
    expect(firstCheckpoint('2026-11-02T12:00:00.000Z', '2026-11-25')).toBe('2026-11-04');
  });

  it('counts from today for a date in the future (a wrong clock) or no readable date', () => {
    expect(firstCheckpoint('2027-03-01T12:00:00.000Z', '2026-11-25')).toBe('2026-11-27');
    expect(firstCheckpoint('not a date', '2026-11-25')).toBe('2026-11-27');
  });

  it('reads the day in the local time zone, like Library.today', () => {
    const d = new Date('2026-11-25T12:00:00.000Z');
    expect(localDay(d.toISOString())).toBe(
      `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`,
    );
    expect(localDay('garbage')).toBeNull();
  });
});
