import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { PIXEL_PNG, testMail, type TestAttachment } from '../electron/core/intake/testing';

// The mail of a vendor's two years, for `npm run bench -- ui-scale` (issue 20): 80% Japanese, a
// customer per ~6 questions, a third of the questions with a thread (the customer writes again,
// we reply), screenshots inline and logs attached. Deterministic (a seeded generator), written
// as mbox files of 5,000 messages, in the order the mails were sent.

/** Bump when the mail changes: the cached corpus and library are rebuilt. */
export const CORPUS_VERSION = 1;
export const VENDOR_EMAIL = 'support@kotae-vendor.example';

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

const ja = {
  family: [
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
    '佐々木',
    '山口',
    '松本',
    '井上',
    '木村',
    '林',
    '斎藤',
    '清水',
  ],
  given: [
    '健',
    '美咲',
    '一郎',
    '陽子',
    '大輔',
    '由美',
    '翔',
    '恵',
    '誠',
    '愛',
    '拓也',
    '直子',
    '亮',
    '真由美',
    '学',
  ],
  company: [
    '整体院',
    '雑貨店',
    '珈琲',
    '工務店',
    '歯科医院',
    '写真館',
    'ベーカリー',
    '不動産',
    '税理士事務所',
    '花店',
    '料理教室',
    'ヨガスタジオ',
  ],
  page: [
    'トップページ',
    '商品ページ',
    'お問い合わせフォーム',
    'ブログ',
    '予約フォーム',
    'ギャラリー',
    '会社概要',
    'カート',
    '決済画面',
    'ニュース一覧',
    '採用ページ',
    '店舗案内',
  ],
  thing: [
    '画像',
    'ボタン',
    'リンク',
    'メニュー',
    '文字',
    '動画',
    '地図',
    '表',
    '見出し',
    'フォント',
    '背景色',
    'ロゴ',
  ],
  problem: [
    '表示されません',
    '崩れてしまいます',
    '消えてしまいました',
    '反応しません',
    'ずれています',
    '小さすぎます',
    '更新されません',
    '二重に表示されます',
  ],
  feature: [
    '独自ドメイン',
    'SSL',
    '送料設定',
    '予約公開',
    '会員登録',
    'メールマガジン',
    'Google アナリティクス',
    'バックアップ',
    '多言語表示',
    'クーポン',
  ],
  want: ['使いたい', '設定したい', '変更したい', '解除したい', '確認したい'],
  device: ['iPhone の Safari', 'Android の Chrome', 'Windows の Edge', 'Mac の Safari', 'iPad'],
  when: ['昨日から', '今朝から', '先週の更新のあとから', 'テーマを変えてから', '画像を差し替えてから'],
};
const en = {
  family: ['Smith', 'Wilson', 'Brown', 'Taylor', 'Davies', 'Evans', 'Thomas', 'Roberts', 'Walker', 'Wright'],
  given: ['Emma', 'James', 'Olivia', 'Noah', 'Mia', 'Liam', 'Ava', 'Lucas', 'Grace', 'Henry'],
  company: ['Bakery', 'Studio', 'Dental', 'Florist', 'Books', 'Travel', 'Garage', 'Yoga'],
  page: [
    'home page',
    'product page',
    'contact form',
    'blog',
    'booking form',
    'gallery',
    'checkout',
    'news page',
  ],
  thing: ['picture', 'button', 'link', 'menu', 'text', 'video', 'map', 'heading', 'logo'],
  problem: [
    'does not show',
    'is broken',
    'disappeared',
    'does nothing',
    'is misaligned',
    'is too small',
    'does not update',
  ],
};

export interface Customer {
  name: string;
  email: string;
  company: string;
  japanese: boolean;
}

export function customerOf(k: number): Customer {
  const r = rng(1000 + k);
  const japanese = r() < 0.8;
  const words = japanese ? ja : en;
  const family = pick(r, words.family);
  const given = pick(r, words.given);
  return {
    name: japanese ? `${family} ${given}` : `${given} ${family}`,
    email: `customer${k}@example${k % 7}.jp`,
    company: japanese ? `${family}${pick(r, ja.company)}` : `${family} ${pick(r, en.company)}`,
    japanese,
  };
}

function questionText(r: () => number, c: Customer, i: number): { subject: string; body: string } {
  if (c.japanese) {
    const version = `4.${Math.floor(r() * 4)}.${Math.floor(r() * 6)}`;
    if (r() < 0.7) {
      const page = pick(r, ja.page);
      const thing = pick(r, ja.thing);
      const problem = pick(r, ja.problem);
      return {
        subject: `${page}の${thing}が${problem}`,
        body: [
          `いつもお世話になっております。${c.company}の${c.name}です。`,
          `${pick(r, ja.when)}、${page}の${thing}が${problem}。${pick(r, ja.device)}で確認しました。`,
          r() < 0.5 ? 'パソコンでは問題なく見えています。' : 'ほかのページは問題ありません。',
          `バージョンは ${version} です。`,
          'お手数をおかけしますが、確認方法を教えていただけますでしょうか。',
          'よろしくお願いいたします。',
        ].join('\n'),
      };
    }
    const feature = pick(r, ja.feature);
    const want = pick(r, ja.want);
    return {
      subject: `${feature}を${want}`,
      body: [
        `お世話になっております。${c.company}の${c.name}と申します。`,
        `${feature}を${want}のですが、手順が分かりません。管理画面のどこから操作すればよいでしょうか。`,
        `問い合わせ番号 ${i + 1}、バージョン ${version} を使っています。`,
        '何卒よろしくお願いいたします。',
      ].join('\n'),
    };
  }
  const page = pick(r, en.page);
  const thing = pick(r, en.thing);
  const problem = pick(r, en.problem);
  return {
    subject: `The ${thing} on my ${page} ${problem}`,
    body: [
      'Hello,',
      `Since yesterday the ${thing} on my ${page} ${problem}. I checked on my phone and on my laptop.`,
      'Could you tell me what to check? Thank you.',
      `${c.name}, ${c.company}`,
    ].join('\n'),
  };
}

