import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { EventName, EventPayload } from '../../../shared/api';
import type { LibraryInfo, LibraryState } from '../../../shared/domain/library';
import { KotaeError, toAppError } from '../../../shared/errors';
import { stopPrivacyScans } from '../faq';
import { JobRunner, libraryJournal, markInterruptedJobs } from '../jobs';
import {
  DB_FILE,
  createLibrary,
  integrityCheckInWorker,
  openLibrary,
  seedDemoIn,
  type Clock,
  type Library,
  type SecretSealer,
} from '../library';
import { removeAbandonedScratch, stopAllMediaProcesses } from '../media';
import { SearchIndexing } from '../search';
import { AppSettingsStore } from '../settings';
import { pickLocale, type UiLocale } from '../../../shared/i18n';
import type { Dialogs } from './dialogs';
import { translatedDialogs, type StudioDialogs } from './translatedDialogs';

export interface StudioOptions {
  userDataDir: string;
  systemLocale: string;
  shell: 'electron' | 'harness';
  appVersion: string;
  platform: string;
  dialogs: Dialogs;
  clock?: Clock;
  actor?: string;
  /**
   * The language of the demo library made on first run; by default the UI's (English system →
   * English demo). Specs written against the Japanese demo set it.
   */
  demoLanguage?: 'ja' | 'en' | undefined;
  /** How libraries keep their secrets: the OS keychain in the app; plain in the harness. */
  sealer?: SecretSealer;
}

type Listener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export const DEFAULT_LIBRARY_DIR = 'Kotae Library';

/**
 * The app's state outside any window: settings, the open library, running jobs. Electron's main
 * process and the UI harness each make one and serve the same handler table from it.
 */
export class Studio {
  readonly settings: AppSettingsStore;
  readonly jobs: JobRunner;
  /** The open library's search index, kept up to date by a background worker. */
  readonly searchIndexing: SearchIndexing;
  private current: Library | null = null;
  private state: LibraryState = { status: 'none' };
  private readonly listeners = new Set<Listener>();
  private readonly translated: StudioDialogs;

