import type { Language } from '../domain/common';

// The pieces of a letter to a customer that depend on who they are and which language they read:
// how they are addressed, how the topic of their request is quoted, how a day and a list are
// written. Pure, so the drafts, the bundle e-mail and their tests agree.

export interface Addressee {
  name: string;
  email: string | null;
  company: string;
}

/**
 * The customer's name as their record has it, or null when the record only repeats their address:
 * intake names a sender without a display name after the address's local part ("sato"), and a
 * letter must never greet "sato 様".
 */
export function personalName(customer: Addressee): string | null {
  const name = customer.name.trim();
  if (!name) return null;
  const email = (customer.email ?? '').trim().toLowerCase();
  if (email) {
    const local = email.split('@')[0] ?? '';
    const folded = name.toLowerCase();
    if (folded === email || folded === local) return null;
  }
  return name;
}

/**
 * The first line(s) of the letter. Japanese: the company on its own line and 様 after the name, or
 * a neutral 「お客様」; English: "Dear Jane Smith," or a neutral "Hello,".
 */
export function addresseeLine(customer: Addressee | null, language: Language): string {
  const name = customer ? personalName(customer) : null;
  const company = customer?.company.trim() ?? '';
  if (language === 'ja') {
    if (!name) return company ? `${company}\nご担当者様` : 'お客様';
    return company && company !== name ? `${company}\n${name} 様` : `${name} 様`;
  }
  return name ? `Dear ${name},` : 'Hello,';
}

/** The customer's name for running text (a bundle's "for …"), in the reader's typography. */
export function nameWithCompany(customer: Addressee, language: Language): string {
  const name = customer.name.trim();
  const company = customer.company.trim();
  if (!company || company === name) return name;
  return language === 'ja' ? `${name}（${company}）` : `${name} (${company})`;
}

// Reply prefixes mail programs put before a subject, in ASCII and full width (ＲＥ：), repeated or
// numbered ("Re[2]:"); the customer's own words after them are kept as written. Bounded
// quantifiers only: a subject is at most a few hundred characters, read once.
const REPLY_PREFIX =
  /^\s*(?:(?:re|fwd?|fw|aw|sv|wg|返信|転送|ｒｅ|ｆｗｄ?|ｆｗ)\s{0,3}(?:\[\d{1,4}\]|\(\d{1,4}\)|［\d{1,4}］)?\s{0,3}[:：]\s*){1,10}/i;

/** A subject without "Re:" / "Fwd:" / "ＲＥ：" in front. */
export function withoutReplyPrefix(subject: string): string {
  return subject.replace(REPLY_PREFIX, '').trim();
}

// A Japanese subject often already ends in について or の件; quoted and followed by について again
// it reads 「…について」について. These endings are cut before the subject is quoted.
const JA_TOPIC_ENDINGS = [
  'についてのご質問',
  'についての質問',
  'について',
  'に関して',
  'に関する質問',
  'の件',
];

/**
 * The subject as the topic of a sentence, to be quoted: without reply prefixes, without a
 * Japanese ending that the sentence will say itself, and without closing punctuation that would
 * clash with the quote marks.
 */
export function topicOf(subject: string): string {
  let topic = withoutReplyPrefix(subject).replace(/^【[^】]{0,20}】\s*/, '');
  for (const ending of JA_TOPIC_ENDINGS) {
    if (topic.length > ending.length && topic.endsWith(ending)) {
      topic = topic.slice(0, -ending.length);
      break;
    }
  }
  return topic.replace(/[。．.、,]+$/u, '').trim() || withoutReplyPrefix(subject);
}

const DAY_MS = 86_400_000;

/**
 * A day as it is written in a letter. Japanese: 12月9日（水）; English: Wednesday, 9 December. The year
 * is added when it is not the year of `today`, so a date never reads ambiguously.
 */
export function letterDate(day: string, language: Language, today: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const weekday = date.getUTCDay();
  const sameYear = today.slice(0, 4) === day.slice(0, 4);
  if (language === 'ja') {
    const jaWeekdays = ['日', '月', '火', '水', '木', '金', '土'];
    return `${sameYear ? '' : `${y}年`}${m}月${d}日（${jaWeekdays[weekday]}）`;
  }
  const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  const months = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  return `${weekdays[weekday]}, ${d} ${months[m - 1]}${sameYear ? '' : ` ${y}`}`;
}

/** Days from `today` to `day` (negative when past); both YYYY-MM-DD. */
export function daysBetween(today: string, day: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
}

/** A list in a plain-text mail: 「・」 in Japanese, "- " in English. */
export function bulletLines(items: string[], language: Language): string {
  const bullet = language === 'ja' ? '・' : '- ';
  return items
    .map((item) => `${bullet}${item.replace(/\n/g, language === 'ja' ? '\n　' : '\n  ')}`)
    .join('\n');
}

/**
 * An entry of a list with what it covers: 「ページ編集：説明」 in Japanese; in English the description
 * on its own line under the title, so a description written as a sentence keeps its capital.
 */
export function titleWithDescription(title: string, description: string, language: Language): string {
  const d = description.trim();
  if (!d) return title;
  return language === 'ja' ? `${title}：${d}` : `${title}\n${d}`;
}

/**
 * A quoted subject that ends in ? or ! already ends the clause in English: “Can I …?”, never
 * “Can I …?”. or “Can I …?”, (Chicago 6.119). Japanese keeps its punctuation as written.
 */
export function tidyQuotedPunctuation(text: string, language: Language): string {
  return language === 'en' ? text.replace(/([?!])([”"’])[.,]/g, '$1$2') : text;
}
