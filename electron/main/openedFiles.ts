import { statSync } from 'node:fs';
import path from 'node:path';

// Mail the OS hands the app: a double-clicked .eml (file association), files dropped on the dock
// icon, or `kotae-studio message.eml` from a shell. Electron passes them as command-line arguments
// (Windows, Linux, and a second instance's argv) or as macOS 'open-file' events.

const MAIL = /\.(eml|mbox|mbx)$/i;

/** The mail files among command-line arguments: existing regular files, as absolute paths. */
export function mailFilesToImport(args: readonly string[], cwd: string): string[] {
  const out: string[] = [];
  for (const arg of args) {
    if (arg.startsWith('-') || !MAIL.test(arg)) continue;
    const file = path.resolve(cwd, arg);
    try {
      if (statSync(file).isFile() && !out.includes(file)) out.push(file);
    } catch {
      // Gone or unreadable: nothing to import; the import report would only repeat it.
    }
  }
  return out;
}
