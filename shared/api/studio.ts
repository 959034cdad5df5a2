import { z } from 'zod';
import { JobState } from '../domain/job';
import { LibraryCounts, LibraryInfo, LibraryState } from '../domain/library';
import { AppSettings, AppSettingsPatch } from '../domain/settings';
import { defineChannels } from './channel';

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  systemLocale: z.string(),
  userDataDir: z.string(),
  /** 'electron' in the real app, 'harness' when the UI runs against the test server. */
  shell: z.enum(['electron', 'harness']),
});
export type AppInfo = z.infer<typeof AppInfo>;

/**
 * Whether the OS lets the app record the screen. macOS asks the user once (System Settings, Privacy &
 * Security, Screen Recording); without consent it hands over a black screen. Elsewhere: 'granted'.
 */
export const ScreenAccessStatus = z.enum(['not-determined', 'granted', 'denied', 'restricted', 'unknown']);
export type ScreenAccessStatus = z.infer<typeof ScreenAccessStatus>;

const FolderPath = z.string().min(1).max(4096);

// The studio: the app itself, its settings, which library is open, and the jobs running in it.
export const studioChannels = defineChannels({
  'app:info': { input: z.object({}), output: AppInfo },
  'app:screenAccess': { input: z.object({}), output: z.object({ status: ScreenAccessStatus }) },
  /** Opens the OS's screen-recording privacy settings where there are such (macOS). */
  'app:openScreenSettings': { input: z.object({}), output: z.object({ opened: z.boolean() }) },
  'settings:get': { input: z.object({}), output: AppSettings },
  'settings:update': { input: AppSettingsPatch, output: AppSettings },
  'library:state': { input: z.object({}), output: LibraryState },
  /**
   * Rows per table of the open library (Settings shows them). Apart from the state: counting every
   * row of 75,000 messages and the log is a scan, and the state is read at every start.
   */
  'library:counts': { input: z.object({}), output: LibraryCounts },
  'library:open': { input: z.object({ path: FolderPath }), output: LibraryInfo },
  'library:create': {
    input: z.object({ path: FolderPath, demo: z.boolean().default(false) }),
    output: LibraryInfo,
  },
  /** Asks the OS for a folder first; null when the user cancelled the dialog. */
  'library:chooseOpen': { input: z.object({}), output: LibraryInfo.nullable() },
  'library:chooseCreate': {
    input: z.object({ demo: z.boolean().default(false) }),
    output: LibraryInfo.nullable(),
  },
  'library:recent': { input: z.object({}), output: z.array(z.string()) },
  'jobs:list': { input: z.object({}), output: z.array(JobState) },
  'jobs:cancel': {
    input: z.object({ id: z.string().max(200) }),
    output: z.object({ cancelled: z.boolean() }),
  },
});
