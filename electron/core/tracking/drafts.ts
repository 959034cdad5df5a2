import type { Language } from '../../../shared/domain/common';
import type { QuestionStatus } from '../../../shared/domain/status';
import type { DraftPurpose, MessageDraft } from '../../../shared/domain/tracking';
import { vendorNameIn } from '../../../shared/domain/faq';
import { KotaeError } from '../../../shared/errors';
import { mailtoUrl } from '../../../shared/tracking/mailto';
import { fillTemplate, statusTemplateKey, type MessageTemplateKey } from '../../../shared/tracking/templates';
import { readVendor } from '../faq/settings';
import { readVendorKey } from '../signing';
import type { Library } from '../library';
import { getMessageTemplate } from './templates';
import { customerT, letterDate } from './text';

export interface QuestionContact {
  questionId: number;
  subject: string;
  customerId: number | null;
  customerName: string;
  email: string | null;
  language: Language;
}

export function questionContact(library: Library, questionId: number): QuestionContact {
  const row = library.db
    .prepare(
      `SELECT q.id, q.subject, q.customer_id, c.name, c.email, c.language
       FROM questions q LEFT JOIN customers c ON c.id = q.customer_id WHERE q.id = ?`,
    )
    .get(questionId) as
    | {
        id: number;
        subject: string;
        customer_id: number | null;
        name: string | null;
        email: string | null;
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
    language: row.language ?? 'ja',
  };
}

/** The support scope in words, for a decline: each area of the catalogue and what it covers. */
function scopeSummary(library: Library, language: Language): string {
  const areas = library.db
    .prepare('SELECT title, description FROM capabilities WHERE parent_id IS NULL ORDER BY position, id')
    .all() as { title: string; description: string }[];
  if (!areas.length) return customerT(language)('draft.noScope');
  return areas.map((a) => `・${a.title}${a.description ? ` — ${a.description}` : ''}`).join('\n');
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
  const variables = {
    customer: contact.customerName || t('draft.customerFallback'),
    subject: contact.subject,
    status: request.status ? t(`status:status.${request.status}`) : '',
    checkpoint: request.nextCheckpoint
      ? letterDate(request.nextCheckpoint, language)
      : t('draft.noCheckpoint'),
    scope: request.purpose === 'decline' ? scopeSummary(library, language) : '',
    vendor: vendorNameIn(vendor, language),
  };
  // The signing key's fingerprint closes every message (issue 15), so the customer always has a
  // copy to compare the bundles' with; the template is the vendor's, this line is not.
  const fingerprint = readVendorKey(library)?.fingerprint;
  const body = fillTemplate(template.body, variables).trimEnd();
  return {
    to: contact.email,
    language,
    subject: fillTemplate(template.subject, variables),
    body: fingerprint ? `${body}\n${t('draft.keyFingerprint', { fingerprint })}` : body,
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

/**
 * Records that a draft left the app (copied, or handed to the mail program) and, for `mail`, opens
 * it as a mailto: URL. The log keeps the text, so what was said can be shown later.
 */
export async function sendDraft(
  library: Library,
  openExternal: (url: string) => Promise<void>,
  input: SendDraftInput,
): Promise<{ url: string | null; bodyOmitted: boolean }> {
  const contact = questionContact(library, input.questionId);
  let url = input.via === 'mail' ? mailtoUrl(contact.email, input.subject, input.body) : null;
  // Mail programs and Windows' URL handler cut long mailto: links (percent-encoded Japanese takes
  // nine characters a letter); then the mail opens without the body and the UI copies it instead.
  const bodyOmitted = url !== null && url.length > MAX_MAILTO_LENGTH;
  if (bodyOmitted) url = mailtoUrl(contact.email, input.subject, '');
  library.mutate(
    {
      action: input.via === 'mail' ? 'draft.opened_in_mail' : 'draft.copied',
      entity: 'question',
      entityId: input.questionId,
      questionId: input.questionId,
      customerId: contact.customerId,
      summary: `${input.purpose}: ${input.subject}`,
      detail: { purpose: input.purpose, subject: input.subject, body: input.body, to: contact.email },
    },
    () => undefined,
  );
  if (url) await openExternal(url);
  return { url, bodyOmitted };
}
