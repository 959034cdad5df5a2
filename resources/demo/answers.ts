import {
  bulletList,
  documentOf,
  heading,
  options,
  paragraph,
  resolution,
  step,
  type AnswerDocument,
} from '../../shared/answers/document';

export interface DemoAnswer {
  title: string;
  slug: string;
  language: 'ja' | 'en';
  kind: 'answer' | 'decline';
  isPublic: boolean;
  /** Keys of the questions this answer serves (questions.ts). */
  questions: string[];
  verifiedVersion: string | null;
  verifiedDaysAgo: number | null;
  doc: AnswerDocument;
}

const v = (version: string) => ({ version, at: '' }); // `at` is filled in when seeding

export const demoAnswers: DemoAnswer[] = [
  {
    title: 'スマートフォンで画像が表示されないときの確認手順',
    slug: 'images-not-shown-on-smartphones',
    language: 'ja',
    kind: 'answer',
    isPublic: true,
    questions: ['q-images-mobile'],
    verifiedVersion: '4.2.1',
    verifiedDaysAgo: 1,
    doc: documentOf([
      paragraph(
        'せっかく追加した写真が見えないと、ご来院の方に伝わらず残念ですよね。よくある原因は、iPhone の写真形式（HEIC）です。次の手順で JPEG 形式に変えてアップロードし直すと表示されます。',
      ),
      heading('h2', '手順'),
      step(
        'iPhone の「設定」→「カメラ」→「フォーマット」を開き、「互換性優先」を選びます。',
        '以後に撮る写真は JPEG 形式で保存されます。',
        { stepId: 'img-1', verified: v('4.2.1') },
      ),
      step(
        'Sirius の管理画面で「画像・メディア」を開き、表示されない画像を選んで「差し替え」を押します。',
        'ファイルを選ぶ画面が開きます。',
        { stepId: 'img-2', verified: v('4.2.1') },
      ),
      step(
        'JPEG 形式の写真を選んで「アップロード」を押します。',
        '一覧の画像が新しい写真に変わり、形式の欄に「JPEG」と表示されます。',
        { stepId: 'img-3', verified: v('4.2.1') },
      ),
      step('スマートフォンでページを開き、画面を下に引いて再読み込みします。', '写真が表示されます。', {
        stepId: 'img-4',
        verified: v('4.2.1'),
      }),
      resolution(
        {
          cause: 'iPhone で撮影した HEIC 形式の画像は、一部のブラウザで表示できません。',
          done: '画像を JPEG 形式に変えてアップロードし直す手順をご案内しました。',
          remains: 'すでに掲載している他の HEIC 画像も同じ手順で差し替えが必要です（お客様側の作業）。',
          resolved: '手順どおりに差し替えていただければ完全に解決します。',
          prevention: 'カメラの設定を「互換性優先」にしておくと、今後は同じことが起きません。',
        },
        true,
      ),
    ]),
  },
  {
    title: '独自ドメインを接続する',
    slug: 'connect-a-custom-domain',
    language: 'ja',
    kind: 'answer',
    isPublic: true,
    questions: ['q-domain'],
    verifiedVersion: '4.1.0',
    verifiedDaysAgo: 39,
    doc: documentOf([
      paragraph(
        '取得されたドメインでサイトを公開する手順です。DNS（ドメイン名とサーバーを結びつける設定）の変更が反映されるまで、最大で24時間ほどかかることがあります。',
      ),
      // Written for one customer, then made public: the FAQ's privacy check must catch these.
      paragraph(
        '田中様のサイト（tanaka-seitai.example.jp）で、この手順どおりに接続できることを確認しました。',
      ),
      step(
        'Sirius の管理画面で「公開・ドメイン」→「独自ドメイン」を開き、ドメイン名を入力して「追加」を押します。',
        '「DNS の設定待ち」と表示され、設定する CNAME（ドメインの転送先を指定する設定）の値が表示されます。',
        { stepId: 'dom-1', verified: v('4.1.0') },
      ),
      step(
        'ドメインを取得したサービスの管理画面で、表示された値の CNAME レコードを追加します。',
        'レコードの一覧に CNAME が追加されます。',
        { stepId: 'dom-2', verified: v('4.1.0') },
      ),
      step(
        'Sirius に戻り「接続を確認」を押します。',
        '「接続済み」と表示され、SSL（通信を暗号化して安全にする仕組み）の証明書が自動で発行されます。',
        { stepId: 'dom-3', verified: v('4.1.0') },
      ),
      resolution(
        {
          cause: '独自ドメインを使うには、ドメイン側で Sirius を指す DNS 設定が必要です。',
          done: '接続と確認の手順をご案内しました。',
          remains: 'なし',
          resolved: 'はい。表示を確認いただき解決しました。',
          prevention: 'ドメインの更新期限を管理画面のカレンダーに登録しておくと安心です。',
        },
        true,
      ),
    ]),
  },
  {
    title: 'ブログ記事を予約公開する',
    slug: 'schedule-a-blog-post',
    language: 'ja',
    kind: 'answer',
    isPublic: true,
    questions: ['q-blog-schedule'],
    verifiedVersion: '4.2.0',
    verifiedDaysAgo: 8,
    doc: documentOf([
      paragraph('記事を指定した日時に自動で公開できます。'),
      step('記事の編集画面で右上の「公開設定」を開きます。', '公開方法の選択肢が表示されます。', {
        stepId: 'blog-1',
        verified: v('4.2.0'),
      }),
      step(
        '「日時を指定して公開」を選び、日付と時刻を入力します。',
        '入力欄の下に「予約：○月○日 9:00」と表示されます。',
        { stepId: 'blog-2', verified: v('4.2.0') },
      ),
      step('「予約する」を押します。', '記事一覧の状態が「予約済み」になります。', {
        stepId: 'blog-3',
        verified: v('4.2.0'),
      }),
      options([
        { title: '予約公開を使う', pros: '当日に作業が不要。', cons: '公開直前の修正を忘れやすい。' },
        {
          title: '下書きにして当日手動で公開する',
          pros: '直前まで内容を確認できる。',
          cons: '当日に管理画面を開く必要がある。',
        },
      ]),
      resolution(
        {
          cause: '不具合ではなく、予約公開の設定方法のご質問でした。',
          done: '予約公開の手順と、手動公開との比較をご案内しました。',
          remains: 'なし',
          resolved: 'はい',
          prevention: '予約済みの記事は記事一覧の「予約済み」で確認できます。',
        },
        true,
      ),
    ]),
  },
  {
    title: 'テーマカラーを変更する',
    slug: 'change-the-theme-colour',
    language: 'ja',
    kind: 'answer',
    isPublic: true,
    questions: ['q-theme-color'],
    verifiedVersion: '4.2.0',
    verifiedDaysAgo: 19,
    doc: documentOf([
      paragraph('テーマの基調色とアクセント色は「デザイン」から変更できます。'),
      step(
        '「デザイン」→「テーマ設定」→「カラー」を開きます。',
        '基調色とアクセント色の入力欄が表示されます。',
        { stepId: 'col-1', verified: v('4.2.0') },
      ),
      step('アクセント色に #2E7D5B を入力します。', 'プレビューのボタンと見出しの色が変わります。', {
        stepId: 'col-2',
        verified: v('4.2.0'),
      }),
      step('「保存して公開」を押します。', '公開中のサイトに新しい色が反映されます。', {
        stepId: 'col-3',
        verified: v('4.2.0'),
      }),
      resolution(
        {
          cause: '色の設定場所のご質問でした。',
          done: '変更手順をご案内しました。',
          remains: 'なし',
          resolved: 'はい',
          prevention: 'ブランドカラーは「カラーパレット」に保存しておくと再利用できます。',
        },
        true,
      ),
    ]),
  },
  {
    title: 'Adding a Google Analytics tag',
    slug: 'add-google-analytics',
    language: 'en',
    kind: 'answer',
    isPublic: true,
    questions: ['q-analytics'],
    verifiedVersion: '4.2.1',
    verifiedDaysAgo: 6,
    doc: documentOf([
      paragraph('You can measure visits by adding your Google Analytics measurement ID to Sirius.'),
      paragraph('Mr. Miller, we checked these steps on the course pages of your school for you.'),
      step(
        'In Google Analytics, open Admin → Data streams and copy the measurement ID (it starts with G-).',
        'The ID is copied to your clipboard.',
        { stepId: 'ga-1', verified: v('4.2.1') },
      ),
      step(
        'In Sirius, open SEO & Analytics → Analytics tags, paste the ID and press Save.',
        'The tag shows as “Active”.',
        { stepId: 'ga-2', verified: v('4.2.1') },
      ),
      step(
        'Open your site in a new window, then check Realtime in Google Analytics.',
        'You see one active user: yourself.',
        { stepId: 'ga-3', verified: v('4.2.1') },
      ),
      resolution(
        {
          cause: 'This was a how-to question, not a fault.',
          done: 'We sent the steps to connect Google Analytics.',
          remains: 'Nothing.',
          resolved: 'Yes.',
          prevention: 'Keep the measurement ID in your notes in case you change themes.',
        },
        true,
      ),
    ]),
  },
  {
    title: 'サポート範囲外のご相談について',
    slug: 'outside-the-support-scope',
    language: 'ja',
    kind: 'decline',
    isPublic: false,
    questions: ['q-wordpress'],
    verifiedVersion: null,
    verifiedDaysAgo: null,
    doc: documentOf([
      paragraph('ご相談いただきありがとうございます。大切なお客様のサイト移行、準備も大変なことと存じます。'),
      paragraph(
        'Sirius のサポートは、Sirius の機能の使い方と不具合の調査に限らせていただいております。次のご依頼はお受けできません。',
      ),
      bulletList(['他社製品からの移行作業の代行', '画面共有・リモート操作でのサポート']),
      paragraph(
        'Sirius でのページ作成の手順であれば、手順書と動画でご案内できます。移行作業そのものは、Sirius 認定パートナーへのご相談をお勧めします。',
      ),
    ]),
  },
];
