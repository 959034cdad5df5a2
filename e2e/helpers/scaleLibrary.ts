// Run as `node --import tsx e2e/helpers/scaleLibrary.ts <dir> <questions>`: builds a library of
// years (electron/core/questions/testing.ts: questions typed in over two years through the intake
// service, most of them closed through the tracking service) in <dir>/lib, and prints its path,
// how many questions each part of the Inbox holds, counted row by row here (not by the app's own
// queries), and the subject of the oldest question. A separate process because Playwright's loader
// cannot import the i18n JSON the core uses.
import path from 'node:path';
import { createQuestionArchive } from '../../electron/core/questions/testing';

const [dirArg, countArg] = process.argv.slice(2);
const questions = Number(countArg ?? 2500);
const root = path.join(path.resolve(dirArg ?? ''), 'lib');
const archive = createQuestionArchive(root, { questions, now: new Date() });
const { library } = archive;
const today = library.today();
const groups: Record<string, number> = {
  overdue: 0,
  today: 0,
  new: 0,
  upcoming: 0,
  unscheduled: 0,
  closed: 0,
};
const rows = library.db.prepare('SELECT status, next_checkpoint AS cp FROM questions').all() as {
  status: string;
  cp: string | null;
}[];
for (const { status, cp } of rows) {
  const group =
    status === 'resolved' || status === 'declined'
      ? 'closed'
      : cp === null
        ? 'unscheduled'
        : cp < today
          ? 'overdue'
          : cp === today
            ? 'today'
            : status === 'received'
              ? 'new'
              : 'upcoming';
  groups[group]!++;
}
library.close();
process.stdout.write(
  `${JSON.stringify({ library: root, total: rows.length, groups, open: rows.length - groups.closed!, oldestSubject: archive.oldestSubject })}\n`,
);
