import { z } from 'zod';

/** A path on this machine: bounded like every input (Linux's PATH_MAX is 4096). */
const FilePath = z.string().max(4096);

export const UiLanguage = z.enum(['system', 'ja', 'en']);

/** Settings of the app on this machine (not of a library): kept in the user-data folder. */
export const AppSettings = z.object({
  language: UiLanguage.default('system'),
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  lastLibrary: FilePath.nullable().default(null),
  recentLibraries: z.array(FilePath).max(100).default([]),
  ffmpegPath: FilePath.nullable().default(null),
  ffprobePath: FilePath.nullable().default(null),
});
export type AppSettings = z.infer<typeof AppSettings>;

export const AppSettingsPatch = AppSettings.partial();
export type AppSettingsPatch = z.infer<typeof AppSettingsPatch>;
