import type { QuestionStatus, ScopeVerdict } from '../../shared/domain/status';

export interface DemoStatusStep {
  to: QuestionStatus;
  daysAgo: number;
  note: string;
  customerMessage: string;
}

export interface DemoReply {
  from: 'customer' | 'vendor';
  daysAgo: number;
  text: string;
}

export interface DemoQuestion {
  key: string;
  customer: string;
  subject: string;
  body: string;
  version: string;
  receivedDaysAgo: number;
  status: QuestionStatus;
  verdict: ScopeVerdict | null;
  /** Titles of linked capabilities (operations from capabilities.ts). */
  capabilities: string[];
  /** Days from today to the next checkpoint; negative is overdue; null for closed questions. */
  checkpointInDays: number | null;
  history: DemoStatusStep[];
  replies?: DemoReply[];
}

export const demoQuestions: DemoQuestion[] = [
  {
    key: 'q-images-mobile',
    customer: 'tanaka',
    subject: 'スマートフォンで画像が表示されません',
    body: 'いつもお世話になっております。たなか整体院の田中です。\n昨日トップページに院内の写真を追加したのですが、パソコンでは見えるのにスマートフォンで見ると画像の場所が空白になってしまいます。\niPhone で撮った写真をそのままアップロードしました。どうすれば表示されるでしょうか。',
    version: '4.2.1',
    receivedDaysAgo: 1,
    status: 'received',
    verdict: null,
    capabilities: ['画像をアップロードする', 'スマートフォン表示を調整する'],
    checkpointInDays: 1,
    history: [],
  },
  {
    key: 'q-payment-error',
    customer: 'sato',
    subject: '決済ボタンを押すとエラーになる',
    body: 'ショップの購入画面で「決済に進む」を押すと「決済を開始できませんでした」と表示されます。\n昨日までは問題ありませんでした。決済サービスの管理画面で API キーを新しくしたばかりです。\n売上に影響しているので、至急確認をお願いします。',
    version: '4.2.1',
    receivedDaysAgo: 2,
    status: 'investigating',
    verdict: 'in_scope',
    capabilities: ['決済サービスを接続する'],
    checkpointInDays: 0,
    history: [
      {
        to: 'investigating',
        daysAgo: 2,
        note: 'API キー更新の直後。接続設定の再保存で直る可能性が高い。',
        customerMessage:
          '佐藤様\n\nご不便をおかけしております。決済が止まっている状況、ご心配のことと存じます。\n現在、決済サービスとの接続設定を確認しております。本日中に次のご連絡をいたします。',
      },
    ],
    replies: [{ from: 'customer', daysAgo: 1, text: 'まだ直りません。何かこちらで試せることはありますか？' }],
  },
  {
    key: 'q-form-mail',
    customer: 'suzuki',
    subject: 'お問い合わせフォームの通知メールが届かない',
    body: 'お問い合わせフォームから送信しても、通知メールが社内アドレスに届きません。\n迷惑メールフォルダも確認しました。送信完了画面は表示されます。',
    version: '4.2.0',
    receivedDaysAgo: 5,
    status: 'reproducing',
    verdict: 'in_scope',
    capabilities: ['通知メールを設定する'],
    checkpointInDays: 2,
    history: [
      {
        to: 'investigating',
        daysAgo: 4,
        note: '宛先設定を確認。',
        customerMessage:
          '鈴木様\n\nお問い合わせありがとうございます。通知メールの設定を確認しております。3日以内に状況をお知らせします。',
      },
      {
        to: 'reproducing',
        daysAgo: 2,
        note: '社内メールサーバーが送信元ドメインを拒否している可能性。検証環境で再現中。',
        customerMessage:
          '鈴木様\n\n同じ条件を当社の環境で再現して確認しております。再現手順がまとまり次第、手順書の形でお送りします。',
      },
    ],
  },
  {
    key: 'q-blog-schedule',
    customer: 'suzuki',
    subject: 'ブログ記事を指定した日時に公開したい',
    body: '新商品の発表記事を来週月曜の朝9時に公開したいのですが、予約公開はできますか？',
    version: '4.2.0',
    receivedDaysAgo: 9,
    status: 'answered',
    verdict: 'in_scope',
    capabilities: ['記事を予約公開する'],
    checkpointInDays: 3,
    history: [
      {
        to: 'investigating',
        daysAgo: 9,
        note: '',
        customerMessage: '鈴木様\n\nお問い合わせありがとうございます。明日までに手順をお送りします。',
      },
      {
        to: 'answered',
        daysAgo: 8,
        note: '回答「ブログ記事を予約公開する」を送付。',
        customerMessage:
          '鈴木様\n\n予約公開の手順をお送りしました。お試しいただき、うまくいかない点があればお知らせください。',
      },
    ],
  },
  {
    key: 'q-domain',
    customer: 'tanaka',
    subject: '独自ドメインを使いたい',
    body: '取得したドメイン（tanaka-seitai.example.jp）でサイトを表示したいです。何をすればよいでしょうか。',
    version: '4.1.0',
    receivedDaysAgo: 40,
    status: 'resolved',
    verdict: 'in_scope',
    capabilities: ['独自ドメインを接続する', 'SSL を有効にする'],
    checkpointInDays: null,
    history: [
      {
        to: 'investigating',
        daysAgo: 40,
        note: '',
        customerMessage: '田中様\n\nご連絡ありがとうございます。手順をまとめて明後日までにお送りします。',
      },
      {
        to: 'answered',
        daysAgo: 38,
        note: '',
        customerMessage: '田中様\n\n独自ドメインの接続手順をお送りしました。',
      },
      {
        to: 'resolved',
        daysAgo: 35,
        note: 'お客様より表示確認の連絡あり。',
        customerMessage: '田中様\n\n表示のご確認ありがとうございました。これで完了です。',
      },
    ],
  },
  {
    key: 'q-wordpress',
    customer: 'yamamoto',
    subject: 'WordPress からの移行作業をお願いできますか',
    body: '顧客の WordPress サイト（約120ページ）を Sirius に移行したいのですが、移行作業を代行していただけますか？ 画面共有で一緒に作業していただけると助かります。',
    version: '4.2.1',
    receivedDaysAgo: 12,
    status: 'declined',
    verdict: 'out_of_scope',
    capabilities: [],
    checkpointInDays: null,
    history: [
      {
        to: 'declined',
        daysAgo: 11,
        note: '移行代行と画面共有はサポート対象外。インポート機能の案内のみ。',
        customerMessage:
          '山本様\n\nご相談ありがとうございます。大規模な移行のご計画、準備も大変なことと思います。\n申し訳ありませんが、移行作業の代行と画面共有でのサポートは行っておりません。Sirius の「ページを追加する」機能の範囲であれば、手順書でご案内できます。',
      },
    ],
  },
  {
    key: 'q-theme-color',
    customer: 'yamamoto',
    subject: 'テーマの色をブランドカラーに合わせたい',
    body: 'テーマ「Aurora」の見出しとボタンの色を、クライアントのブランドカラー（#2E7D5B）に揃えたいです。',
    version: '4.2.0',
    receivedDaysAgo: 20,
    status: 'resolved',
    verdict: 'in_scope',
    capabilities: ['テーマカラーを変更する'],
    checkpointInDays: null,
    history: [
      {
        to: 'answered',
        daysAgo: 19,
        note: '',
        customerMessage: '山本様\n\nテーマカラーの変更手順をお送りしました。',
      },
      { to: 'resolved', daysAgo: 17, note: '', customerMessage: '山本様\n\nご確認ありがとうございました。' },
    ],
  },
  {
    key: 'q-bulk-delete',
    customer: 'sato',
    subject: '古い商品画像をまとめて削除したい',
    body: 'メディアライブラリに古い商品画像が500枚ほどあります。一枚ずつ消すのは大変なので、まとめて削除する方法を教えてください。',
    version: '4.2.1',
    receivedDaysAgo: 6,
    status: 'waiting_on_customer',
    verdict: 'in_scope',
    capabilities: ['画像を一括削除する'],
    checkpointInDays: 4,
    history: [
      {
        to: 'investigating',
        daysAgo: 6,
        note: '',
        customerMessage: '佐藤様\n\n確認して2日以内にご連絡します。',
      },
      {
        to: 'waiting_on_customer',
        daysAgo: 3,
        note: '使用中の画像が含まれるか確認を依頼。',
        customerMessage:
          '佐藤様\n\n削除の前に、商品ページで使われている画像が含まれていないかご確認いただけますか。ご返信をいただいてから手順をお送りします。',
      },
    ],
  },
  {
    key: 'q-shipping',
    customer: 'sato',
    subject: '離島だけ送料を変えることはできますか',
    body: '沖縄と離島への配送だけ送料を別に設定したいです。',
    version: '4.2.1',
    receivedDaysAgo: 4,
    status: 'investigating',
    verdict: 'in_scope',
    capabilities: ['送料を設定する'],
    checkpointInDays: -1,
    history: [
      {
        to: 'investigating',
        daysAgo: 4,
        note: '地域別送料ルールで対応可能か確認中。',
        customerMessage: '佐藤様\n\nご質問ありがとうございます。設定方法を確認し、3日以内にご連絡します。',
      },
    ],
  },
  {
    key: 'q-analytics',
    customer: 'miller',
    subject: 'How do I add Google Analytics to my site?',
    body: 'Hello, I would like to see how many people visit our course pages. How can I add Google Analytics?\nThanks, John',
    version: '4.2.1',
    receivedDaysAgo: 7,
    status: 'answered',
    verdict: 'in_scope',
    capabilities: ['アクセス解析タグを追加する'],
    checkpointInDays: 5,
    history: [
      {
        to: 'answered',
        daysAgo: 6,
        note: '',
        customerMessage:
          'Dear John,\n\nThank you for your question. I have sent you step-by-step instructions. Please let me know how it goes.',
      },
    ],
  },
  {
    key: 'q-slow-site',
    customer: 'tanaka',
    subject: 'サイトが重い気がします',
    body: '最近サイトの表示が遅い気がします。何か設定が悪いのでしょうか。',
    version: '4.2.1',
    receivedDaysAgo: 3,
    status: 'waiting_on_customer',
    verdict: 'needs_clarification',
    capabilities: [],
    checkpointInDays: 2,
    history: [
      {
        to: 'waiting_on_customer',
        daysAgo: 2,
        note: 'どのページ・どの端末で遅いのか不明。',
        customerMessage:
          '田中様\n\nご連絡ありがとうございます。表示が遅いと、ご来院予定の方にご迷惑がかからないかご心配のことと思います。\nどのページを、どの端末（パソコン・スマートフォン）で見たときに遅く感じられるか教えていただけますか。',
      },
    ],
  },
  {
    key: 'q-restore',
    customer: 'suzuki',
    subject: '先週の状態にサイトを戻したい',
    body: '担当者が誤ってトップページのブロックを削除してしまいました。先週金曜の状態に戻せますか？',
    version: '4.2.0',
    receivedDaysAgo: 3,
    status: 'received',
    verdict: null,
    capabilities: ['バックアップから復元する'],
    checkpointInDays: -2,
    history: [],
  },
];
