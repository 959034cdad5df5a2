// Autosave with no lost edits: a change is saved once typing pauses (debounce), and at least once a
// second while typing goes on (max wait), so killing the app loses at most the last second. One
// save at a time, always of the latest state; a failed save is kept and retried, never dropped.

export type SaveState = 'saved' | 'pending' | 'saving' | 'error';

export interface AutosaveOptions {
  debounceMs: number;
  maxWaitMs: number;
  retryMs: number;
}

export const defaultAutosave: AutosaveOptions = { debounceMs: 400, maxWaitMs: 1000, retryMs: 3000 };

export class AutosaveQueue<T> {
  private read: (() => T) | null = null;
  private firstChangeAt: number | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private state: SaveState = 'saved';

  constructor(
    private readonly save: (value: T) => Promise<void>,
    private readonly onState: (state: SaveState, error?: unknown) => void = () => undefined,
    private readonly options: AutosaveOptions = defaultAutosave,
  ) {}

  get current(): SaveState {
    return this.state;
  }

  /** Something changed; `read` gives the state to save (called only when a save starts). */
  changed(read: () => T): void {
    this.read = read;
    const now = Date.now();
    this.firstChangeAt ??= now;
    const waited = now - this.firstChangeAt;
    this.schedule(Math.max(0, Math.min(this.options.debounceMs, this.options.maxWaitMs - waited)));
    if (this.state !== 'saving') this.setState('pending');
  }

  /** Saves now what is pending and waits until it is stored; rejects if the save fails. */
  async flush(): Promise<void> {
    this.clearTimer();
    for (;;) {
      if (this.inFlight) {
        await this.inFlight.catch(() => undefined);
        continue;
      }
      const read = this.read;
      if (!read) break;
      this.read = null;
      this.firstChangeAt = null;
      this.setState('saving');
      const attempt = this.save(read());
      this.inFlight = attempt;
      try {
        await attempt;
      } catch (err) {
        // Keep the change (unless a newer one came meanwhile) and try again later.
        this.read ??= read;
        this.setState('error', err);
        this.schedule(this.options.retryMs);
        throw err;
      } finally {
        this.inFlight = null;
      }
    }
    this.setState('saved');
  }

  dispose(): void {
    this.clearTimer();
  }

  private schedule(ms: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush().catch(() => undefined); // the state already says 'error'
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private setState(state: SaveState, error?: unknown): void {
    this.state = state;
    this.onState(state, error);
  }
}
