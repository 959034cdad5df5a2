import type { ScreenAccessStatus } from '../../shared/api/studio';
import type { Dialogs, FileFilter } from '../../electron/core/studio';

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
  /** The title of each OS dialog the app opened, in order (what the OS would show the user). */
  readonly titles: string[] = [];
  /** The file-type names of each file dialog, in order. */
  readonly filterNames: string[][] = [];
  readonly shown: string[] = [];
  /** What the OS says about screen recording; a test sets 'denied' to see the macOS advice. */
  screenAccess: ScreenAccessStatus = 'granted';
  screenSettingsOpened = 0;

  async chooseFolder({ title }: { title: string }): Promise<string | null> {
    this.titles.push(title);
    return this.queues.chooseFolder.shift() ?? null;
  }
  async chooseFiles({ title, filters }: { title: string; filters: FileFilter[] }): Promise<string[]> {
    this.titles.push(title);
    this.filterNames.push(filters.map((f) => f.name));
    return this.queues.chooseFiles.shift() ?? [];
  }
  async chooseSaveFile({ title, filters }: { title: string; filters: FileFilter[] }): Promise<string | null> {
    this.titles.push(title);
    this.filterNames.push(filters.map((f) => f.name));
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