  constructor(readonly options: StudioOptions) {
    mkdirSync(options.userDataDir, { recursive: true });
    this.settings = new AppSettingsStore(options.userDataDir);
    this.translated = translatedDialogs(options.dialogs, () => this.uiLanguage());
    this.jobs = new JobRunner(() =>
      this.current && !this.current.readOnly ? libraryJournal(this.current) : null,
    );
    this.jobs.onUpdate((job) => this.emit('job:update', job));
    this.searchIndexing = new SearchIndexing(this.jobs, {
      caughtUp: () => this.emit('data:changed', { entities: ['search'] }),
      error: (message) => console.error(`[search index] ${message}`),
    });
  }

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) listener(event, payload);
  }

  /** Tells every window that data changed, so lists refetch; and the indexer, so it indexes it. */
  changed(...entities: string[]): void {
    this.searchIndexing.kick();
    this.emit('data:changed', { entities });
  }

  /** First run: a demo library in the user-data folder; later: the library open last time. */
  start(): LibraryState {
    const last = this.settings.get().lastLibrary;
    if (last) {
      this.tryOpen(last);
    } else {
      const root = path.join(this.options.userDataDir, DEFAULT_LIBRARY_DIR);
      try {
        this.adopt(existsSync(path.join(root, 'library.sqlite')) ? this.open(root) : this.create(root, true));
      } catch (err) {
        this.setState({ status: 'error', path: root, error: toAppError(err) });
      }
    }
    return this.state;
  }

  private tryOpen(root: string): void {
    try {
      this.adopt(this.open(root));
    } catch (err) {
      this.setState({ status: 'error', path: root, error: toAppError(err) });
    }
  }

  private open(root: string): Library {
    return openLibrary(root, this.libraryOptions());
  }

  private create(root: string, demo: boolean): Library {
    return createLibrary(root, {
      ...this.libraryOptions(),
      ...(demo ? { seed: seedDemoIn(this.demoLanguage()) } : {}),
    });
  }

  /** The UI's language: the setting, else the system's. */
  uiLanguage(): UiLocale {
    return pickLocale(this.settings.get().language, this.options.systemLocale);
  }

  /** The demo speaks the UI's language unless the specs chose one. */
  private demoLanguage(): 'ja' | 'en' {
    return this.options.demoLanguage ?? this.uiLanguage();
  }

  private libraryOptions() {
    return {
      actor: this.options.actor ?? 'vendor',
      ...(this.options.clock ? { clock: this.options.clock } : {}),
      ...(this.options.sealer ? { sealer: this.options.sealer } : {}),
    };
  }

  private adopt(library: Library): LibraryInfo {
    if (this.current && this.current !== library) {
      this.jobs.cancelAll();
      // Its worker closes its own connection after the step in hand (the last to close leaves the
      // library without a WAL file).
      void this.searchIndexing.close();
      this.current.close();
    }
    this.current = library;
    if (!library.readOnly) {
      markInterruptedJobs(library);
      removeAbandonedScratch(library);
    }
    this.searchIndexing.open(library);
    this.settings.rememberLibrary(library.root);
    this.checkInBackground(library);
    const info = library.info();
    this.setState({ status: 'open', info });
    return info;
  }

  /**
   * The full integrity_check of a library opened with the quick checks: a job in a worker thread,
   * so no request waits for it (9 s at 50,000 questions). Its state shows in the status bar; a
   * problem makes the library refuse changes (writableLibrary), so nothing is written into a
   * damaged file while the vendor decides what to do.
   */
  private checkInBackground(library: Library): void {
    if (library.integrity.checked === 'full') return;
    const update = (integrity: Library['integrity']) => {
      library.integrity = integrity;
      if (this.current === library && !library.isClosed) this.emit('library:integrity', integrity);
    };
    update({ ...library.integrity, status: 'checking' });
    const file = path.join(library.root, DB_FILE);
    const job = this.jobs.start(
      'integrity',
      (ctx) => integrityCheckInWorker(file, ctx.signal),
      'jobs:kind.integrity',
    );
    job.done.then(
      (result) =>
        update({
          checked: 'full',
          status: result === 'ok' ? 'ok' : 'problem',
          detail: result === 'ok' ? null : result,
          at: new Date().toISOString(),
        }),
      // Cancelled (another library, quit) or the check could not run: what was checked at open stands.
      () => update({ ...library.integrity, status: 'ok' }),
    );
  }

  /** Resolves when the background integrity check of the open library has ended (for tests). */
  async integritySettled(): Promise<void> {
    await this.jobs.settle();
  }

  private setState(state: LibraryState): void {
    this.state = state;
    this.emit('library:changed', state);
  }

  getState(): LibraryState {
    if (this.current && this.state.status === 'open') {
      this.state = { status: 'open', info: this.current.info() };
    }
    return this.state;
  }

  openLibrary(root: string): LibraryInfo {
    const resolved = path.resolve(root);
    if (this.current?.root === resolved) return this.current.info();
    return this.adopt(this.open(resolved));
  }

  createLibrary(root: string, demo: boolean): LibraryInfo {
    return this.adopt(this.create(path.resolve(root), demo));
  }

  /** The open library, or a NO_LIBRARY error the UI turns into "open or create a library". */
  library(): Library {
    if (!this.current || this.current.isClosed) throw new KotaeError('NO_LIBRARY');
    return this.current;
  }

  /** The open library, refusing when it was opened read-only or its integrity check failed. */
  writableLibrary(): Library {
    const library = this.library();
    if (library.readOnly) throw new KotaeError('LIBRARY_READ_ONLY', { path: library.root });
    if (library.integrity.status === 'problem') {
      throw new KotaeError(
        'LIBRARY_CORRUPT',
        { path: library.root },
        library.integrity.detail ?? undefined,
        'library:damaged',
      );
    }
    return library;
  }

  /** The OS dialogs, titled in the UI's language. */
  get dialogs(): StudioDialogs {
    return this.translated;
  }

  async close(): Promise<void> {
    this.jobs.cancelAll();
    // ffmpeg/ffprobe runs outside jobs too (thumbnails, probes): none may outlive the app.
    stopAllMediaProcesses();
    await this.searchIndexing.close();
    // Nor the privacy scan's worker thread.
    stopPrivacyScans();
    await this.jobs.settle();
    this.current?.close();
    this.current = null;
  }
}
