// The scope catalogue of the demo product: what "Sirius Site Builder" can do. Support covers these
// and nothing else; the vendor links each question to the capabilities it is about.

export interface DemoCapability {
  title: string;
  description: string;
  /** The same entry for English readers (declines and FAQ pages in English, the English demo). */
  en: { title: string; description: string };
  keywords: string[];
  children?: DemoCapability[];
}

export const demoCapabilities: DemoCapability[] = [
  {
    title: 'ページ編集',
    description: 'ページの作成・編集・並べ替え。ブロックエディタでの文章や見出しの配置。',
    en: {
      title: 'Editing pages',
      description: 'Creating, editing and reordering pages; placing text and headings with the block editor.',
    },
    keywords: ['ページ', 'エディタ', 'ブロック', 'page'],
    children: [
      {
        title: 'ページを追加・削除する',
        description: '新しいページの作成と不要なページの削除。',
        en: {
          title: 'Add and delete pages',
          description: 'Creating new pages and deleting pages you no longer need.',
        },
        keywords: ['追加', '削除', 'ページ'],
      },
      {
        title: 'ブロックを並べ替える',
        description: 'ドラッグでブロックの順序を変える。',
        en: { title: 'Reorder blocks', description: 'Changing the order of blocks by dragging them.' },
        keywords: ['並べ替え', 'ドラッグ', 'ブロック'],
      },
      {
        title: 'メニューを編集する',
        description: 'ナビゲーションメニューの項目と順序。',
        en: { title: 'Edit the menu', description: 'The items of the navigation menu and their order.' },
        keywords: ['メニュー', 'ナビゲーション', 'menu'],
      },
    ],
  },
  {
    title: 'デザイン・テーマ',
    description: 'テーマの選択、色・フォント・レイアウトの変更。',
    en: { title: 'Design and themes', description: 'Choosing a theme; changing colours, fonts and layout.' },
    keywords: ['テーマ', 'デザイン', '色', 'theme'],
    children: [
      {
        title: 'テーマカラーを変更する',
        description: 'サイト全体の基調色とアクセント色。',
        en: {
          title: 'Change the theme colours',
          description: 'The main and accent colours of the whole site.',
        },
        keywords: ['色', 'カラー', 'color'],
      },
      {
        title: 'フォントを変更する',
        description: '見出しと本文のフォント。',
        en: { title: 'Change the fonts', description: 'The fonts of headings and body text.' },
        keywords: ['フォント', '文字', 'font'],
      },
      {
        title: 'スマートフォン表示を調整する',
        description: 'レスポンシブ表示のプレビューと調整。',
        en: {
          title: 'Adjust the smartphone view',
          description: 'Previewing and adjusting how pages look on phones.',
        },
        keywords: ['スマホ', 'スマートフォン', 'モバイル', 'mobile'],
      },
    ],
  },
  {
    title: '画像・メディア',
    description: '画像や動画のアップロード、管理、表示。',
    en: { title: 'Images and media', description: 'Uploading, managing and showing images and videos.' },
    keywords: ['画像', 'メディア', '写真', 'image'],
    children: [
      {
        title: '画像をアップロードする',
        description: 'JPEG・PNG・WebP の画像を追加する。',
        en: { title: 'Upload images', description: 'Adding JPEG, PNG and WebP images.' },
        keywords: ['画像', 'アップロード', 'upload'],
      },
      {
        title: '画像を一括削除する',
        description: 'メディアライブラリで複数の画像をまとめて削除。',
        en: {
          title: 'Delete images in bulk',
          description: 'Deleting several images at once in the media library.',
        },
        keywords: ['画像', '削除', '一括'],
      },
      {
        title: '動画を埋め込む',
        description: 'アップロードした動画や YouTube の埋め込み。',
        en: { title: 'Embed videos', description: 'Embedding uploaded videos and YouTube videos.' },
        keywords: ['動画', '埋め込み', 'video'],
      },
    ],
  },
  {
    title: 'フォーム',
    description: 'お問い合わせフォームの作成と送信メールの設定。',
    en: { title: 'Forms', description: 'Building contact forms and setting up the e-mails they send.' },
    keywords: ['フォーム', 'お問い合わせ', 'form'],
    children: [
      {
        title: 'フォームを作成する',
        description: '入力項目の追加と必須設定。',
        en: { title: 'Create a form', description: 'Adding fields and making them required.' },
        keywords: ['フォーム', '項目', '必須'],
      },
      {
        title: '通知メールを設定する',
        description: '送信時に届く通知メールの宛先と送信元。',
        en: {
          title: 'Set up notification e-mails',
          description: 'Who receives the notification when a form is sent, and who it comes from.',
        },
        keywords: ['メール', '通知', '送信', 'mail'],
      },
    ],
  },
  {
    title: 'ブログ',
    description: 'ブログ記事の作成・予約公開・カテゴリ管理。',
    en: { title: 'Blog', description: 'Writing blog posts, scheduling them and managing categories.' },
    keywords: ['ブログ', '記事', 'blog'],
    children: [
      {
        title: '記事を予約公開する',
        description: '公開日時を指定して自動公開する。',
        en: {
          title: 'Schedule a post',
          description: 'Publishing a post automatically at a set date and time.',
        },
        keywords: ['予約', '公開', '日時'],
      },
      {
        title: 'カテゴリを管理する',
        description: '記事のカテゴリとタグ。',
        en: { title: 'Manage categories', description: 'Categories and tags for posts.' },
        keywords: ['カテゴリ', 'タグ', 'category'],
      },
    ],
  },
  {
    title: 'ショップ・決済',
    description: '商品登録、カート、決済サービスとの連携、送料。',
    en: {
      title: 'Shop and payments',
      description: 'Products, the cart, connecting a payment service, and shipping.',
    },
    keywords: ['ショップ', '決済', 'カート', 'shop', 'payment'],
    children: [
      {
        title: '商品を登録する',
        description: '商品名・価格・在庫・画像。',
        en: { title: 'Add products', description: 'Product names, prices, stock and pictures.' },
        keywords: ['商品', '価格', '在庫'],
      },
      {
        title: '決済サービスを接続する',
        description: 'クレジットカード決済サービスとの連携設定。',
        en: { title: 'Connect a payment service', description: 'Setting up a card payment service.' },
        keywords: ['決済', 'クレジットカード', 'Stripe', 'payment'],
      },
      {
        title: '送料を設定する',
        description: '地域別・金額別の送料ルール。',
        en: { title: 'Set shipping costs', description: 'Shipping rules by region and by order value.' },
        keywords: ['送料', '配送', 'shipping'],
      },
    ],
  },
  {
    title: '公開・ドメイン',
    description: 'サイトの公開と独自ドメインの接続。',
    en: {
      title: 'Publishing and domains',
      description: 'Publishing the site and connecting your own domain.',
    },
    keywords: ['公開', 'ドメイン', 'domain', 'DNS'],
    children: [
      {
        title: '独自ドメインを接続する',
        description: 'DNS レコードの設定と確認。',
        en: { title: 'Connect your own domain', description: 'Setting up and checking DNS records.' },
        keywords: ['ドメイン', 'DNS', 'CNAME', 'domain'],
      },
      {
        title: 'SSL を有効にする',
        description: 'https での配信。',
        en: { title: 'Turn on SSL', description: 'Serving the site over https.' },
        keywords: ['SSL', 'https', '証明書'],
      },
    ],
  },
  {
    title: 'SEO・アクセス解析',
    description: 'ページのタイトル・説明文、アクセス解析タグ。',
    en: { title: 'SEO and analytics', description: 'Page titles and descriptions; analytics tags.' },
    keywords: ['SEO', 'アクセス解析', 'analytics'],
    children: [
      {
        title: 'ページのタイトルと説明文を設定する',
        description: '検索結果に表示される文言。',
        en: { title: 'Set page titles and descriptions', description: 'The words shown in search results.' },
        keywords: ['タイトル', '説明文', 'meta'],
      },
      {
        title: 'アクセス解析タグを追加する',
        description: 'Google Analytics などの計測タグ。',
        en: { title: 'Add an analytics tag', description: 'Measurement tags such as Google Analytics.' },
        keywords: ['Google Analytics', 'タグ', 'analytics'],
      },
    ],
  },
  {
    title: 'バックアップ・復元',
    description: 'サイトのバックアップと以前の状態への復元。',
    en: {
      title: 'Backup and restore',
      description: 'Backing up the site and going back to an earlier state.',
    },
    keywords: ['バックアップ', '復元', 'backup'],
    children: [
      {
        title: 'バックアップを作成する',
        description: '手動・自動バックアップ。',
        en: { title: 'Make a backup', description: 'Manual and automatic backups.' },
        keywords: ['バックアップ', '自動'],
      },
      {
        title: 'バックアップから復元する',
        description: '指定した日時の状態に戻す。',
        en: {
          title: 'Restore from a backup',
          description: 'Going back to the state of a chosen date and time.',
        },
        keywords: ['復元', '戻す', 'restore'],
      },
    ],
  },
];
