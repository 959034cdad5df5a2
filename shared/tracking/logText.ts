import { DraftPurpose } from '../domain/tracking';
import { QuestionStatus, ScopeVerdict } from '../domain/status';

// The work log and the status history in words of the UI language. Entries keep what happened in
// codes (the detail, and a summary kept for the CSV and for old entries); here each code becomes
// words, so the vendor never reads "in_scope", "status: Re: …" or "vendor" in a Japanese screen.
// Pure, so the renderer shows it and the tests check it against entries the real services wrote.

/** An i18next `t` that takes namespaced keys ('status:status.received'). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface LogEntryText {
  action: string;
  summary: string;
  detail: Record<string, unknown>;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** The words after the action label: what changed, from the entry's detail. */
export function describeLogEntry(e: LogEntryText, t: Translate, date: (day: string) => string): string {
  const d = e.detail;
  switch (e.action) {
    case 'question.status_changed': {
      const from = QuestionStatus.safeParse(d.from);
      const to = QuestionStatus.safeParse(d.to);
      if (!from.success || !to.success) return e.summary;
      const change = `${t(`status:status.${from.data}`)} → ${t(`status:status.${to.data}`)}`;
      const checkpoint = str(d.nextCheckpoint);
      return checkpoint
        ? `${change} (${t('tracking:log.nextCheckpoint', { date: date(checkpoint) })})`
        : change;
    }
    case 'question.create': {
      // The subject, and the first checkpoint the new question was given.
      const checkpoint = str(d.nextCheckpoint);
      return checkpoint
        ? `${e.summary} (${t('tracking:log.nextCheckpoint', { date: date(checkpoint) })})`
        : e.summary;
    }
    case 'question.checkpoint_set': {
      const checkpoint = str(d.nextCheckpoint);
      return checkpoint ? t('tracking:log.nextCheckpoint', { date: date(checkpoint) }) : e.summary;
    }
    case 'question.scope_set': {
      const verdict = ScopeVerdict.safeParse(d.verdict);
      if (!verdict.success) return e.summary;
      // Titles are the vendor's own words; entries written before they were kept come from the summary.
      const titles = Array.isArray(d.capabilities)
        ? d.capabilities.filter((x): x is string => typeof x === 'string').join(', ')
        : e.summary.startsWith(`${verdict.data}: `)
          ? e.summary.slice(verdict.data.length + 2)
          : '';
      const words = t(`status:scope.${verdict.data}`);
      return titles ? t('tracking:log.withDetail', { what: words, detail: titles }) : words;
    }
    case 'draft.opened_in_mail':
    case 'draft.marked_sent':
    case 'draft.copied': {
      const purpose = DraftPurpose.safeParse(d.purpose);
      if (!purpose.success) return e.summary;
      const subject = str(d.subject);
      const words = t(`tracking:log.purpose.${purpose.data}`);
      return subject ? t('tracking:log.withDetail', { what: words, detail: subject }) : words;
    }
    case 'customer.updated': {
      if (!Array.isArray(d.fields)) return e.summary;
      const fields = d.fields.filter((x): x is string => typeof x === 'string');
      if (!fields.length) return e.summary;
      const contact = ['name', 'email', 'company', 'phone', 'language'];
      return fields
        .map((f) =>
          t(contact.includes(f) ? `customers:edit.${f}` : `customers:field.${f}`, { defaultValue: f }),
        )
        .join(', ');
    }
    case 'bundle.exported': {
      // The summary is "answer.zip (rev. 3) → 高橋 由美": the file and customer are words already.
      const m = /^(.*) \(rev\. (\d+)\)(?: → (.*))?$/.exec(e.summary);
      if (!m) return e.summary;
      const [, name, revision, customer] = m;
      return customer
        ? t('tracking:log.bundleFor', { name, revision, customer })
        : t('tracking:log.bundle', { name, revision });
    }
    case 'verdict.received':
    case 'verdict.offer_dismissed': {
      const verdict = str(d.verdict);
      const title = str(d.title);
      if ((verdict !== 'solved' && verdict !== 'not_yet') || title === null) return e.summary;
      return t('followUp:log.verdict', {
        verdict: t(`followUp:verdict.${verdict}`),
        title,
        revision: typeof d.revision === 'number' ? d.revision : '?',
      });
    }
    case 'verdict.refused': {
      const reason = str(d.reason);
      if (reason !== 'notTheCustomer' && reason !== 'unknownAnswer' && reason !== 'unknownRevision')
        return e.summary;
      return t(`followUp:log.refused.${reason}`, { answer: d.answerId, revision: d.revision });
    }
    case 'release.recorded': {
      const version = str(d.version);
      if (version === null) return e.summary;
      const capabilities = Array.isArray(d.capabilities)
        ? d.capabilities.filter((x): x is string => typeof x === 'string').join(', ')
        : '';
      return t('followUp:log.release', {
        version,
        capabilities: capabilities || t('followUp:log.noCapabilities'),
        count: typeof d.rechecks === 'number' ? d.rechecks : 0,
      });
    }
    case 'answer.recheck_listed':
    case 'answer.rechecked':
    case 'answer.recheck_reopened': {
      const version = str(d.version);
      const title = str(d.title);
      if (version === null || title === null) return e.summary;
      const checkedWith = str(d.checkedWith);
      return e.action === 'answer.rechecked' && checkedWith
        ? t('followUp:log.rechecked', { title, version, checkedWith })
        : t('followUp:log.recheck', { title, version });
    }
    default:
      return e.summary;
  }
}

/** Who did it: the vendor in the app, the command line, a library upgrade; any other name as it is. */
export function actorText(actor: string, t: Translate): string {
  return ['vendor', 'cli', 'upgrade'].includes(actor) ? t(`tracking:log.actor.${actor}`) : actor;
}

/** Notes Kotae writes itself: stored in the customer's language, shown in the UI language. */
export const automaticNotes = ['customerReplied', 'customerNotSolved'] as const;
export type AutomaticNote = (typeof automaticNotes)[number];

/** The note of a status change in the UI language when Kotae wrote it; the vendor's own note as it is. */
export function noteText(
  note: string,
  t: Translate,
  textIn: (language: 'en' | 'ja', key: string) => string,
): string {
  for (const key of automaticNotes) {
    const fullKey = `tracking:status.automaticNote.${key}`;
    // Either language: the note was written in the customer's (English before that).
    if (note === textIn('en', fullKey) || note === textIn('ja', fullKey)) return t(fullKey);
  }
  return note;
}
