import type { Database } from 'better-sqlite3';
import {
  documentOf,
  options,
  paragraph,
  plainText,
  resolution,
  step,
  type AnswerDocument,
} from '../shared/answers/document';

// A synthetic FAQ of any size for benchmarks: answers written the way the demo's are (an intro,
// steps with expected results, sometimes options, a resolution summary), about 70% Japanese and
// 30% English, filed under the demo's capabilities through questions, plus a few hundred customers
// the privacy check has to look for. Deterministic (seeded), so runs compare.

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    s ^= s + Math.imul(s ^ (s >>> 7), 61);
    return ((s ^ (s >>> 14)) >>> 0) / 4294967296;
  };
}

const JA = {
  menus: [
    'デザイン',
    '公開・ドメイン',
    '画像・メディア',
    'ショップ',
    'ブログ',
    'フォーム',
    'SEO・アクセス解析',
    'ページ編集',
    'メンバー管理',
    'バックアップ',
  ],
  items: [
    'テーマ設定',
    '独自ドメイン',
    'アップロード',
    '決済サービス',
    '記事一覧',
    '通知メール',
    'タイトルと説明文',
    'ブロック',
    '権限',
    '復元',
    'カラー',
    'フォント',
    'メニュー',
    '送料',
    '在庫',
  ],
  objects: [
    '画像',
    '記事',
    'ページ',
    'ボタン',
    '見出し',
    '商品',
    '注文',
    'お問い合わせフォーム',
    'メニュー項目',
    '動画',
    'バナー',
    'リンク',
    'カテゴリ',
    'タグ',
    '予約',
  ],
  verbs: ['追加', '削除', '変更', '保存', '確認', '並べ替え', '公開', '非公開に', '複製', '差し替え'],
  results: [
    '一覧に新しい項目が表示されます',
    '画面の右上に「保存しました」と表示されます',
    'プレビューに変更が反映されます',
    '確認の画面が開きます',
    '状態が「公開中」に変わります',
    'エラーの表示が消えます',
    '設定の欄が表示されます',
  ],
  causes: [
    '設定が保存されていなかったため',
    'ブラウザのキャッシュが古かったため',
    '画像の形式が対応していなかったため',
    '権限が足りなかったため',
    'DNS の反映に時間がかかっていたため',
    '決済サービスのキーが更新されていなかったため',
  ],
  intros: [
    'お困りの状況、よくわかります。',
    'ご不便をおかけしております。',
    '手順どおりに進めれば数分で終わります。',
    'よくあるご質問です。',
    '次の手順でお試しください。',
  ],
};

const EN = {
  menus: [
    'Design',
    'Publishing',
    'Media',
    'Shop',
    'Blog',
    'Forms',
    'SEO & Analytics',
    'Pages',
    'Members',
    'Backups',
  ],
  items: [
    'Theme settings',
    'Custom domain',
    'Upload',
    'Payment service',
    'Posts',
    'Notification e-mail',
    'Title and description',
    'Blocks',
    'Permissions',
    'Restore',
    'Colours',
    'Fonts',
    'Menu',
    'Shipping',
    'Stock',
  ],
  objects: [
    'image',
    'post',
    'page',
    'button',
    'heading',
    'product',
    'order',
    'contact form',
    'menu item',
    'video',
    'banner',
    'link',
    'category',
    'tag',
    'booking',
  ],
  verbs: ['add', 'delete', 'change', 'save', 'check', 'reorder', 'publish', 'hide', 'duplicate', 'replace'],
  results: [
    'the new item appears in the list',
    'a “Saved” message shows at the top right',
    'the preview shows the change',
    'a confirmation window opens',
    'the status changes to “Published”',
    'the error message disappears',
    'the settings panel opens',
  ],
  causes: [
    'the setting had not been saved',
    'the browser showed an old copy of the page',
    'the image format was not supported',
    'the account lacked the permission',
    'the DNS change had not spread yet',
    'the payment key had not been updated',
  ],
  intros: [
    'This is a common question.',
    'Sorry for the trouble this caused.',
    'It takes a few minutes with the steps below.',
    'Here is how to do it yourself.',
    'Follow these steps in order.',
  ],
};

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

