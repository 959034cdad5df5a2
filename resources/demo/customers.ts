import type { CustomerProfile } from '../../shared/domain/customer';

export interface DemoCustomer {
  key: string;
  name: string;
  email: string;
  company: string;
  phone: string;
  website: string;
  language: 'ja' | 'en';
  notes: string;
  profile: CustomerProfile;
}

// Made-up people and companies; addresses use the reserved example.* domains.
export const demoCustomers: DemoCustomer[] = [
  {
    key: 'tanaka',
    name: '田中 美咲',
    email: 'misaki.tanaka@example.jp',
    company: 'たなか整体院',
    phone: '03-0000-1234',
    website: 'https://tanaka-seitai.example.jp',
    language: 'ja',
    notes: '整体院のサイトを自分で運営。パソコン操作はあまり得意ではない。',
    profile: {
      urgency: 'normal',
      relationship: '1年前からのユーザー。丁寧なやり取りを好む。',
      feelingsProduct: '気に入っているが、操作に少し不安がある。',
      feelingsSupport: '前回の回答に感謝してくれた。',
      hopedOutcome: 'スマートフォンでも写真がきれいに見えること。',
      wouldAnger: '専門用語だらけの説明。',
      moneyAtStake: 'なし',
      causeAndResponsibility: '画像の形式（HEIC）が原因の可能性。',
      technicalLevel: 'beginner',
    },
  },
  {
    key: 'sato',
    name: '佐藤 健',
    email: 'ken.sato@example.com',
    company: 'サトウ雑貨店',
    phone: '06-0000-5678',
    website: 'https://sato-zakka.example.com',
    language: 'ja',
    notes: 'ネットショップで雑貨を販売。売上に直結する問題には敏感。',
    profile: {
      urgency: 'high',
      relationship: '有料プランの顧客。3年目。',
      feelingsProduct: '機能には満足、決済まわりのトラブルで不安。',
      feelingsSupport: '返事が遅いと感じると苛立つ。次の連絡日を伝えると落ち着く。',
      hopedOutcome: '今日中に決済が再開すること。',
      wouldAnger: '「お客様の設定ミスです」と言われること。',
      moneyAtStake: '決済停止中は1日あたり数万円の売上損失。',
      causeAndResponsibility:
        '決済サービス側の API キー更新が未反映の可能性（当社の責任ではないが、案内不足はあった）。',
      technicalLevel: 'intermediate',
    },
  },
  {
    key: 'suzuki',
    name: '鈴木 一郎',
    email: 'ichiro.suzuki@midori-coffee.example.jp',
    company: '株式会社ミドリ珈琲',
    phone: '045-000-9012',
    website: 'https://midori-coffee.example.jp',
    language: 'ja',
    notes: '社内の広報担当。複数人でサイトを更新している。',
    profile: {
      urgency: 'normal',
      relationship: '法人契約。窓口は鈴木様。',
      feelingsProduct: '社内で評判が良い。',
      feelingsSupport: '文書で残る回答を好む（社内共有のため）。',
      hopedOutcome: '手順書として社内で使える回答。',
      wouldAnger: '口頭やリモート操作での対応を求められること。',
      moneyAtStake: 'なし',
      causeAndResponsibility: '不明',
      technicalLevel: 'intermediate',
    },
  },
  {
    key: 'yamamoto',
    name: '山本 さくら',
    email: 'sakura@yamamoto-design.example.jp',
    company: '山本デザイン事務所',
    phone: '',
    website: 'https://yamamoto-design.example.jp',
    language: 'ja',
    notes: 'Web デザイナー。顧客のサイトを Sirius で制作している。',
    profile: {
      urgency: 'low',
      relationship: '制作パートナー。新機能の要望が多い。',
      feelingsProduct: '表現力に限界を感じている。',
      feelingsSupport: '技術的に踏み込んだ説明を歓迎する。',
      hopedOutcome: 'テーマを細かく調整できること。',
      wouldAnger: '初歩的すぎる説明。',
      moneyAtStake: '制作案件の納期。',
      causeAndResponsibility: '製品の仕様上の制限。',
      technicalLevel: 'expert',
    },
  },
  {
    key: 'miller',
    name: 'John Miller',
    email: 'john.miller@example.org',
    company: 'Miller Language School',
    phone: '',
    website: 'https://miller-school.example.org',
    language: 'en',
    notes: 'Runs an English school in Osaka; prefers English.',
    profile: {
      urgency: 'low',
      relationship: 'New customer since this spring.',
      feelingsProduct: 'Positive.',
      feelingsSupport: 'Appreciates clear written steps.',
      hopedOutcome: 'Measure visits to the course pages.',
      wouldAnger: 'Being asked to book a call.',
      moneyAtStake: 'None',
      causeAndResponsibility: 'Not a fault: a how-to question.',
      technicalLevel: 'beginner',
    },
  },
];
