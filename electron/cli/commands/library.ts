import type { Command } from 'commander';
import { MAX_PAGE_LIMIT, type ListPage } from '../../../shared/domain/listPage';
import { KotaeError } from '../../../shared/errors';
import { listAnswers } from '../../core/answers';
import { listCapabilities } from '../../core/capabilities';
import { listCustomers } from '../../core/customers';
import {
  checkMediaFiles,
  createLibrary,
  mediaFindingsError,
  openLibrary,
  seedDemo,
  type CheckLevel,
  type Library,
} from '../../core/library';
import { checkLevel, withReadOnlyLibrary } from '../open';
import { listMedia } from '../../core/media';
import { listQuestions } from '../../core/questions';
import { printJson, printTable } from '../output';

export { checkLevel, withLibrary, withReadOnlyLibrary, withReadOnlyLibraryAsync } from '../open';

/** Every row of a list the services hand out a window at a time. */
function everyRow<T>(page: (window: { offset: number; limit: number }) => ListPage<T>): T[] {
  const rows: T[] = [];
  for (;;) {
    const { items, total } = page({ offset: rows.length, limit: MAX_PAGE_LIMIT });
    rows.push(...items);
    if (items.length === 0 || rows.length >= total) return rows;
  }
}

const lists = {
  questions: (l: Library) =>
    everyRow((w) => listQuestions(l.db, w)).map((q) => ({
      id: q.id,
      title: q.subject,
      status: q.status,
      customer: q.customerName,
      nextCheckpoint: q.nextCheckpoint,
    })),
  answers: (l: Library) =>
    everyRow((w) => listAnswers(l.db, w)).map((a) => ({
      id: a.id,
      title: a.title,
      kind: a.kind,
      public: a.isPublic,
      revision: a.revision,
    })),
  customers: (l: Library) =>
    everyRow((w) => listCustomers(l.db, w)).map((c) => ({
      id: c.id,
      name: c.name,
      email: c.email,
      company: c.company,
      openQuestions: c.openQuestions,
    })),
  capabilities: (l: Library) =>
    listCapabilities(l.db).map((c) => ({ id: c.id, title: c.title, kind: c.kind, parentId: c.parentId })),
  assets: (l: Library) =>
    listMedia(l.db).map((m) => ({
      id: m.id,
      name: m.originalName,
      kind: m.kind,
      size: m.size,
      sha256: m.sha256,
    })),
} as const;

const checkedText: Record<CheckLevel, string> = {
  open: 'checked at open: header, size and schema; --check runs the full integrity check',
  full: 'full integrity check',
};

export function registerLibraryCommands(program: Command): void {
  program
    .command('init')
    .description('create a new library in an empty folder')
    .requiredOption('--library <dir>', 'folder of the new library')
    .option('--demo', 'fill it with the demo content')
    .option('--json', 'print the result as JSON')
    .action((opts: { library: string; demo?: boolean; json?: boolean }) => {
      const library = createLibrary(opts.library, { actor: 'cli', ...(opts.demo ? { seed: seedDemo } : {}) });
      const info = library.info();
      library.close();
      if (opts.json) printJson(info);
      else console.log(`Created library ${info.path}${opts.demo ? ' with demo content' : ''}.`);
    });

  program
    .command('info')
    .description('counts per table, schema version and integrity of a library')
    .requiredOption('--library <dir>', 'library folder')
    .option('--check', 'run the full integrity check (reads the whole file)')
    .option(
      '--check-media',
      'also read every media file and check it against its checksum (exit 1 if one is missing or changed)',
    )
    .option('--json', 'print as JSON')
    .action(async (opts: { library: string; check?: boolean; checkMedia?: boolean; json?: boolean }) => {
      // A failed check ends in LIBRARY_CORRUPT at open: what is printed passed.
      const library = openLibrary(opts.library, { readOnly: true, actor: 'cli', check: checkLevel(opts) });
      let info;
      let counts;
      let media: Awaited<ReturnType<typeof checkMediaFiles>> | null = null;
      try {
        info = library.info();
        counts = library.counts();
        if (opts.checkMedia) media = await checkMediaFiles(library);
      } finally {
        library.close();
      }
      if (opts.json) {
        printJson({
          path: info.path,
          schemaVersion: info.schemaVersion,
          integrity: 'ok',
          checked: info.integrity.checked,
          counts,
          ...(media ? { media } : {}),
        });
      } else {
        console.log(`Library    ${info.path}`);
        console.log(`Schema     ${info.schemaVersion}`);
        console.log(`Integrity  ok (${checkedText[info.integrity.checked]})`);
        if (media) console.log(`Media      ${media.checked} files checked, ${media.findings.length} not as stored`);
        printTable(
          Object.entries(counts).map(([table, rows]) => ({ table, rows })),
          ['table', 'rows'],
        );
        if (media?.findings.length) printTable(media.findings.map((f) => ({ ...f })), ['name', 'problem', 'sha256', 'ext']);
      }
      const damaged = media ? mediaFindingsError(info.path, media.findings) : null;
      if (damaged) throw damaged;
    });

  program
    .command('list')
    .description('list questions, answers, customers, capabilities or assets')
    .argument('<what>', Object.keys(lists).join('|'))
    .requiredOption('--library <dir>', 'library folder')
    .option('--check', 'run the full integrity check first (reads the whole file)')
    .option('--json', 'print as JSON (an array of objects with id and title or name)')
    .action((what: string, opts: { library: string; json?: boolean; check?: boolean }) => {
      if (!(what in lists)) {
        throw new KotaeError(
          'INVALID_INPUT',
          {},
          `unknown list "${what}"; choose one of ${Object.keys(lists).join(', ')}`,
        );
      }
      const rows = withReadOnlyLibrary(opts.library, (l) => lists[what as keyof typeof lists](l), {
        check: checkLevel(opts),
      }) as Record<string, unknown>[];
      if (opts.json) printJson(rows);
      else printTable(rows, Object.keys(rows[0] ?? { id: 0 }));
    });
}