export function answerDocument(
  r: () => number,
  language: 'ja' | 'en',
): { title: string; doc: AnswerDocument } {
  const w = language === 'ja' ? JA : EN;
  const object = pick(r, w.objects);
  const verb = pick(r, w.verbs);
  const menu = pick(r, w.menus);
  const title =
    language === 'ja'
      ? `${menu}で${object}を${verb}する方法（${pick(r, w.items)}）`
      : `How to ${verb} a ${object} in ${menu} (${pick(r, w.items)})`;
  const steps = Array.from({ length: 3 + Math.floor(r() * 4) }, (_, i) => {
    const m = pick(r, w.menus);
    const it = pick(r, w.items);
    const o = pick(r, w.objects);
    const v = pick(r, w.verbs);
    return language === 'ja'
      ? step(
          `管理画面で「${m}」→「${it}」を開き、${o}を選んで「${v}」を押します。必要なら${pick(r, w.objects)}の設定も確認します。`,
          `${pick(r, w.results)}。`,
          { stepId: `s${i}` },
        )
      : step(
          `In the admin screen, open ${m} → ${it}, select the ${o} and press “${v}”. If needed, also check the ${pick(r, w.objects)} settings.`,
          `${pick(r, w.results)}.`,
          { stepId: `s${i}` },
        );
  });
  const cause = pick(r, w.causes);
  const blocks = [
    paragraph(
      language === 'ja'
        ? `${pick(r, w.intros)}${menu}の${object}は、次の手順で${verb}できます。${pick(r, w.intros)}`
        : `${pick(r, w.intros)} You can ${verb} a ${object} in ${menu} with the steps below. ${pick(r, w.intros)}`,
    ),
    ...steps,
    ...(r() < 0.3
      ? [
          options(
            language === 'ja'
              ? [
                  {
                    title: `${pick(r, w.items)}を使う`,
                    pros: '作業が早く終わります。',
                    cons: '細かい調整はできません。',
                  },
                  { title: '手作業で行う', pros: '細かく調整できます。', cons: '時間がかかります。' },
                ]
              : [
                  {
                    title: `Use ${pick(r, w.items)}`,
                    pros: 'It is quick.',
                    cons: 'Less control over details.',
                  },
                  { title: 'Do it by hand', pros: 'Full control.', cons: 'It takes longer.' },
                ],
          ),
        ]
      : []),
    resolution(
      language === 'ja'
        ? {
            cause: `${cause}、${object}が正しく表示されませんでした。`,
            done: `${object}を${verb}する手順をご案内しました。`,
            remains: 'なし',
            resolved: 'はい',
            prevention: `${menu}の設定を変えたら、保存してからプレビューで確認してください。`,
          }
        : {
            cause: `The ${object} did not show because ${cause}.`,
            done: `We sent the steps to ${verb} the ${object}.`,
            remains: 'Nothing.',
            resolved: 'Yes.',
            prevention: `After changing ${menu} settings, save and check the preview.`,
          },
      true,
    ),
  ];
  return { title, doc: documentOf(blocks) };
}

const FAMILY = [
  '佐々木',
  '高橋',
  '伊藤',
  '渡辺',
  '中村',
  '小林',
  '加藤',
  '吉田',
  '山田',
  '松本',
  '井上',
  '木村',
  '林',
  '清水',
  '山崎',
  '森',
  '池田',
  '橋本',
  '阿部',
  '石川',
];
const GIVEN = ['翔太', '陽菜', '蓮', '結衣', '大翔', '美咲', '悠真', '葵', '湊', '凛'];
const WEST = [
  'Emma Brown',
  'Liam Smith',
  'Olivia Jones',
  'Noah Taylor',
  'Ava Wilson',
  'Lucas Martin',
  'Mia Clark',
  'Ethan Lewis',
];

