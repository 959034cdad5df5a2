import type { ImportReport } from '../../../shared/api/intake';
import { KotaeError } from '../../../shared/errors';
import type { Handlers } from '../api';
import type { DialogFilter, Studio } from '../studio';
import { importMail } from './importMail';
import { createQuestionByHand } from './newQuestion';
import { questionThread } from './thread';

type IntakeChannel =
  | 'intake:new'
  | 'intake:import'
  | 'intake:chooseImport'
  | 'intake:report'
  | 'intake:thread'
  | 'intake:showAttachment';

const MAIL_FILTERS: DialogFilter[] = [
  { name: 'mail', extensions: ['eml', 'mbox', 'mbx'] },
  { name: 'allFiles', extensions: ['*'] },
];

export function intakeHandlers(studio: Studio): Handlers<IntakeChannel> {
  // Reports of this run's imports, also of cancelled ones (a cancelled job has no result).
  const reports = new Map<string, ImportReport>();

  const startImport = (paths: string[]): { jobId: string } => {
    const library = studio.writableLibrary();
    let jobId = '';
    let changedAt = 0;
    const job = studio.jobs.start(
      // 'import' is the kind the status bar already names "Importing mail" (jobs:kind.import).
      'import',
      async (ctx) => {
        const report = await importMail(library, paths, {
          signal: ctx.signal,
          progress: ctx.progress,
          onItem: (live) => {
            reports.set(jobId, live);
            // The Inbox follows a long import as it goes, without refetching after every message.
            if (Date.now() - changedAt > 1000) {
              changedAt = Date.now();
              studio.changed('questions', 'customers');
            }
          },
        });
        reports.set(jobId, report);
        // Kept for this run only, and only the last few: a report is read once, after its job.
        for (const old of [...reports.keys()].slice(0, Math.max(0, reports.size - 20))) reports.delete(old);
        return report;
      },
      'intake:phase.import',
    );
    jobId = job.id;
    void job.done.catch(() => undefined).finally(() => studio.changed('questions', 'customers', 'media'));
    return { jobId };
  };

  return {
    'intake:new': (input) => {
      const result = createQuestionByHand(studio.writableLibrary(), input);
      studio.changed('questions', 'customers');
      return result;
    },
    'intake:import': ({ paths }) => startImport(paths),
    'intake:chooseImport': async () => {
      const paths = await studio.dialogs.chooseFiles({
        title: 'importMail',
        filters: MAIL_FILTERS,
        multiple: true,
      });
      return paths.length ? startImport(paths) : null;
    },
    'intake:report': ({ jobId }) => reports.get(jobId) ?? null,
    'intake:thread': ({ questionId }) => questionThread(studio.library().db, questionId),
    'intake:showAttachment': async ({ sha256 }) => {
      const library = studio.library();
      const row = library.db.prepare('SELECT ext FROM media_assets WHERE sha256 = ?').get(sha256) as
        { ext: string } | undefined;
      const file = row && library.media.fileOf({ sha256, ext: row.ext });
      if (!file) throw new KotaeError('NOT_FOUND', { sha256 });
      await studio.dialogs.showInFolder(file);
      return { shown: file };
    },
  };
}
