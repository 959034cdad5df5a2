import type { Command } from 'commander';
import { KotaeError } from '../../../shared/errors';
import { checkReport } from '../../core/answers';
import { printJson } from '../output';
import { checkLevel, withReadOnlyLibrary } from './library';

// `kotae check`: the answer checks the editor shows live, for scripts and before sending.
const language = (process.env.KOTAE_LANG ?? process.env.LANG ?? '').toLowerCase().startsWith('ja')
  ? 'ja'
  : 'en';

export function registerCheckCommand(program: Command): void {
  program
    .command('check')
    .description('run the answer checks (completeness, tone, jargon, scope) on one answer')
    .argument('<answerId>', 'id of the answer (see: kotae list answers)')
    .requiredOption('--library <dir>', 'library folder')
    .option('--json', 'print the findings as JSON')
    .option('--check', 'run the full integrity check of the library first (reads the whole file)')
    .action((answerId: string, opts: { library: string; json?: boolean; check?: boolean }) => {
      const id = Number(answerId);
      if (!Number.isInteger(id) || id <= 0)
        throw new KotaeError(
          'INVALID_INPUT',
          {},
          `"${answerId}" is not an answer id; see kotae list answers`,
        );
      const report = withReadOnlyLibrary(opts.library, (library) => checkReport(library, id, language), {
        check: checkLevel(opts),
      });
      if (opts.json) {
        printJson(report);
        return;
      }
      console.log(`#${report.answerId}  ${report.title}`);
      console.log(
        report.findings.length === 0
          ? 'All checks pass.'
          : `${report.counts.error} to fix, ${report.counts.warning} to consider.`,
      );
      for (const f of report.findings) {
        console.log(`\n  ${f.severity === 'error' ? 'FIX     ' : 'CONSIDER'}  [${f.category}] ${f.message}`);
        console.log(`            ${f.explanation}`);
      }
    });
}
