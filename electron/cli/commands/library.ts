import type { Command } from 'commander';
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
  type Library,
} from '../../core/library';
import { listMedia } from '../../core/media';
import { listQuestions } from '../../core/questions';
import { refreshSearchIndex } from '../../core/search';
import { printJson, printTable } from '../output';

/** Opens a library for reading only: no lock, so it works while the app has the library open. */
export function withReadOnlyLibrary<T>(dir: string, use: (library: Library) => T): T {
  const library = openLibrary(dir, { readOnly: true, actor: 'cli' });
  try {
    return use(library);
  } finally {
    library.close();
  }
}

/** withReadOnlyLibrary for work that finishes later (the library stays open until it has). */
export async function withReadOnlyLibraryAsync<T>(
  dir: string,
  use: (library: Library) => Promise<T>,
): Promise<T> {
  const library = openLibrary(dir, { readOnly: true, actor: 'cli' });
  try {
    return await use(library);
  } finally {
    library.close();
  }
}

/**
 * Opens a library for writing: takes the library lock, which the app and other commands honour.
 * What the command wrote is indexed for search before the library is closed (a command is a batch:
 * it may take the time the app's background worker would), so the app finds nothing left to do.
 */
export async function withLibrary<T>(dir: string, use: (library: Library) => T | Promise<T>): Promise<T> {
  const library = openLibrary(dir, { actor: 'cli' });
  try {
    return await use(library);
  } finally {
    try {
      refreshSearchIndex(library.db);
    } catch {
      /* left queued (a full disk, say): the app's indexer takes it up */
    }
    library.close();
  }
}

const lists = {
  questions: (l: Library) =>
    listQuestions(l.db, { limit: 1_000_000 }).map((q) => ({
      id: q.id,
      title: q.subject,
      status: q.status,
      customer: q.customerName,
      nextCheckpoint: q.nextCheckpoint,
    })),
  answers: (l: Library) =>
    listAnswers(l.db).map((a) => ({
      id: a.id,
      title: a.title,
      kind: a.kind,
      public: a.isPublic,
      revision: a.revision,
    })),
  customers: (l: Library) =>
    listCustomers(l.db).map((c) => ({
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
    .option('--check-media', 'also read every media file and check it against its checksum (exit 1 if one is missing or changed)')
    .option('--json', 'print as JSON')
    .action(async (opts: { library: string; checkMedia?: boolean; json?: boolean }) => {
      const library = openLibrary(opts.library, { readOnly: true, actor: 'cli' });
      let info;
      let media: Awaited<ReturnType<typeof checkMediaFiles>> | null = null;
      try {
        info = library.info();
        if (opts.checkMedia) media = await checkMediaFiles(library);
      } finally {
        library.close();
      }
      if (opts.json) {
        printJson({
          path: info.path,
          schemaVersion: info.schemaVersion,
          integrity: info.integrity,
          counts: info.counts,
          ...(media ? { media } : {}),
        });
      } else {
        console.log(`Library    ${info.path}`);
        console.log(`Schema     ${info.schemaVersion}`);
        console.log(`Integrity  ${info.integrity}`);
        if (media) console.log(`Media      ${media.checked} files checked, ${media.findings.length} not as stored`);
        printTable(
          Object.entries(info.counts).map(([table, rows]) => ({ table, rows })),
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
    .option('--json', 'print as JSON (an array of objects with id and title or name)')
    .action((what: string, opts: { library: string; json?: boolean }) => {
      if (!(what in lists)) {
        throw new KotaeError(
          'INVALID_INPUT',
          {},
          `unknown list "${what}"; choose one of ${Object.keys(lists).join(', ')}`,
        );
      }
      const rows = withReadOnlyLibrary(opts.library, (l) => lists[what as keyof typeof lists](l)) as Record<
        string,
        unknown
      >[];
      if (opts.json) printJson(rows);
      else printTable(rows, Object.keys(rows[0] ?? { id: 0 }));
    });
}
