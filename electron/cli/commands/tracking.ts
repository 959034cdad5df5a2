import type { Command } from 'commander';
import { QuestionStatus } from '../../../shared/domain/status';
import { Day } from '../../../shared/domain/common';
import { KotaeError } from '../../../shared/errors';
import { suggestedCheckpoint } from '../../../shared/tracking/checkpoint';
import { exportCatalogue, importCatalogueFile } from '../../core/capabilities';
import { writeFileAtomic } from '../../core/files';
import { changeStatus, workLogCsv } from '../../core/tracking';
import { cliLanguage } from '../messages';
import { printJson } from '../output';
import { checkLevel, withLibrary, withReadOnlyLibrary } from './library';

// Tracking from the command line (issue 4): status changes with their checkpoint, the work log as
// CSV, and the scope catalogue as JSON. Same services, same rules as the app.

function positiveId(value: string, what: string): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0)
    throw new KotaeError('INVALID_INPUT', {}, `"${value}" is not a ${what} id`);
  return id;
}

export function registerTrackingCommands(program: Command): void {
  program
    .command('status')
    .description('change the status of a question (open statuses need a next checkpoint)')
    .argument('<questionId>', 'id of the question (see: kotae list questions)')
    .argument('<status>', QuestionStatus.options.join(' | '))
    .requiredOption('--library <dir>', 'library folder')
    .option('--checkpoint <day>', 'next checkpoint, YYYY-MM-DD (default: two working days from today)')
    .option('--note <text>', 'why, for the work log', '')
    .option('--message <text>', 'the message sent to the customer', '')
    .option('--json', 'print the recorded change as JSON')
    .action(
      async (
        questionId: string,
        status: string,
        opts: { library: string; checkpoint?: string; note: string; message: string; json?: boolean },
      ) => {
        const to = QuestionStatus.safeParse(status);
        if (!to.success)
          throw new KotaeError(
            'INVALID_INPUT',
            {},
            `"${status}" is not a status: ${QuestionStatus.options.join(', ')}`,
          );
        if (opts.checkpoint !== undefined && !Day.safeParse(opts.checkpoint).success)
          throw new KotaeError('INVALID_INPUT', {}, `"${opts.checkpoint}" is not a day (YYYY-MM-DD)`);
        const change = await withLibrary(opts.library, (library) =>
          changeStatus(library, {
            id: positiveId(questionId, 'question'),
            to: to.data,
            nextCheckpoint: opts.checkpoint ?? suggestedCheckpoint(library.today()),
            note: opts.note,
            customerMessage: opts.message,
          }),
        );
        if (opts.json) printJson(change);
        else
          console.log(
            `${change.fromStatus} → ${change.toStatus}${change.nextCheckpoint ? ` (next: ${change.nextCheckpoint})` : ''}`,
          );
      },
    );

  const log = program.command('log').description('the work log');
  log
    .command('export')
    .description('write the work log as CSV (all, or of one question or customer)')
    .requiredOption('--library <dir>', 'library folder')
    .requiredOption('--out <file>', 'CSV file to write')
    .option('--question <id>', 'only this question')
    .option('--customer <id>', 'only this customer')
    .option('--check', 'run the full integrity check first (reads the whole file)')
    .action(
      async (opts: {
        library: string;
        out: string;
        question?: string;
        customer?: string;
        check?: boolean;
      }) => {
        const { csv, rows } = withReadOnlyLibrary(
          opts.library,
          (library) =>
            workLogCsv(
              library.db,
              {
                questionId: opts.question === undefined ? undefined : positiveId(opts.question, 'question'),
                customerId: opts.customer === undefined ? undefined : positiveId(opts.customer, 'customer'),
              },
              cliLanguage,
            ),
          { check: checkLevel(opts) },
        );
        await writeFileAtomic(opts.out, csv);
        console.log(`${rows} entries → ${opts.out}`);
      },
    );

  const capabilities = program.command('capabilities').description('the scope catalogue as JSON');
  capabilities
    .command('export')
    .requiredOption('--library <dir>', 'library folder')
    .requiredOption('--out <file>', 'JSON file to write')
    .action(async (opts: { library: string; out: string }) => {
      const counts = await withLibrary(opts.library, (library) => exportCatalogue(library, opts.out));
      console.log(`${counts.areas} areas, ${counts.operations} operations → ${opts.out}`);
    });
  capabilities
    .command('import')
    .description('merge a catalogue file by title; an invalid file changes nothing')
    .argument('<file>', 'JSON file written by export')
    .requiredOption('--library <dir>', 'library folder')
    .option('--json', 'print the report as JSON')
    .action(async (file: string, opts: { library: string; json?: boolean }) => {
      const report = await withLibrary(opts.library, (library) => importCatalogueFile(library, file));
      if (opts.json) printJson(report);
      else console.log(`${report.added} added, ${report.updated} updated, ${report.unchanged} unchanged`);
    });
}
