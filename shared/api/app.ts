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

export const appChannels = defineChannels({
  'app:info': { input: z.object({}), output: AppInfo },
  'settings:get': { input: z.object({}), output: AppSettings },
  'settings:update': { input: AppSettingsPatch, output: AppSettings },
});
