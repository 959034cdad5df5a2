import type { ScreenAccessStatus } from '../../../shared/api/studio';

export interface FileFilter {
  name: string;
  extensions: string[];
}

/**
 * The OS dialogs the app uses. Electron implements them with `dialog`; the UI harness with test
 * doubles that answer what the test queued. Nothing else in the app differs between the two.
 */
export interface Dialogs {
  chooseFolder(options: { title: string; forCreate: boolean }): Promise<string | null>;
  chooseFiles(options: { title: string; filters: FileFilter[]; multiple: boolean }): Promise<string[]>;
  chooseSaveFile(options: {
    title: string;
    defaultName: string;
    filters: FileFilter[];
  }): Promise<string | null>;
  /** Opens a URL (https: or mailto:) in the OS; callers check the scheme first. */
  openExternal(url: string): Promise<void>;
  /** Shows a file in the OS file manager. */
  showInFolder(file: string): Promise<void>;
  /**
   * Opens a file the app wrote with the program the OS has for it (an unsent .eml draft in the mail
   * program); false when the OS could not. Optional: without it, a draft too long for a mail link
   * is copied instead.
   */
  openFile?(file: string): Promise<boolean>;
  /** Whether the OS lets the app record the screen (macOS asks the user; elsewhere 'granted'). */
  screenRecordingAccess(): ScreenAccessStatus;
  /** Opens the OS's screen-recording privacy settings; false where the OS has none. */
  openScreenRecordingSettings(): Promise<boolean>;
}
