import type { Command } from 'commander';
import { createBackup, restoreBackup } from '../../core/backup';
import { formatBytes } from '../../core/bundles';
import { openLibrary } from '../../core/library';
import { cliText } from '../messages';
import { printJson } from '../output';
import { withReadOnlyLibrary } from './library';

// `kotae backup` and `kotae restore`: the same backup zip as File > Back up library in the app.
// Backing up reads only (an online snapshot), so it works while the app has the library open.

/** Progress on stderr, only for a person watching a terminal. */
function progressLine(json: boolean | undefined) {
  return (fraction: number) => {
    if (!json && process.stderr.isTTY) process.stderr.write(`\r${Math.round(fraction * 100)}%   `);
  };
}

/** Ctrl-C stops the work cleanly: the temp file is removed and nothing partial is left. */
function interruptible(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    },
  };
}

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('write the whole library (database and media) into one zip file')
    .requiredOption('--library <dir>', 'library folder')
    .requiredOption('--out <file>', 'the backup zip to write (replaced atomically if it exists)')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { library: string; out: string; json?: boolean }) => {
      const { signal, dispose } = interruptible();
      try {
        // Read-only open: no library lock, no migration; db.backup() takes a consistent snapshot.
        const library = openLibrary(opts.library, { readOnly: true, actor: 'cli' });
        let result;
        try {
          result = await createBackup(library, opts.out, {
            signal,
            progress: progressLine(opts.json),
            appVersion: process.env.npm_package_version ?? '0.1.0',
          });
        } finally {
          library.close();
        }
        if (!opts.json && process.stderr.isTTY) process.stderr.write('\n');
        if (opts.json) printJson(result);
        else
          console.log(
            cliText('backup:cli.written', {
              file: result.file,
              size: formatBytes(result.bytes),
              media: result.mediaFiles,
            }),
          );
        if (result.vendorKey === 'sealed') process.stderr.write(`${cliText('backup:cli.keySealed')}\n`);
      } finally {
        dispose();
      }
    });

  program
    .command('restore <file>')
    .description('restore a backup zip into a NEW library folder (never over an existing library)')
    .requiredOption('--to <dir>', 'folder of the restored library: must not exist yet, or be empty')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: { to: string; json?: boolean }) => {
      const { signal, dispose } = interruptible();
      try {
        const result = await restoreBackup(file, opts.to, { signal, progress: progressLine(opts.json) });
        if (!opts.json && process.stderr.isTTY) process.stderr.write('\n');
        if (opts.json) printJson(result);
        else
          console.log(
            cliText('backup:cli.restored', {
              path: result.path,
              size: formatBytes(result.bytes),
              media: result.mediaFiles,
            }),
          );
        // The restored library opens like any other (checked again here, as a reader would).
        withReadOnlyLibrary(result.path, () => undefined);
      } finally {
        dispose();
      }
    });
}
