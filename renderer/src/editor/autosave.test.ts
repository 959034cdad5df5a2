import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AutosaveQueue } from './autosave';

// Fake timers make the schedule deterministic: these test the rules, not the speed.
describe('AutosaveQueue', () => {
  let saved: { at: number; value: string }[];
  let text: string;
  const queue = (save?: (v: string) => Promise<void>) =>
    new AutosaveQueue<string>(
      save ??
        (async (value) => {
          saved.push({ at: Date.now(), value });
        }),
    );

  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
    saved = [];
    text = '';
  });
  afterEach(() => vi.useRealTimers());

  it('saves once typing pauses, not per keystroke', async () => {
    const q = queue();
    for (const ch of 'hello') {
      text += ch;
      q.changed(() => text);
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(400);
    expect(saved.map((s) => s.value)).toEqual(['hello']);
  });

  it('saves at least once a second while typing goes on, so a crash loses at most the last second', async () => {
    const q = queue();
    for (let i = 0; i < 50; i++) {
      text += 'x';
      q.changed(() => text);
      await vi.advanceTimersByTimeAsync(100);
    }
    const gaps = saved.map((s, i) => s.at - (i ? saved[i - 1]!.at : 0));
    expect(saved.length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(1000);
    // Whatever was typed more than a second before "now" is stored.
    const lastSave = saved[saved.length - 1]!;
    expect(lastSave.value.length).toBeGreaterThanOrEqual(50 - 10);
  });

  it('flush saves the latest state at once and waits for it', async () => {
    const q = queue();
    text = 'draft';
    q.changed(() => text);
    text = 'draft, edited';
    await q.flush();
    expect(saved.map((s) => s.value)).toEqual(['draft, edited']);
    expect(q.current).toBe('saved');
  });

  it('saves again when a change arrives during a save', async () => {
    let release!: () => void;
    const q = queue(
      (value) =>
        new Promise<void>((resolve) => {
          saved.push({ at: Date.now(), value });
          release = resolve;
        }),
    );
    text = 'one';
    q.changed(() => text);
    await vi.advanceTimersByTimeAsync(400);
    text = 'two';
    q.changed(() => text);
    release();
    await vi.advanceTimersByTimeAsync(400);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(saved.map((s) => s.value)).toEqual(['one', 'two']);
  });

  it('keeps a change whose save failed and retries it', async () => {
    let fail = true;
    const states: string[] = [];
    const q = new AutosaveQueue<string>(
      async (value) => {
        if (fail) throw new Error('disk full');
        saved.push({ at: Date.now(), value });
      },
      (state) => states.push(state),
    );
    text = 'precious';
    q.changed(() => text);
    await vi.advanceTimersByTimeAsync(400);
    expect(states).toContain('error');
    fail = false;
    await vi.advanceTimersByTimeAsync(3000);
    expect(saved.map((s) => s.value)).toEqual(['precious']);
    expect(q.current).toBe('saved');
  });
});
