import { dialog, shell, type BrowserWindow } from 'electron';
import type { Dialogs } from '../core/studio';
import { KotaeError } from '../../shared/errors';
import { screenAccessStatus } from './displayMedia';
import { isSafeExternalUrl } from './policy';

/** macOS System Settings, Privacy & Security, Screen Recording (a fixed URL, not from the page). */
const SCREEN_RECORDING_SETTINGS =
  'x-apple.systempreferences:com.apple.preference.security?Privacy_ScreenCapture';

export function electronDialogs(getWindow: () => BrowserWindow | null): Dialogs {
  const parent = () => getWindow() ?? undefined;
  return {
    async chooseFolder({ title, forCreate }) {
      const options: Electron.OpenDialogOptions = {
        title,
        properties: forCreate ? ['openDirectory', 'createDirectory', 'promptToCreate'] : ['openDirectory'],
      };
      const win = parent();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseFiles({ title, filters, multiple }) {
      const options: Electron.OpenDialogOptions = {
        title,
        filters,
        properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'],
      };
      const win = parent();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
    async chooseSaveFile({ title, defaultName, filters }) {
      const options: Electron.SaveDialogOptions = { title, defaultPath: defaultName, filters };
      const win = parent();
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled ? null : (result.filePath ?? null);
    },
    async openExternal(url) {
      // The one door to the OS for URLs: only https and mailto, whatever the caller checked.
      if (!isSafeExternalUrl(url))
        throw new KotaeError('INVALID_INPUT', {}, `not an https or mailto URL: ${url.slice(0, 100)}`);
      await shell.openExternal(url);
    },
    async showInFolder(file) {
      shell.showItemInFolder(file);
    },
    async openFile(file) {
      // Only the drafts the core wrote: an .eml in the temp folder, never a path from the renderer.
      if (!/\.eml$/i.test(file)) return false;
      return (await shell.openPath(file)) === '';
    },
    screenRecordingAccess: screenAccessStatus,
    async openScreenRecordingSettings() {
      if (process.platform !== 'darwin') return false;
      await shell.openExternal(SCREEN_RECORDING_SETTINGS);
      return true;
    },
  };
}
