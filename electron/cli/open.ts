import { openLibrary, type CheckLevel, type Library } from '../core/library';

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

/**
 * Opens a library for writing: takes the library lock, which the app and other commands honour.
 * A command that writes checks the whole file first (the app checks in the background instead; a
 * script has no status bar to show a problem found after it wrote).
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
    library.close();
  }
}

/** --check: the full integrity check; without it, the checks at open. */
export function checkLevel(opts: { check?: boolean }): CheckLevel {
  return opts.check ? 'full' : 'open';
}