/**
 * Fills a library (created without the demo, with the demo's capabilities seeded by the caller or
 * not) with `count` public answers, one question each, filed under random capabilities.
 */
export function fillLibrary(db: Database, count: number, seed = 8): { textBytes: number } {
  const r = rng(seed);
  const now = '2026-11-01T09:00:00.000Z';
  let textBytes = 0;
  db.transaction(() => {
    const productId = Number(
      db.prepare("INSERT INTO products (name, created_at) VALUES ('Sirius サイトビルダー', ?)").run(now)
        .lastInsertRowid,
    );
    const caps: number[] = [];
    const addCap = db.prepare(
      'INSERT INTO capabilities (product_id, parent_id, kind, title, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    JA.menus.forEach((menu, i) => {
      const area = Number(addCap.run(productId, null, 'area', menu, i, now, now).lastInsertRowid);
      for (let j = 0; j < 4; j++)
        caps.push(
          Number(
            addCap.run(
              productId,
              area,
              'operation',
              `${JA.items[(i + j) % JA.items.length]}（${menu}）`,
              j,
              now,
              now,
            ).lastInsertRowid,
          ),
        );
    });
    const customers: number[] = [];
    const addCustomer = db.prepare(
      'INSERT INTO customers (name, email, company, website, language, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    for (let i = 0; i < 300; i++) {
      const ja = i % 5 !== 0;
      const name = ja
        ? `${FAMILY[i % FAMILY.length]} ${GIVEN[(i * 7) % GIVEN.length]}`
        : WEST[i % WEST.length]!;
      customers.push(
        Number(
          addCustomer.run(
            name,
            `c${i}@example.jp`,
            ja ? `株式会社テスト${i}` : `Test Co ${i}`,
            `https://shop${i}.example.jp`,
            ja ? 'ja' : 'en',
            now,
            now,
          ).lastInsertRowid,
        ),
      );
    }
    const addQuestion = db.prepare(
      "INSERT INTO questions (customer_id, product_id, subject, body, status, received_at, created_at, updated_at) VALUES (?, ?, ?, ?, 'resolved', ?, ?, ?)",
    );
    const linkCap = db.prepare(
      'INSERT OR IGNORE INTO question_capabilities (question_id, capability_id) VALUES (?, ?)',
    );
    const addAnswer = db.prepare(
      `INSERT INTO answers (title, slug, language, doc, plain_text, is_public, verified_version, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 1, '4.2.1', ?, ?)`,
    );
    const linkAnswer = db.prepare(
      'INSERT INTO answer_questions (answer_id, question_id, linked_at) VALUES (?, ?, ?)',
    );
    for (let i = 0; i < count; i++) {
      const language = r() < 0.7 ? 'ja' : 'en';
      const { title, doc } = answerDocument(r, language);
      const text = plainText(doc);
      textBytes += Buffer.byteLength(title) + Buffer.byteLength(text);
      const day = new Date(Date.parse(now) - Math.floor(r() * 400) * 86_400_000).toISOString();
      const answerId = Number(
        addAnswer.run(title, `answer-${i + 1}`, language, JSON.stringify(doc), text, day, day)
          .lastInsertRowid,
      );
      const questionId = Number(
        addQuestion.run(
          pick(r, customers),
          productId,
          language === 'ja' ? '操作について質問です' : 'A question',
          language === 'ja' ? 'うまくいきません。教えてください。' : 'It does not work. Please help.',
          day,
          day,
          day,
        ).lastInsertRowid,
      );
      linkCap.run(questionId, pick(r, caps));
      if (r() < 0.4) linkCap.run(questionId, pick(r, caps));
      linkAnswer.run(answerId, questionId, day);
    }
    db.prepare('INSERT OR REPLACE INTO library_settings (key, value) VALUES (?, ?)').run(
      'vendor',
      JSON.stringify({ name: 'Sirius サポート', email: 'support@sirius.example.jp', colour: '#2f6f5e' }),
    );
  })();
  return { textBytes };
}
