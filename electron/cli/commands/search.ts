import type { Command } from 'commander';
import { SearchHitKind, type SearchHit } from '../../../shared/api/search';
import { KotaeError, toAppError } from '../../../shared/errors';
import type { Library } from '../../core/library';
import { refreshSearchIndex, searchLibrary, searchStatus } from '../../core/search';
import { cliText } from '../messages';
import { printJson, printTable } from '../output';
import { checkLevel, withLibrary, withReadOnlyLibrary } from '../open';

// `kotae search`: the library search of the app (the same index, the same ranking) for scripts.
// It opens the library for writing when it can, so documents changed since they were last indexed
// are indexed first; while the app holds the library it searches read-only, as the app does while
// its indexer is behind: hits are checked against the current text (no stale hit), the newest
// unindexed documents are read directly, and when more wait than that, stderr says how many.

export function registerSearchCommand(program: Command): void {
  program
    .command('search')
    .description('search questions, answers, customers and capabilities (best match first)')
    .argument('<query>', 'words to find; Japanese, English or both')
    .requiredOption('--library <dir>', 'library folder')
    .option('--kind <kind>', `only this kind: ${SearchHitKind.options.join('|')}`)
    .option('--limit <n>', 'number of hits', '20')
    .option('--json', 'print a JSON array of {kind, id, title, snippet, ranges}')
    .option('--check', 'run the full integrity check first (reads the whole file)')
    .action(
      async (
        query: string,
        opts: { library: string; kind?: string; limit: string; json?: boolean; check?: boolean },
      ) => {
        const kind = SearchHitKind.safeParse(opts.kind);
        if (opts.kind !== undefined && !kind.success)
          throw new KotaeError(
            'INVALID_INPUT',
            {},
            `unknown kind "${opts.kind}"; choose one of ${SearchHitKind.options.join(', ')}`,
          );
        const limit = Number(opts.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 200)
          throw new KotaeError('INVALID_INPUT', {}, `--limit must be a whole number from 1 to 200`);
        const kinds = kind.success ? [kind.data] : SearchHitKind.options;
        const search = (library: Library) => {
          const status = searchStatus(library.db, kinds);
          if (!status.complete)
            process.stderr.write(`${cliText('search:indexing.behind', { count: status.queued })}\n`);
          return searchLibrary(library.db, { query, kinds, limit });
        };
        let hits: SearchHit[];
        try {
          // A search only reads (and brings the index up to date): the checks of a read.
          hits = await withLibrary(
            opts.library,
            (library) => {
              refreshSearchIndex(library.db);
              return search(library);
            },
            { check: checkLevel(opts) },
          );
        } catch (err) {
          const code = toAppError(err).code;
          if (code !== 'LIBRARY_LOCKED' && code !== 'LIBRARY_READ_ONLY') throw err;
          hits = withReadOnlyLibrary(opts.library, search, { check: checkLevel(opts) });
        }
        if (opts.json) {
          printJson(
            hits.map(({ kind, id, title, snippet, ranges }) => ({ kind, id, title, snippet, ranges })),
          );
          return;
        }
        if (!hits.length) {
          console.log(`Nothing found for "${query}".`);
          return;
        }
        printTable(
          hits.map((h) => ({ kind: h.kind, id: h.id, title: h.title, snippet: h.snippet })),
          ['kind', 'id', 'title', 'snippet'],
        );
      },
    );
}
