import type { Command } from 'commander';
import { KotaeError } from '../../../shared/errors';
import { faqOverview, publishFaq } from '../../core/faq';
import { printJson, printTable } from '../output';
import { checkLevel, withLibrary, withReadOnlyLibraryAsync } from './library';

// `kotae faq …`: the FAQ publisher for scripts and cron jobs. Privacy findings are decided in the
// app (a person must look at each); from here a blocked publication exits 1 and says why.

export function registerFaqCommands(program: Command): void {
  const faq = program.command('faq').description('the public FAQ site');

  faq
    .command('publish')
    .description('publish the public answers as a static site (only what changed is rewritten)')
    .requiredOption('--library <dir>', 'library folder')
    .option('--out <dir>', 'site folder (default: the one chosen in the app)')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { library: string; out?: string; json?: boolean }) => {
      const result = await withLibrary(opts.library, (library) =>
        publishFaq(library, {
          ...(opts.out ? { outDir: opts.out } : {}),
          progress: (fraction, phase) => {
            if (!opts.json && process.stderr.isTTY)
              process.stderr.write(`\r${phase} ${Math.round(fraction * 100)}%   `);
          },
        }),
      );
      if (!opts.json && process.stderr.isTTY) process.stderr.write('\n');
      if (opts.json) {
        printJson(result);
        return;
      }
      const s = result.stats;
      console.log(`Published ${s.answers} answers to ${result.outDir}`);
      console.log(
        `${s.written} files written, ${s.removed} removed, ${s.unchanged} unchanged (${(s.durationMs / 1000).toFixed(1)} s).`,
      );
    });

  faq
    .command('check')
    .description('list the public answers and the privacy findings that must be decided before publishing')
    .requiredOption('--library <dir>', 'library folder')
    .option('--check', 'run the full integrity check first (reads the whole file)')
    .option('--json', 'print as JSON')
    .action(async (opts: { library: string; json?: boolean; check?: boolean }) => {
      const overview = await withReadOnlyLibraryAsync(opts.library, (library) => faqOverview(library), {
        check: checkLevel(opts),
      });
      if (opts.json) {
        printJson({
          answers: overview.answers,
          findings: overview.findings,
          unresolved: overview.unresolved,
        });
      } else {
        printTable(
          overview.answers.map((a) => ({
            id: a.id,
            title: a.title,
            change: a.change,
            undecided: a.unresolved,
          })),
          ['id', 'title', 'change', 'undecided'],
        );
        const open = overview.findings.filter((f) => f.decision === null);
        if (open.length) {
          console.log(`\n${open.length} possible customer details to decide in the app (Publish screen):`);
          printTable(
            open.map((f) => ({ answer: f.subjectTitle, kind: f.kind, text: f.text })),
            ['answer', 'kind', 'text'],
          );
        } else console.log('\nNo undecided privacy findings: ready to publish.');
      }
      if (overview.unresolved > 0)
        throw new KotaeError(
          'PUBLISH_BLOCKED',
          { count: overview.unresolved },
          undefined,
          'errors:PUBLISH_BLOCKED_FINDINGS',
        );
    });
}
