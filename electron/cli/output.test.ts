import { afterEach, describe, expect, it, vi } from 'vitest';
import { displayWidth, printTable } from './output';

const printed = () =>
  (console.log as unknown as { mock: { calls: unknown[][] } }).mock.calls.map((c) => String(c[0]));

describe('printTable', () => {
  afterEach(() => vi.restoreAllMocks());

  it('cuts long cells at 50 columns, except in the last column, which is printed whole', () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const subject = '決済画面で画像が崩れます'.repeat(5); // 120 columns wide
    const reason =
      'The file could not be read. Check that it still exists and that you may read it, then try again.';
    printTable([{ message: 'a.eml', subject, reason }], ['message', 'subject', 'reason']);
    const [header, rule, row] = printed();
    expect(header).toMatch(/^message {2}subject +reason$/);
    expect(rule).toMatch(/^-{7} {2}-{50} {2}-{6}$/);
    expect(row).toContain(reason);
    expect(row).toContain('…');
    expect(displayWidth(row!.slice(0, row!.indexOf(reason)))).toBe(7 + 2 + 50 + 2);
  });

  it('says (none) for no rows', () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    printTable([], ['id']);
    expect(printed()).toEqual(['(none)']);
  });
});
