import { addWorkingDays } from '../../../shared/tracking/checkpoint';
import { createQuestionByHand } from '../intake';
import { createLibrary, type Library } from '../library';
import { changeStatus } from '../tracking';

// A library of years, made fast through the real services (intake, tracking): questions typed in
// over `days` days, a customer per `perCustomer` questions, most of them resolved or declined, the
// last weeks' still open, some overdue, some due today, some new, some upcoming. For tests and UI
// specs of long lists (issue 20); `npm run bench -- ui-scale` imports real mail instead.

const familyNames = [
  '佐藤',
  '鈴木',
  '高橋',
  '田中',
  '伊藤',
  '渡辺',
  '山本',
  '中村',
  '小林',
  '加藤',
  '吉田',
  '山田',
];
const givenNames = ['健', '美咲', '一郎', '陽子', '大輔', '由美', '翔', '恵', '誠', '愛'];
const englishNames = ['Emma Wilson', 'James Brown', 'Olivia Taylor', 'Noah Davies', 'Mia Evans'];
const subjects = [
  'スマートフォンで画像が表示されません',
  '決済ボタンを押すとエラーになる',
  'お問い合わせフォームの通知メールが届かない',
  'ブログ記事を指定した日時に公開したい',
  '独自ドメインを使いたい',
  'テーマの色をブランドカラーに合わせたい',
  '古い商品画像をまとめて削除したい',
  '離島だけ送料を変えることはできますか',
  'サイトが重い気がします',
  '先週の状態にサイトを戻したい',
  'How do I add Google Analytics to my site?',
  'The contact form sends no e-mail',
];

export interface ArchiveOptions {
  questions: number;
  /** The moment the archive ends: "now" for the library's clock afterwards. */
  now: Date;
  days?: number;
  perCustomer?: number;
  /** Questions of the last `openDays` days stay open. */
  openDays?: number;
}

export interface Archive {
  library: Library;
  /** The subject of the oldest question: the last row of the Inbox. */
  oldestSubject: string;
  newestSubject: string;
}

export function customerOf(i: number, perCustomer: number): { name: string; email: string } {
  const k = Math.floor(i / perCustomer);
  const english = k % 5 === 4;
  const name = english
    ? `${englishNames[k % englishNames.length]} ${k}`
    : `${familyNames[k % familyNames.length]} ${givenNames[Math.floor(k / familyNames.length) % givenNames.length]} ${k}`;
  return { name, email: `customer${k}@example.jp` };
}

export function subjectOf(i: number): string {
  return `${subjects[i % subjects.length]}（No.${i + 1}）`;
}

/** Creates the library at `root` and fills it; the library stays open, its clock at `now`. */
export function createQuestionArchive(root: string, options: ArchiveOptions): Archive {
  const days = options.days ?? 730;
  const perCustomer = options.perCustomer ?? 6;
  const openDays = options.openDays ?? 21;
  const end = options.now.getTime();
  const start = end - days * 86_400_000;
  let clock = new Date(start);
  const library = createLibrary(root, { clock: () => clock });
  const step = (end - start) / Math.max(1, options.questions);
  const ids: number[] = [];
  // Many questions per transaction: each service call nests as a savepoint, so a batch commits once.
  const batch = library.db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      clock = new Date(start + i * step);
      const customer = customerOf(i, perCustomer);
      const { questionId } = createQuestionByHand(library, {
        customerName: customer.name,
        customerEmail: customer.email,
        subject: subjectOf(i),
        body: `いつもお世話になっております。${subjectOf(i)}の件でご相談です。\n手順を教えていただけますか。`,
        html: null,
      });
      ids.push(questionId);
    }
  });
  for (let i = 0; i < options.questions; i += 500) batch(i, Math.min(options.questions, i + 500));

  clock = new Date(end);
  const today = library.today();
  const openSince = end - openDays * 86_400_000;
  const settle = library.db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const received = start + i * step;
      const id = ids[i]!;
      const note = '';
      if (received < openSince) {
        changeStatus(library, {
          id,
          to: i % 9 === 0 ? 'declined' : 'resolved',
          nextCheckpoint: null,
          note,
          customerMessage: '',
        });
      } else if (i % 4 === 1) {
        // Under investigation, next news in a few working days (or today, for some).
        const checkpoint = i % 8 === 1 ? today : addWorkingDays(today, 1 + (i % 5));
        changeStatus(library, {
          id,
          to: 'investigating',
          nextCheckpoint: checkpoint,
          note,
          customerMessage: '',
        });
      }
      // The others stay 'received' with the first checkpoint intake gave them: overdue when older
      // than two working days, otherwise new.
    }
  });
  for (let i = 0; i < ids.length; i += 500) settle(i, Math.min(ids.length, i + 500));
  return {
    library,
    oldestSubject: subjectOf(0),
    newestSubject: subjectOf(options.questions - 1),
  };
}
