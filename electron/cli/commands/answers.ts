import type { Command } from 'commander';
import { staleAnswers } from '../../core/releases';
import { cliText } from '../messages';
import { printJson, printTable } from '../output';
import { withReadOnlyLibrary } from './library';

// `kotae answers stale`: the answers a release put on the list to re-check (issue 22), most read
// first, as the Answers screen's filter and the Settings → Releases list show them.

export function registerAnswerCommands(program: Command): void {
  const answers = program.command('answers').description('answers: what to re-check after a release');
  answers
    .command('stale')
    .description('the answers to re-check after a release, most read first (public, then most sent)')
    .requiredOption('--library <dir>', 'library folder')
    .option('--json', 'print the list as JSON')
    .action((opts: { library: string; json?: boolean }) => {
      const list = withReadOnlyLibrary(opts.library, (library) => staleAnswers(library.db));
      if (opts.json) {
        printJson(list);
        return;
      }
      console.log(
        list.length
          ? cliText('followUp:cli.stale', { count: list.length })
          : cliText('followUp:cli.noneStale'),
      );
      if (!list.length) return;
      printTable(
        list.map((a) => ({
          id: a.answerId,
          public: a.isPublic ? cliText('followUp:cli.yes') : '',
          sent: a.sent,
          release: a.version,
          checkedWith: a.checkedWith ?? '',
          changed: a.capabilities.join(', '),
          title: a.title,
        })),
        ['id', 'public', 'sent', 'release', 'checkedWith', 'changed', 'title'],
      );
    });
}
