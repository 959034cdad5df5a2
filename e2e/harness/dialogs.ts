import type { ScreenAccessStatus } from '../../shared/api/app';
import type { Dialogs } from '../../electron/core/studio';

export interface DialogQueues {
  chooseFolder: (string | null)[];
  chooseFiles: string[][];
  chooseSaveFile: (string | null)[];
}

/**
 * Test doubles of the OS dialogs, the only part of the app the harness replaces: each call takes
 * the next answer the test queued (an empty queue answers "cancelled"). External URLs are recorded.
 */
export class HarnessDialogs implements Dialogs {
  readonly queues: DialogQueues = { chooseFolder: [], chooseFiles: [], chooseSaveFile: [] };
  readonly opened: string[] = [];
  readonly shown: string[] = [];
  /** What the OS says about screen recording; a test sets 'denied' to see the macOS advice. */
  screenAccess: ScreenAccessStatus = 'granted';
  screenSettingsOpened = 0;

  async chooseFolder(): Promise<string | null> {
    return this.queues.chooseFolder.shift() ?? null;
  }
  async chooseFiles(): Promise<string[]> {
    return this.queues.chooseFiles.shift() ?? [];
  }
  async chooseSaveFile(): Promise<string | null> {
    return this.queues.chooseSaveFile.shift() ?? null;
  }
  async openExternal(url: string): Promise<void> {
    this.opened.push(url);
  }
  async showInFolder(file: string): Promise<void> {
    this.shown.push(file);
  }
  /** Files the OS was asked to open (drafts as .eml): recorded as file: paths with the URLs. */
  async openFile(file: string): Promise<boolean> {
    this.opened.push(`file:${file}`);
    return true;
  }
  screenRecordingAccess(): ScreenAccessStatus {
    return this.screenAccess;
  }
  async openScreenRecordingSettings(): Promise<boolean> {
    this.screenSettingsOpened++;
    return true;
  }
}
