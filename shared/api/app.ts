import { z } from 'zod';
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

export const appChannels = defineChannels({
  'app:info': { input: z.object({}), output: AppInfo },
  'app:screenAccess': { input: z.object({}), output: z.object({ status: ScreenAccessStatus }) },
  /** Opens the OS's screen-recording privacy settings where there are such (macOS). */
  'app:openScreenSettings': { input: z.object({}), output: z.object({ opened: z.boolean() }) },
  'settings:get': { input: z.object({}), output: AppSettings },
  'settings:update': { input: AppSettingsPatch, output: AppSettings },
});
