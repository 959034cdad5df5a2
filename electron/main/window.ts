import { BrowserWindow } from 'electron';
import { preloadPath } from './paths';

/** The security settings every window of ours gets; the hardening tests read them from here. */
export const secureWebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
} as const;

export function createMainWindow(url: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1320,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Kotae Studio',
    backgroundColor: '#f7f7f5',
    webPreferences: { ...secureWebPreferences, preload: preloadPath() },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(url);
  return win;
}
