import { test as base, _electron, expect, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHarness } from './harness/start';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Playwright's names for what electron/main/policy.ts allows: clipboard-sanitized-write is
 * 'clipboard-write'; media capture is answered by Chromium's fake-UI flags (playwright.config.ts);
 * fullscreen needs no grant in Chromium. A spec that reads the clipboard to check it grants
 * 'clipboard-read' itself: the app never may.
 */
const harnessPermissions = ['clipboard-write', 'microphone'];
const useElectron = process.env.KOTAE_ELECTRON === '1';

export interface DialogAnswers {
  chooseFolder?: (string | null)[];
  chooseFiles?: string[][];
  chooseSaveFile?: (string | null)[];
}

export interface OsDialogsSeen {
  titles: string[];
  filterNames: string[][];
}

/** The app under test, whichever shell runs it: same calls for harness and Electron. */
export interface AppUnderTest {
  /** The user-data folder of this test's app (fresh per test). */
  userData: string;
  /** A fresh temp folder for the test's own files. */
  tempDir: string;
  /** Whether a URL is the app's own: its page or its media (another origin, as in Electron). */
  isOwnUrl(url: string): boolean;
  /** Answers the next OS dialogs (folder/file pickers) will give. */
  queueDialogs(answers: DialogAnswers): Promise<void>;
  /** URLs the app asked the OS to open (mailto:, https:). */
  openedUrls(): Promise<string[]>;
  /** Files the app asked the OS file manager to show ("Show in folder"). */
  shownInFolder(): Promise<string[]>;
  /** What the OS answers about screen-recording consent (harness only: macOS's answer can't be faked in Electron). */
  setScreenAccess(status: 'not-determined' | 'granted' | 'denied' | 'restricted' | 'unknown'): Promise<void>;
  /**
   * Replies of these channels (ones that start a job) wait until that job has ended and its last
   * event has gone to the window (harness only: Electron's IPC order can't be forced from outside).
   */
  holdJobReplies(channels: string[]): Promise<void>;
  /** How often the app opened the OS's screen-recording settings. */
  screenSettingsOpened(): Promise<number>;
  /** What the OS dialogs the app opened showed: each title, and each file dialog's type names. */
  osDialogs(): Promise<OsDialogsSeen>;
  /** Drops real files onto the element, as a user dragging them from the file manager. */
  dropFiles(selector: string, files: string[]): Promise<void>;
}

interface Options {
  /** The OS locale the app sees (it picks the UI language from it). */
  systemLocale: string;
  /**
   * The demo library's language. The app's own choice ('ui': the UI's language) is what a user
   * gets; most specs were written against the Japanese demo, so that is the default here.
   */
  demoLanguage: 'ja' | 'en' | 'ui';
}

export function electronAvailable(): { ok: boolean; reason: string } {
  try {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve('electron/package.json'));
    if (!existsSync(path.join(dir, 'path.txt')))
      return { ok: false, reason: 'no Electron binary (ELECTRON_SKIP_BINARY_DOWNLOAD)' };
    return { ok: true, reason: '' };
  } catch {
    return { ok: false, reason: 'electron package missing' };
  }
}

