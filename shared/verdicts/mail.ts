import { mailtoUrl } from '../tracking/mailto';
import { verdictTag, type VerdictKind, type VerdictTag } from './tag';

// The message "Solved" / "Not yet" prepares in the customer's mail program: a subject with the
// tag intake recognises, and a short body in the page's language the customer may add to. The
// words are i18n keys (followUp:mail.*), written as a customer would write to a vendor.

/** An i18next `t` bound to the followUp namespace in the page's language. */
export type VerdictTranslate = (key: string, options?: Record<string, unknown>) => string;

export interface VerdictMailInput extends Omit<VerdictTag, 'verdict'> {
  /** The answer's title as the page shows it (public title on the FAQ). */
  title: string;
  vendorName: string;
  vendorEmail: string;
  /** A bundle was sent to the customer; an FAQ page is read by anyone. */
  source: 'bundle' | 'faq';
}

export interface VerdictMail {
  verdict: VerdictKind;
  to: string;
  subject: string;
  body: string;
  url: string;
}

/** Titles longer than this are cut in the subject (the body has them whole). */
const SUBJECT_TITLE = 60;

function shortTitle(title: string): string {
  const chars = [...title.replace(/\s+/g, ' ').trim()];
  if (chars.length <= SUBJECT_TITLE) return chars.join('');
  const cut = chars.slice(0, SUBJECT_TITLE - 1).join('');
  // English is cut between words; Japanese, which has no spaces, between characters.
  const space = cut.lastIndexOf(' ');
  return `${space > SUBJECT_TITLE - 16 ? cut.slice(0, space) : cut.trimEnd()}…`;
}

export function verdictMail(input: VerdictMailInput, verdict: VerdictKind, t: VerdictTranslate): VerdictMail {
  const tag = verdictTag({ ...input, verdict });
  const subject = `${t(`mail.subject.${verdict}`, { title: shortTitle(input.title) })} ${tag}`;
  const reference =
    input.questionId !== null
      ? t('mail.referenceWithRequest', {
          answer: input.answerId,
          revision: input.revision,
          request: input.questionId,
        })
      : t('mail.reference', { answer: input.answerId, revision: input.revision });
  const body = [
    input.vendorName ? t('mail.salutation', { vendor: input.vendorName }) : t('mail.salutationNoName'),
    '',
    t(`mail.body.${input.source}.${verdict}`, { title: input.title }),
    '',
    t(`mail.addHere.${verdict}`),
    '',
    '',
    reference,
  ].join('\n');
  return {
    verdict,
    to: input.vendorEmail,
    subject,
    body,
    url: mailtoUrl(input.vendorEmail, subject, body),
  };
}
