import path from 'node:path';
import type { Command } from 'commander';
import { KotaeError } from '../../../shared/errors';
import type { CheckReport } from '../../../shared/domain/checks';
import { checkReport } from '../../core/answers';
import { exportBundle, freeFolderPath, listBundles, verifyReport } from '../../core/bundles';
import { openLibrary } from '../../core/library';
import { printJson, printTable } from '../output';
import { cliLanguage, cliText } from '../messages';
import { checkLevel, withLibrary, withReadOnlyLibrary } from './library';

// `kotae bundle export|verify|list`: the same code as the app's export dialog and bundle check.

function id(value: string, what: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new KotaeError('INVALID_INPUT', {}, `${what} must be a positive id`);
  return n;
}

function appVersion(): string {
  return process.env.npm_package_version ?? '0.1.0';
}

/** Ctrl+C cancels the running export cleanly (no half-written zip), instead of killing it mid-write. */
function cancelOnInterrupt(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

interface ExportOptions {
  library: string;
  out: string;
  customer?: string;
  question?: string;
  generic?: boolean;
  folder?: boolean;
  smallerVideo?: boolean;
  json?: boolean;
}

interface VerifyOptions {
  library?: string;
  json?: boolean;
}

/**
 * Checks to fix, as a warning on stderr: stdout (and --json) stays the export's result and the exit
 * code stays 0, so scripts that export keep working; `kotae check` is the command that gates.
 */
function checksWarning(report: CheckReport): void {
  if (report.counts.error === 0) return;
  const lines = [
    cliText('bundle:cli.checksToFix', { count: report.counts.error, answerId: report.answerId }),
    ...report.findings.filter((f) => f.severity === 'error').map((f) => `  [${f.category}] ${f.message}`),
  ];
  process.stderr.write(`${lines.join('\n')}\n`);
}

export function registerBundleCommands(program: Command): void {
  const bundle = program.command('bundle').description('export and check answer bundles');

  bundle
    .command('export')
    .description('export an answer as a bundle (a zip, and a folder with --folder)')
    .argument('<answer-id>', 'id of the answer (kotae list answers)')
    .requiredOption('--library <dir>', 'library folder')
    .requiredOption('--out <file.zip>', 'the zip to write')
    .option('--customer <id>', 'the customer it is for (personalised unless --generic)')
    .option('--question <id>', 'the question it answers')
    .option('--generic', 'no customer name and no greeting')
    .option('--folder', 'also write the bundle as a folder beside the zip')
    .option('--smaller-video', 'smaller videos for e-mail')
    .option('--json', 'print the bundle record as JSON')
    .action(async (answerId: string, opts: ExportOptions) => {
      const zipPath = path.resolve(opts.out);
      const customerId = opts.customer ? id(opts.customer, '--customer') : null;
      const questionId = opts.question ? id(opts.question, '--question') : null;
      const cancel = cancelOnInterrupt();
      try {
        const { record, checks } = await withLibrary(opts.library, async (library) => {
          // The app asks before sending an answer with checks to fix; a script cannot answer, so
          // the export goes ahead and the checks are named on stderr (see checksWarning). What
          // must stop it (a document that fails the schema, a missing file) stops the export itself.
          const record = await exportBundle(
            library,
            {
              answerId: id(answerId, 'answer-id'),
              customerId,
              questionId,
              personalised: !opts.generic && (customerId !== null || questionId !== null),
              videoRendition: opts.smallerVideo ? 'email' : 'original',
              zip: true,
              folder: !!opts.folder,
            },
            { zipPath, folderPath: opts.folder ? freeFolderPath(zipPath.replace(/\.zip$/i, '')) : null },
            { appVersion: appVersion() },
            { signal: cancel.signal, progress: () => undefined },
          );
          return { record, checks: checkReport(library, record.answerId, cliLanguage) };
        });
        checksWarning(checks);
        if (opts.json) printJson(record);
        else
          console.log(
            cliText('bundle:cli.exported', {
              file: record.zipPath ?? record.folderPath ?? '',
              size: record.size,
              files: record.fileCount,
              id: record.id,
            }),
          );
      } finally {
        cancel.dispose();
      }
    });

  bundle
    .command('verify')
    .description(
      'check a bundle zip: exit 0 when every file matches its signed manifest (with --library: signed by that library), 1 with the reason otherwise',
    )
    .argument('<file.zip>', 'the bundle to check')
    .option('--library <dir>', 'also say whether this library made the bundle (read only)')
    .option('--json', 'print the report as JSON')
    .action(async (file: string, opts: VerifyOptions) => {
      const resolved = path.resolve(file);
      const library = opts.library ? openLibrary(opts.library, { readOnly: true, actor: 'cli' }) : null;
      let report;
      try {
        report = await verifyReport(resolved, library);
      } finally {
        library?.close();
      }
      if (opts.json) printJson(report);
      if (!report.sound || !report.manifest || !report.signature) {
        // Exit 1 with the reason: main.ts prints user errors on stderr and exits 1.
        const error = report.error!;
        throw new KotaeError('BUNDLE_INVALID', error.params, error.detail, error.messageKey);
      }
      const { verdict, fingerprint, libraryFingerprint } = report.signature;
      const say = (key: string, params: Record<string, string | number> = {}) => {
        if (!opts.json) console.log(cliText(key, params));
      };
      // Sound means: every file matches a manifest that this library, or the key shown, signed.
      const refuse = (key: string, params: Record<string, string>) =>
        new KotaeError('BUNDLE_INVALID', { reason: verdict, file, ...params }, undefined, key);
      if (verdict === 'otherKey') {
        throw refuse('bundle:cli.otherKey', {
          fingerprint: fingerprint!,
          library: libraryFingerprint ?? '—',
        });
      }
      if (verdict === 'unsigned' && !report.record) {
        throw refuse(opts.library ? 'bundle:cli.unsignedNotHere' : 'bundle:cli.unsigned', {});
      }
      say('bundle:cli.sound', {
        file,
        files: report.manifest.fileCount,
        answerId: report.manifest.answerId,
        revision: report.manifest.revision,
        createdAt: report.manifest.createdAt,
      });
      if (verdict === 'signed') say('bundle:cli.signedBy', { fingerprint: fingerprint! });
      if (verdict === 'thisLibrary') say('bundle:cli.madeHere', { fingerprint: fingerprint! });
      if (verdict === 'unsigned') say('bundle:cli.madeHereUnsigned');
      if (report.record) {
        const r = report.record;
        say('bundle:history.verifyRecord', {
          title: r.answerTitle ?? `#${r.answerId}`,
          revision: r.revision,
          date: r.createdAt,
          to: r.customerName ? cliText('bundle:history.verifyTo', { name: r.customerName }) : '',
        });
      }
    });

  bundle
    .command('list')
    .description('the bundles sent, per answer or per customer')
    .requiredOption('--library <dir>', 'library folder')
    .option('--answer <id>', 'only bundles of this answer')
    .option('--customer <id>', 'only bundles sent to this customer')
    .option('--check', 'run the full integrity check first (reads the whole file)')
    .option('--json', 'print as JSON')
    .action(
      (opts: { library: string; answer?: string; customer?: string; json?: boolean; check?: boolean }) => {
        const rows = withReadOnlyLibrary(
          opts.library,
          (l) =>
            listBundles(l.db, {
              ...(opts.answer ? { answerId: id(opts.answer, '--answer') } : {}),
              ...(opts.customer ? { customerId: id(opts.customer, '--customer') } : {}),
            }),
          { check: checkLevel(opts) },
        );
        if (opts.json) return printJson(rows);
        printTable(
          rows.map((r) => ({
            id: r.id,
            createdAt: r.createdAt,
            answer: r.answerTitle,
            revision: r.revision,
            customer: r.customerName ?? '—',
            file: r.fileName,
            fingerprint: r.manifestSha256.slice(0, 16),
          })),
          ['id', 'createdAt', 'answer', 'revision', 'customer', 'file', 'fingerprint'],
        );
      },
    );
}
