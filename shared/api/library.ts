import { z } from 'zod';
import { LibraryCounts, LibraryInfo, LibraryState } from '../domain/library';
import { LogEntry } from '../domain/log';
import { defineChannels } from './channel';

const FolderPath = z.string().min(1).max(4096);

export const libraryChannels = defineChannels({
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
  'log:list': {
    input: z.object({
      questionId: z.number().int().optional(),
      customerId: z.number().int().optional(),
      answerId: z.number().int().optional(),
      limit: z.number().int().min(1).max(10_000).default(200),
    }),
    output: z.array(LogEntry),
  },
});