export const test = base.extend<{ app: AppUnderTest; electronApp: ElectronApplication | null } & Options>({
  systemLocale: ['en-US', { option: true }],
  demoLanguage: ['ja', { option: true }],

  electronApp: async ({ systemLocale, demoLanguage }, use) => {
    if (!useElectron) {
      await use(null);
      return;
    }
    const userData = mkdtempSync(path.join(os.tmpdir(), 'kotae-electron-'));
    const app = await _electron.launch({
      args: [path.join(root, 'out/main/index.js'), `--lang=${systemLocale}`],
      env: {
        ...process.env,
        KOTAE_USER_DATA: userData,
        ...(demoLanguage === 'ui' ? {} : { KOTAE_DEMO_LANGUAGE: demoLanguage }),
      },
    });
    await use(app);
    await app.close();
    rmSync(userData, { recursive: true, force: true });
  },

  page: async ({ page, electronApp, systemLocale, demoLanguage }, use, testInfo) => {
    if (electronApp) {
      const window = await electronApp.firstWindow();
      await window.locator('.k-app').waitFor();
      await use(window);
      return;
    }
    const userData = testInfo.outputPath('user-data');
    const { url, mediaOrigin, child, bridgeScript } = await startHarness(userData, {
      locale: systemLocale,
      demoLanguage,
      onStderr: (text) => process.stderr.write(`[harness] ${text}`),
    });
    // The permissions Electron's policy grants our page (electron/main/policy.ts), and no others.
    await page.context().grantPermissions(harnessPermissions, { origin: url });
    await page.addInitScript({ content: bridgeScript });
    Object.assign(page, { harnessUrl: url, harnessMediaOrigin: mediaOrigin });
    await page.goto(url);
    // The shell is up (keyboard shortcuts bound, first data requested) before the test starts.
    await page.locator('.k-app').waitFor();
    await use(page);
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  },

  app: async ({ page, electronApp }, use, testInfo) => {
    const tempDir = testInfo.outputPath('files');
    const { harnessUrl, harnessMediaOrigin } = page as Page & {
      harnessUrl?: string;
      harnessMediaOrigin?: string;
    };
    const ownOrigins = electronApp
      ? ['kotae-app://app', 'kotae-media://media']
      : [harnessUrl!, harnessMediaOrigin!];
    const app: AppUnderTest = {
      userData: testInfo.outputPath('user-data'),
      tempDir,
      isOwnUrl(url) {
        return ownOrigins.some((origin) => url === origin || url.startsWith(`${origin}/`));
      },
      async queueDialogs(answers) {
        if (electronApp) {
          await electronApp.evaluate(({ dialog }, queued) => {
            const folders = [...(queued.chooseFolder ?? [])];
            const files = [...(queued.chooseFiles ?? [])];
            const saves = [...(queued.chooseSaveFile ?? [])];
            // What the app asked the OS to show, for osDialogs() (kept across queueDialogs calls).
            const seen = ((globalThis as { __kotaeDialogsSeen?: OsDialogsSeen }).__kotaeDialogsSeen ??= {
              titles: [],
              filterNames: [],
            });
            const record = (opts: { title?: string; filters?: { name: string }[] }) => {
              seen.titles.push(opts.title ?? '');
              if (opts.filters) seen.filterNames.push(opts.filters.map((f) => f.name));
            };
            dialog.showOpenDialog = (async (...args: unknown[]) => {
              const opts = (args.length > 1 ? args[1] : args[0]) as {
                properties?: string[];
                title?: string;
                filters?: { name: string }[];
              };
              record(opts);
              const wantsFolder = opts.properties?.includes('openDirectory');
              const next = wantsFolder ? folders.shift() : files.shift();
              const paths = next === null || next === undefined ? [] : Array.isArray(next) ? next : [next];
              return { canceled: paths.length === 0, filePaths: paths };
            }) as typeof dialog.showOpenDialog;
            dialog.showSaveDialog = (async (...args: unknown[]) => {
              record(
                (args.length > 1 ? args[1] : args[0]) as { title?: string; filters?: { name: string }[] },
              );
              const next = saves.shift();
              return { canceled: !next, filePath: next ?? '' };
            }) as typeof dialog.showSaveDialog;
          }, answers);
          return;
        }
        const res = await page.request.post(`${harnessUrl}/__kotae/test/dialogs`, { data: answers });
        expect(res.ok()).toBe(true);
      },
      async openedUrls() {
        if (electronApp) return [];
        const res = await page.request.get(`${harnessUrl}/__kotae/test/opened`);
        return ((await res.json()) as { opened: string[] }).opened;
      },
      async setScreenAccess(status) {
        if (electronApp) throw new Error('setScreenAccess needs the harness');
        const res = await page.request.post(`${harnessUrl}/__kotae/test/screenAccess`, { data: { status } });
        expect(res.ok()).toBe(true);
      },
      async holdJobReplies(channels) {
        if (electronApp) throw new Error('holdJobReplies needs the harness');
        const res = await page.request.post(`${harnessUrl}/__kotae/test/holdJobReplies`, { data: { channels } });
        expect(res.ok()).toBe(true);
      },
      async screenSettingsOpened() {
        if (electronApp) return 0;
        const res = await page.request.get(`${harnessUrl}/__kotae/test/opened`);
        return ((await res.json()) as { screenSettingsOpened: number }).screenSettingsOpened;
      },
      async osDialogs() {
        if (electronApp) {
          return electronApp.evaluate(
            () =>
              (globalThis as { __kotaeDialogsSeen?: OsDialogsSeen }).__kotaeDialogsSeen ?? {
                titles: [],
                filterNames: [],
              },
          );
        }
        const res = await page.request.get(`${harnessUrl}/__kotae/test/opened`);
        const body = (await res.json()) as { dialogTitles: string[]; dialogFilterNames: string[][] };
        return { titles: body.dialogTitles, filterNames: body.dialogFilterNames };
      },
      async shownInFolder() {
        if (electronApp) return [];
        const res = await page.request.get(`${harnessUrl}/__kotae/test/opened`);
        return ((await res.json()) as { shown: string[] }).shown;
      },
      async dropFiles(selector, files) {
        const { readFileSync } = await import('node:fs');
        const payload = files.map((f) => ({
          name: path.basename(f),
          path: f,
          data: readFileSync(f).toString('base64'),
        }));
        await page.evaluate(
          ({ selector: sel, payload: items }) => {
            const transfer = new DataTransfer();
            for (const item of items) {
              const bytes = Uint8Array.from(atob(item.data), (c) => c.charCodeAt(0));
              transfer.items.add(new File([bytes], item.name));
              (
                window as unknown as { __kotaeHarness?: { files: Map<string, string> } }
              ).__kotaeHarness?.files.set(item.name, item.path);
            }
            const target = document.querySelector(sel);
            if (!target) throw new Error(`nothing matches ${sel}`);
            for (const type of ['dragenter', 'dragover', 'drop']) {
              target.dispatchEvent(
                new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }),
              );
            }
          },
          { selector, payload },
        );
      },
    };
    await use(app);
  },
});

export { expect };
