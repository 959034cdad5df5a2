import type { Dialogs } from '../studio';

/**
 * OS dialogs for tests that never open one: every chooser answers "cancelled", URLs and folders are
 * not opened, screen recording is allowed. Pass the answers a test needs.
 */
export function testDialogs(answers: Partial<Dialogs> = {}): Dialogs {
  return {
    chooseFolder: async () => null,
    chooseFiles: async () => [],
    chooseSaveFile: async () => null,
    openExternal: async () => undefined,
    showInFolder: async () => undefined,
    screenRecordingAccess: () => 'granted',
    openScreenRecordingSettings: async () => false,
    ...answers,
  };
}
