import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';

/**
 * The application menu. Items that need the window (new/open library, which can fail and must show
 * the error there) are sent to it as menu commands; the window calls the same channels its buttons do.
 */
export function buildMenu(getWindow: () => BrowserWindow | null, language: 'ja' | 'en'): void {
  const ja = language === 'ja';
  const send = (command: string) => () => getWindow()?.webContents.send('menu:command', { command });
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: ja ? 'ファイル' : 'File',
      submenu: [
        {
          label: ja ? '新しいライブラリ…' : 'New Library…',
          accelerator: 'CmdOrCtrl+Shift+N',
          click: send('library:new'),
        },
        {
          label: ja ? 'ライブラリを開く…' : 'Open Library…',
          accelerator: 'CmdOrCtrl+O',
          click: send('library:open'),
        },
        { type: 'separator' },
        {
          id: 'file:backup',
          label: ja ? 'ライブラリをバックアップ…' : 'Back Up Library…',
          click: send('backup:create'),
        },
        { type: 'separator' },
        { label: ja ? '設定' : 'Settings', accelerator: 'CmdOrCtrl+,', click: send('navigate:settings') },
        { type: 'separator' },
        { role: process.platform === 'darwin' ? 'close' : 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: ja ? '表示' : 'View',
      submenu: [
        { label: ja ? '検索' : 'Search', accelerator: 'CmdOrCtrl+K', click: send('palette:open') },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