function rfc2822(date: Date): string {
  // +0900: the customers are in Japan (the English-speaking ones too, mostly).
  const jst = new Date(date.getTime() + 9 * 3_600_000);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${days[jst.getUTCDay()]}, ${pad(jst.getUTCDate())} ${months[jst.getUTCMonth()]} ${jst.getUTCFullYear()} ${pad(jst.getUTCHours())}:${pad(jst.getUTCMinutes())}:00 +0900`;
}

export interface CorpusOptions {
  questions: number;
  now: Date;
  days: number;
  perCustomer: number;
}

interface Dated {
  at: number;
  raw: string;
}

/** Every mail of the corpus, oldest first. */
export function corpusMails(o: CorpusOptions): Dated[] {
  const r = rng(42);
  const customers = Math.max(1, Math.round(o.questions / o.perCustomer));
  const start = o.now.getTime() - o.days * 86_400_000;
  const step = (o.days * 86_400_000) / o.questions;
  const mails: Dated[] = [];
  for (let i = 0; i < o.questions; i++) {
    const at = Math.min(o.now.getTime() - 3_600_000, start + i * step + r() * step);
    const c = customerOf(Math.floor(r() * customers));
    const { subject, body } = questionText(r, c, i);
    const id = `q${i}@${c.email.split('@')[1]}`;
    const kind = r();
    const attachments: TestAttachment[] =
      kind < 0.08
        ? [
            {
              name: 'screenshot.png',
              type: 'image/png',
              data: Buffer.concat([PIXEL_PNG, Buffer.from(`shot ${i}`)]),
              cid: `shot${i}@x`,
              inline: true,
            },
          ]
        : kind < 0.12
          ? [
              {
                name: `log-${i}.txt`,
                type: 'text/plain',
                data: Buffer.from(`[info] request ${i}\n`.repeat(40)),
              },
            ]
          : [];
    mails.push({
      at,
      raw: testMail({
        messageId: id,
        from: `${c.name} <${c.email}>`,
        subject,
        date: rfc2822(new Date(at)),
        text: body.replace(/\n/g, '\r\n'),
        ...(attachments[0]?.cid
          ? { html: `<p>${body.replace(/\n/g, '<br>')}</p><img src="cid:${attachments[0].cid}">` }
          : {}),
        ...(attachments.length ? { attachments } : {}),
      }),
    });
    // A third of the questions have a thread: we reply, and half the time the customer writes again.
    if (r() < 0.33) {
      const replyAt = at + (2 + r() * 40) * 3_600_000;
      mails.push({
        at: replyAt,
        raw: testMail({
          messageId: `r${i}@kotae-vendor.example`,
          inReplyTo: id,
          from: `Kotae Support <${VENDOR_EMAIL}>`,
          to: c.email,
          subject: `Re: ${subject}`,
          date: rfc2822(new Date(replyAt)),
          text: c.japanese
            ? `${c.name} 様\r\nお問い合わせありがとうございます。手元で再現を試み、結果をご連絡いたします。\r\n`
            : `Dear ${c.name},\r\nThank you for writing. We are reproducing it and will write again with the result.\r\n`,
        }),
      });
      if (r() < 0.5) {
        const againAt = replyAt + (1 + r() * 30) * 3_600_000;
        mails.push({
          at: againAt,
          raw: testMail({
            messageId: `a${i}@${c.email.split('@')[1]}`,
            inReplyTo: `r${i}@kotae-vendor.example`,
            from: `${c.name} <${c.email}>`,
            subject: `Re: ${subject}`,
            date: rfc2822(new Date(againAt)),
            text: c.japanese
              ? 'ご確認ありがとうございます。追加で試したところ、別の端末でも同じでした。\r\n'
              : 'Thanks. I tried on another device and it is the same there.\r\n',
          }),
        });
      }
    }
  }
  return mails.sort((a, b) => a.at - b.at);
}

/** Writes the mails as mbox files of `perFile` messages; returns their paths. */
export async function writeMboxes(mails: Dated[], dir: string, perFile = 5000): Promise<string[]> {
  const files: string[] = [];
  for (let f = 0; f * perFile < mails.length; f++) {
    const file = `${dir}/mail-${String(f).padStart(3, '0')}.mbox`;
    const out = createWriteStream(file);
    for (const { raw, at } of mails.slice(f * perFile, (f + 1) * perFile)) {
      // mboxrd: a body line starting with "From " (after any ">") gets one more ">".
      const body = raw.replace(/\r\n/g, '\n').replace(/^(>*From )/gm, '>$1');
      if (!out.write(`From MAILER-DAEMON ${new Date(at).toUTCString()}\n${body}\n\n`))
        await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    files.push(file);
  }
  return files;
}
