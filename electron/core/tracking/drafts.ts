import type { Language } from '../../../shared/domain/common';
import type { QuestionStatus } from '../../../shared/domain/status';
import type { DraftPurpose, MessageDraft } from '../../../shared/domain/tracking';
import { vendorNameIn } from '../../../shared/domain/faq';
import { KotaeError } from '../../../shared/errors';
import { mailtoUrl } from '../../../shared/tracking/mailto';
import { capabilityTextIn } from '../../../shared/domain/capability';
import {
  addresseeLine,
  bulletLines,
  letterDate,
  personalName,
  tidyQuotedPunctuation,
  titleWithDescription,
  topicOf,
  withoutReplyPrefix,
} from '../../../shared/tracking/letter';
import { fillTemplate, statusTemplateKey, type MessageTemplateKey } from '../../../shared/tracking/templates';
import { listCapabilities } from '../capabilities';
import { readVendor } from '../faq';
import { readVendorKey } from '../signing';
import type { Library } from '../library';
import { getMessageTemplate } from './templates';
import { writeUnsentEml } from './unsentEml';
import { customerT } from './text';

export interface QuestionContact {
  questionId: number;
  subject: string;
  customerId: number | null;
  customerName: string;
  email: string | null;
  company: string;
  language: Language;
}

export function questionContact(library: Library, questionId: number): QuestionContact {
  const row = library.db
    .prepare(
      `SELECT q.id, q.subject, q.customer_id, c.name, c.email, c.company, c.language
       FROM questions q LEFT JOIN customers c ON c.id = q.customer_id WHERE q.id = ?`,
    )
    .get(questionId) as
    | {
        id: number;
        subject: string;
        customer_id: number | null;
        name: string | null;
        email: string | null;
        company: string | null;
        language: Language | null;
      }
    | undefined;
  if (!row) throw new KotaeError('NOT_FOUND', { id: questionId });
  return {
    questionId: row.id,
    subject: row.subject,
    customerId: row.customer_id,
    customerName: row.name ?? '',
    email: row.email,
    company: row.company ?? '',
    language: row.language ?? 'ja',
  };
}

/**
 * The support scope in words, for a decline: each area of the catalogue and what it covers, in
 * the customer's language. An area with no text in that language is listed in the other one (the
 * customer still learns what is covered) and named in `untranslated`, which the vendor sees beside
 * the draft before sending it.
 */
function scopeSummary(library: Library, language: Language): { text: string; untranslated: string[] } {
  const areas = listCapabilities(library.db)
    .filter((c) => c.parentId === null)
    .sort((a, b) => a.position - b.position || a.id - b.id);
  if (!areas.length) return { text: customerT(language)('draft.noScope'), untranslated: [] };
  const untranslated: string[] = [];
  const lines = areas.map((area) => {
    const text = capabilityTextIn(area.texts, language);
    if (!text.translated) untranslated.push(text.title);
    return titleWithDescription(text.title, text.description, language);
  });
  return { text: bulletLines(lines, language), untranslated };
}

export interface DraftRequest {
  questionId: number;
  purpose: DraftPurpose;
  /** For a status message: the new status and its checkpoint. */
  status?: QuestionStatus | undefined;
  nextCheckpoint?: string | null | undefined;
}

/** A customer message for this question from the vendor's template, in the customer's language. */
export function draftMessage(library: Library, request: DraftRequest): MessageDraft {
  const contact = questionContact(library, request.questionId);
  const { language } = contact;
  const t = customerT(language);
  let key: MessageTemplateKey;
  if (request.purpose === 'decline') key = 'scope.out_of_scope';
  else if (request.purpose === 'clarification') key = 'scope.needs_clarification';
  else key = statusTemplateKey(request.status ?? 'received');
  const template = getMessageTemplate(library, key, language);
  const vendor = readVendor(library);
  const addressee = { name: contact.customerName, email: contact.email, company: contact.company };
  const scope = request.purpose === 'decline' ? scopeSummary(library, language) : null;
  const variables = {
    // From the customer's record only: a name intake took from the address is no name.
    addressee: addresseeLine(contact.customerId === null ? null : addressee, language),
    customer: personalName(addressee) ?? t('draft.customerFallback'),
    subject: withoutReplyPrefix(contact.subject),
    topic: topicOf(contact.subject),
    status: request.status ? t(`status:status.${request.status}`) : '',
    checkpoint: request.nextCheckpoint
      ? letterDate(request.nextCheckpoint, language, library.today())
      : t('draft.noCheckpoint'),
    scope: scope?.text ?? '',
    vendor: vendorNameIn(vendor, language),
  };
  // The signing key's fingerprint closes every message (issue 15), so the customer always has a
  // copy to compare the bundles' with; the template is the vendor's, this line is not.
  const fingerprint = readVendorKey(library)?.fingerprint;
  const body = tidyQuotedPunctuation(fillTemplate(template.body, variables), language).trimEnd();
  return {
    to: contact.email,
    language,
    subject: fillTemplate(template.subject, variables),
    body: fingerprint ? `${body}\n${t('draft.keyFingerprint', { fingerprint })}` : body,
    untranslated: scope?.untranslated ?? [],
  };
}

/** Longest mailto: URL handed to the OS: what Windows and common mail programs take whole. */
export const MAX_MAILTO_LENGTH = 2000;

