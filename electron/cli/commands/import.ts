import type { Command } from 'commander';
import { KotaeError } from '../../../shared/errors';
import { importMail } from '../../core/intake';
import { cliText } from '../messages';
import { printJson, printTable } from '../output';
import { withLibrary } from './library';

// `kotae import --library DIR FILE...`: .eml files, mbox files, or folders of them, as the app's
// Import button does. Exit 0 when every message was imported, threaded or already there; 1 when any
// was rejected (each with its reason); Ctrl-C stops between two messages, leaving whole ones only.

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description(
      'import mail (.eml, .mbox, or folders of them) as questions; exit 1 if any message is rejected',
    )
    .requiredOption('--library <dir>', 'library folder')
    .argument('<files...>', '.eml or .mbox files, or folders of them')
    .option('--json', 'print the import report as JSON')
    .action(async (files: string[], opts: { library: string; json?: boolean }) => {
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once('SIGINT', stop);
      const report = await withLibrary(opts.library, (library) =>
        importMail(library, files, {
          signal: controller.signal,
          progress: (fraction) => {
            if (!opts.json && process.stderr.isTTY)
              process.stderr.write(`\r${Math.round(fraction * 100)}%   `);
          },
        }),
      ).finally(() => process.off('SIGINT', stop));
      if (!opts.json && process.stderr.isTTY) process.stderr.write('\r');
      if (opts.json) printJson(report);
      else {
        const rejected = report.items.filter((i) => i.outcome === 'rejected');
        if (rejected.length) {
          printTable(
            rejected.map((i) => ({
              message: i.source,
              subject: i.subject,
              reason: cliText(`intake:reason.${i.reason}`),
            })),
            ['message', 'subject', 'reason'],
          );
          console.log('');
        }
        const { imported, threaded, duplicates, rejected: rejectedCount } = report;
        console.log(
          cliText('intake:cli.summary', { imported, threaded, duplicates, rejected: rejectedCount }),
        );
      }
      if (report.cancelled) throw new KotaeError('CANCELLED');
      if (report.rejected > 0)
        throw new KotaeError(
          'IMPORT_FAILED',
          { count: report.rejected },
          undefined,
          'intake:cli.someRejected',
        );
    });
}
