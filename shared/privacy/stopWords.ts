import { foldString } from './fold';

// Words that mail programs and people put where a name belongs ("Support", "お客様", "Sales
// Team"): a customer or a sender called that is not a name to look for, or every answer that says
// "サポート" would be flagged. Compared folded (so "ユーザー" also covers "ゆーざー").

// prettier-ignore
const WORDS = [
  // Japanese
  'お客様', 'お客さま', '客', 'ユーザー', 'ユーザ', '担当', '担当者', '管理者', '管理人', '事務局',
  'サポート', '総務', '広報', '営業', '受付', '店長', '社長', '代表', '名無し', '匿名', '不明',
  'テスト', '会社', '株式会社', '有限会社', '私', 'わたし', '本人', '先生', '皆様', 'みなさま',
  '各位', '様', '御中', '問い合わせ', 'お問い合わせ', '窓口', '運営', '事務所', '個人', 'ショップ',
  'スタッフ', 'ストア', 'メール', 'インフォ', 'ご担当者様', '担当者様', '返信不要', 'ホームページ',
  'サイト', 'ウェブ', 'お知らせ', '通知', 'システム', '自動送信', 'なし', 'ゲスト',
  // English
  'info', 'information', 'support', 'admin', 'administrator', 'contact', 'customer', 'customers',
  'client', 'user', 'team', 'sales', 'office', 'mail', 'email', 'e-mail', 'noreply', 'no-reply',
  'hello', 'help', 'helpdesk', 'service', 'services', 'staff', 'test', 'webmaster', 'owner',
  'manager', 'billing', 'accounts', 'account', 'the', 'and', 'or', 'of', 'for', 'you', 'me', 'my',
  'your', 'our', 'we', 'it', 'at', 'to', 'in', 'on', 'an', 'is', 'be', 'new', 'shop', 'store',
  'company', 'inc', 'ltd', 'llc', 'corp', 'co', 'mr', 'mrs', 'ms', 'dr', 'miss', 'unknown',
  'anonymous', 'web', 'site', 'home', 'guest', 'notifications', 'notification', 'system', 'robot',
  'bot', 'postmaster', 'mailer-daemon', 'reply', 'do-not-reply', 'donotreply', 'none', 'n/a',
];

export const STOP_WORDS: ReadonlySet<string> = new Set(WORDS.map((w) => foldString(w)));
