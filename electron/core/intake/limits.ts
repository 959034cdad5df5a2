// What one message may weigh. Above these a message is rejected with a reason (or cut, for text),
// so one absurd mail cannot stall an import or fill the disk.
export const intakeLimits = {
  /** Whole raw message, attachments included (mail servers commonly stop at 25 MB too). */
  maxMessageBytes: 25 * 1024 * 1024,
  maxAttachments: 200,
  maxSubjectChars: 500,
  /** Longer text is cut (and says so); longer HTML is dropped in favour of the text. */
  maxTextChars: 1_000_000,
  maxHtmlChars: 2_000_000,
  /** Report lines kept besides the rejected ones (those are always listed). */
  maxReportItems: 1000,
};
export type IntakeLimits = typeof intakeLimits;
