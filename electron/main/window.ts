import { BrowserWindow } from 'electron';
import { preloadPath } from './paths';
import { secureWebPreferences } from './policy';

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
