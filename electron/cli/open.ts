import { openLibrary, type CheckLevel, type Library } from '../core/library';
import { refreshSearchIndex } from '../core/search';

// How the commands open a library. Its own module, so a command that only reads (search) loads
// the library service and nothing of the commands that list, render or export.

/**
 * Opens a library for reading only: no lock, so it works while the app has the library open. A
 * read checks what is cheap at open (header, size, schema; electron/core/library/integrity.ts):
 * the full integrity_check read 9 s at 50,000 questions before a 13 ms search. --check asks for it.
 */
export function withReadOnlyLibrary<T>(
  dir: string,
  use: (library: Library) => T,
  options: { check?: CheckLevel } = {},
): T {
  const library = openLibrary(dir, { readOnly: true, actor: 'cli', check: options.check ?? 'open' });
  try {
    return use(library);
  } finally {
    library.close();
  }
}

/** withReadOnlyLibrary for work that finishes later (the library stays open until it has). */
export async function withReadOnlyLibraryAsync<T>(
  dir: string,
  use: (library: Library) => Promise<T>,
  options: { check?: CheckLevel } = {},
): Promise<T> {
  const library = openLibrary(dir, { readOnly: true, actor: 'cli', check: options.check ?? 'open' });
  try {
    return await use(library);
  } finally {
    library.close();
  }
}

/**
 * Opens a library for writing: takes the library lock, which the app and other commands honour.
 * A command that writes checks the whole file first (the app checks in the background instead; a
 * script has no status bar to show a problem found after it wrote). What the command wrote is
 * indexed for search before the library is closed (a command is a batch: it may take the time the
 * app's background worker would), so the app finds nothing left to do.
 */
export async function withLibrary<T>(
  dir: string,
  use: (library: Library) => T | Promise<T>,
  options: { check?: CheckLevel } = {},
): Promise<T> {
  const library = openLibrary(dir, { actor: 'cli', check: options.check ?? 'full' });
  try {
    return await use(library);
  } finally {
    try {
      refreshSearchIndex(library.db);
    } catch {
      /* left queued (a full disk, say): the app's indexer takes it up */
    }
    library.close();
  }
}

/** --check: the full integrity check; without it, the checks at open. */
export function checkLevel(opts: { check?: boolean }): CheckLevel {
  return opts.check ? 'full' : 'open';
}