export interface SendDraftInput {
  questionId: number;
  purpose: DraftPurpose;
  via: 'mail' | 'copy';
  subject: string;
  body: string;
}

export interface DraftOpeners {
  openExternal: (url: string) => Promise<void>;
  /** Opens a file with the OS (the .eml in the mail program); false when it could not. */
  openFile?: ((file: string) => Promise<boolean>) | undefined;
  /** Where .eml drafts are written (tests); the OS temp folder otherwise. */
  draftFolder?: string | undefined;
}

export interface SentDraft {
  url: string | null;
  /** The draft did not fit a mailto: link and could not be opened as a file: the UI copies it. */
  bodyOmitted: boolean;
  /** The .eml the mail program was asked to open, when the mailto: link was too long. */
  file: string | null;
}

/**
 * Records that a draft left the app (copied, or handed to the mail program) and, for `mail`, opens
 * it: as a mailto: URL when the whole text fits one, else as an unsent .eml the mail program opens
 * as a new message, else (no way to open a file) a mailto: with the subject only, and the UI
 * copies the text. The log keeps the text, so what was said can be shown later; a draft handed to
 * the mail program counts as sent, a copied one stays a draft until the vendor marks it sent.
 */
export async function sendDraft(
  library: Library,
  openers: DraftOpeners | ((url: string) => Promise<void>),
  input: SendDraftInput,
): Promise<SentDraft> {
  const { openExternal, openFile, draftFolder } =
    typeof openers === 'function'
      ? { openExternal: openers, openFile: undefined, draftFolder: undefined }
      : openers;
  const contact = questionContact(library, input.questionId);
  let url = input.via === 'mail' ? mailtoUrl(contact.email, input.subject, input.body) : null;
  let file: string | null = null;
  // Mail programs and Windows' URL handler cut long mailto: links (percent-encoded Japanese takes
  // nine characters a letter, so about 220 letters fit): then the draft goes as an .eml file.
  let bodyOmitted = url !== null && url.length > MAX_MAILTO_LENGTH;
  if (bodyOmitted && openFile) {
    const written = await writeUnsentEml(
      {
        from: readVendor(library).email || null,
        to: contact.email,
        subject: input.subject,
        body: input.body,
        date: new Date(library.now()),
      },
      draftFolder,
    );
    if (await openFile(written)) {
      file = written;
      url = null;
      bodyOmitted = false;
    }
  }
  if (bodyOmitted) url = mailtoUrl(contact.email, input.subject, '');
  const handedOver = input.via === 'mail' && !bodyOmitted;
  library.mutate(
    {
      action: input.via === 'mail' ? 'draft.opened_in_mail' : 'draft.copied',
      entity: 'question',
      entityId: input.questionId,
      questionId: input.questionId,
      customerId: contact.customerId,
      summary: `${input.purpose}: ${input.subject}`,
      detail: {
        purpose: input.purpose,
        subject: input.subject,
        body: input.body,
        to: contact.email,
        // Sent: the whole text went to the mail program. A copy (or a cut mail link) stays a draft.
        sent: handedOver,
        ...(file ? { file } : {}),
      },
    },
    () => undefined,
  );
  if (url) await openExternal(url);
  return { url, bodyOmitted, file };
}

/**
 * The vendor says a message reached the customer (they pasted it into their mail and sent it):
 * the status change's message ('status:<id>') or a drafted message from the log ('log:<id>').
 * Until then the timeline and the work log call it a draft.
 */
export function markDraftSent(library: Library, ref: string): { ref: string } {
  const match = /^(status|log):(\d{1,15})$/.exec(ref);
  if (!match) throw new KotaeError('INVALID_INPUT', { detail: 'ref' });
  const id = Number(match[2]);
  let message: { questionId: number; subject: string; body: string; purpose: DraftPurpose } | undefined;
  if (match[1] === 'status') {
    const row = library.db
      .prepare(
        `SELECT s.question_id, s.customer_message, q.subject FROM status_changes s
         JOIN questions q ON q.id = s.question_id WHERE s.id = ?`,
      )
      .get(id) as { question_id: number; customer_message: string; subject: string } | undefined;
    if (row?.customer_message.trim())
      message = {
        questionId: row.question_id,
        subject: row.subject,
        body: row.customer_message,
        purpose: 'status',
      };
  } else {
    const row = library.db
      .prepare(
        "SELECT question_id, detail FROM log_entries WHERE id = ? AND action IN ('draft.copied', 'draft.opened_in_mail')",
      )
      .get(id) as { question_id: number | null; detail: string } | undefined;
    const detail = row
      ? (JSON.parse(row.detail) as { subject?: string; body?: string; purpose?: string })
      : null;
    if (row?.question_id && detail?.body)
      message = {
        questionId: row.question_id,
        subject: detail.subject ?? '',
        body: detail.body,
        purpose:
          (['decline', 'clarification', 'status'] as const).find((p) => p === detail.purpose) ?? 'status',
      };
  }
  if (!message) throw new KotaeError('NOT_FOUND', { id });
  const contact = questionContact(library, message.questionId);
  library.mutate(
    {
      action: 'draft.marked_sent',
      entity: 'question',
      entityId: message.questionId,
      questionId: message.questionId,
      customerId: contact.customerId,
      summary: `${message.purpose}: ${message.subject}`,
      detail: { ...message, to: contact.email, sent: true, ref },
    },
    () => undefined,
  );
  return { ref };
}
