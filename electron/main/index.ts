import { app, BrowserWindow } from 'electron';
import path from 'node:path';
import { createHandlers, dispatch } from '../core/api';
import { Studio } from '../core/studio';
import { electronDialogs } from './dialogs';
import { handleDisplayMedia } from './displayMedia';
import { keychainSealer } from './keychainSealer';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import { mailFilesToImport } from './openedFiles';
import { rendererDir } from './paths';
import { APP_ORIGIN, handleProtocols, registerSchemes } from './protocols';
import { originOf, sameOrigin } from './policy';
import { applySecurityPolicy } from './security';
import { createMainWindow } from './window';

// Electron's shell: windows, menu, protocols and IPC wiring. Everything else is in electron/core.

// KOTAE_USER_DATA lets the Playwright `_electron` runs use a fresh folder per test.
if (process.env.KOTAE_USER_DATA) app.setPath('userData', path.resolve(process.env.KOTAE_USER_DATA));

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const startUrl = devServerUrl ?? `${APP_ORIGIN}/index.html`;

/** Our page, and nothing else, may call the API, navigate, or get media permissions. */
const isTrustedUrl = sameOrigin(startUrl);
/** The page's origin: the media protocol answers CORS requests from it (and only it). */
const appOrigin = originOf(startUrl)!;

let mainWindow: BrowserWindow | null = null;
let studio: Studio | null = null;
let handlers: ReturnType<typeof createHandlers> | null = null;
/** Mail the OS handed over before the library was open (macOS sends open-file that early). */
const pendingMail: string[] = [];

/** Mail opened with the app (file association, dock, command line) is imported as a job. */
function importMail(files: string[]): void {
  if (!files.length) return;
  if (!handlers) {
    pendingMail.push(...files);
    return;
  }
  void dispatch(handlers, 'intake:import', { paths: files });
}

if (!app.requestSingleInstanceLock()) {
  // A second instance would open the same library for writing: hand over to the first one.
  app.quit();
} else {
  registerSchemes();
  applySecurityPolicy(isTrustedUrl);

  app.on('open-file', (event, file) => {
    event.preventDefault();
    importMail(mailFilesToImport([file], process.cwd()));
  });

  app.on('second-instance', (_event, argv, cwd) => {
    importMail(mailFilesToImport(argv.slice(1), cwd));
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });

  app.whenReady().then(async () => {
    // The keychain is asked once, after 'ready' (safeStorage needs it): the vendor key is sealed with it.
    const sealer = await keychainSealer();
    studio = new Studio({
      userDataDir: app.getPath('userData'),
      systemLocale: app.getLocale(),
      shell: 'electron',
      appVersion: app.getVersion(),
      platform: process.platform,
      dialogs: electronDialogs(() => mainWindow),
      // The specs' choice of demo (e2e/fixtures.ts); a user gets the demo in the UI's language.
      demoLanguage: ['ja', 'en'].includes(process.env.KOTAE_DEMO_LANGUAGE ?? '')
        ? (process.env.KOTAE_DEMO_LANGUAGE as 'ja' | 'en')
        : undefined,
      sealer,
    });
    studio.on((event, payload) => {
      for (const win of BrowserWindow.getAllWindows()) win.webContents.send(event, payload);
    });
    studio.start();
    handlers = createHandlers(studio);
    registerIpc(handlers, isTrustedUrl);
    handleDisplayMedia(isTrustedUrl);
    handleProtocols(rendererDir(), studio, appOrigin);
    const language = studio.settings.get().language;
    const menuLanguage = language === 'system' ? (app.getLocale().startsWith('ja') ? 'ja' : 'en') : language;
    buildMenu(() => mainWindow, menuLanguage);
    mainWindow = createMainWindow(startUrl);
    mainWindow.on('closed', () => (mainWindow = null));
    importMail([...pendingMail.splice(0), ...mailFilesToImport(process.argv.slice(1), process.cwd())]);
  });

  app.on('window-all-closed', () => app.quit());

  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting || !studio) return;
    // Let running jobs stop cleanly (temp files removed, journal written) before the library closes.
    event.preventDefault();
    quitting = true;
    void studio.close().finally(() => app.quit());
  });
}
