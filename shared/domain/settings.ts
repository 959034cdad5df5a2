import { z } from 'zod';

export const UiLanguage = z.enum(['system', 'ja', 'en']);

/** Settings of the app on this machine (not of a library): kept in the user-data folder. */
export const AppSettings = z.object({
  language: UiLanguage.default('system'),
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  lastLibrary: z.string().max(4096).nullable().default(null),
  recentLibraries: z.array(z.string().max(4096)).max(100).default([]),
  ffmpegPath: z.string().max(4096).nullable().default(null),
  ffprobePath: z.string().max(4096).nullable().default(null),
});
export type AppSettings = z.infer<typeof AppSettings>;

export const AppSettingsPatch = AppSettings.partial();
export type AppSettingsPatch = z.infer<typeof AppSettingsPatch>;
