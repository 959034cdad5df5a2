// Run as `node --import tsx e2e/helpers/unindexedLibrary.ts <dir> <count>`: a library of <count>
// questions made through the core (createLibrary, then the rows an import would write, in one
// transaction), none of them indexed for search yet: what a library migrated from before the
// compact index, or one filled by a long `kotae import` whose indexing was cut short, looks like
// when the app opens it. The oldest question alone has the word 蝋燭, the newest ones 画像. Prints
// the library's path as JSON. A separate process because Playwright's loader cannot import the
// i18n JSON the core uses.
import path from 'node:path';
import { createLibrary } from '../../electron/core/library';

const dir = path.resolve(process.argv[2] ?? '');
const count = Number(process.argv[3] ?? 20_000);
const library = createLibrary(path.join(dir, 'Big Library'));
const at = (i: number) => new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
const add = library.db.prepare(
  `INSERT INTO questions (subject, body, status, received_at, created_at, updated_at)
   VALUES (?, ?, 'resolved', ?, ?, ?)`,
);
library.db.transaction(() => {
  for (let i = 0; i < count; i++) {
    const subject = i === 0 ? '蝋燭の形のアイコンが消えない' : `お問い合わせ ${i}: 商品画像が表示されない`;
    const body = `いつもお世話になっております。問い合わせ番号 ${i} です。ページを開くと商品画像が表示されません。`;
    add.run(subject, body, at(i), at(i), at(i));
  }
})();
const queued = library.db.prepare('SELECT count(*) FROM search_queue').pluck().get();
library.close();
console.log(JSON.stringify({ library: path.join(dir, 'Big Library'), queued }));
