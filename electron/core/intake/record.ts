import { createHash } from 'node:crypto';
import { type Library, safeExtension } from '../library';
import { prepared } from './statements';
import type { MailAttachment, ParsedMessage } from './parseMail';
import { htmlToPlainText, sanitiseMailHtml } from './sanitize';
import { findDuplicate, findThread, matchOrCreateCustomer } from './threading';
import { reopenOnCustomerReply, firstCheckpoint } from '../tracking';
import { adoptEarlierRoot, type AdoptedRoot } from './earlierRoot';
import { logRefusedVerdict, recogniseVerdict, recordVerdict } from '../verdicts';

// One message into the library: its attachments first (content-addressed files, atomic, harmless
// if nothing ends up referring to them), then, in ONE transaction, its customer, question, message,
// attachment rows and work-log entry. An import stopped anywhere leaves whole messages only.

export interface StoredAttachment {
  sha256: string;
  ext: string;
  size: number;
  fileName: string;
  mime: string;
  contentId: string | null;
  inline: boolean;
}

export interface RecordResult {
  outcome: 'imported' | 'threaded' | 'duplicate';
  questionId: number;
  /** The customer's verdict this mail carried ("Solved" / "Not yet" from a bundle or FAQ page). */
  verdict?: 'solved' | 'not_yet' | undefined;
}

const IMAGE = /^image\/(png|jpeg|gif|webp)$/;
// Served back only as what it is, never as something a browser would run (html, svg, xml, js).
const SERVED_AS_IS =
  /^(image\/(png|jpeg|gif|webp)|application\/pdf|text\/plain|text\/csv|video\/[a-z0-9.+-]+|audio\/[a-z0-9.+-]+|application\/zip)$/;

export async function storeAttachments(
  library: Library,
  attachments: MailAttachment[],
): Promise<StoredAttachment[]> {
  const stored: StoredAttachment[] = [];
  const findExt = prepared(library.db, 'SELECT ext FROM media_assets WHERE sha256 = ?');
  for (const a of attachments) {
    const sha256 = createHash('sha256').update(a.content).digest('hex');
    // Content the library already has keeps the file (and extension) it was stored under.
    const known = findExt.get(sha256) as { ext: string } | undefined;
    const ext = known ? known.ext : safeExtension(a.fileName);
    if (!known) await library.media.addBuffer(a.content, ext);
    stored.push({
      sha256,
      ext,
      size: a.content.length,
      fileName: a.fileName,
      mime: SERVED_AS_IS.test(a.mime) ? a.mime : 'application/octet-stream',
      contentId: a.contentId,
      inline: a.inline,
    });
  }
  return stored;
}

export interface RecordOptions {
  /** Where the message came from, for the work log (`mails.mbox#12`, `pasted`). */
  source: string;
  /** Always a new question (typed by hand), never threaded onto an earlier one. */
  newQuestion?: boolean;
  /**
   * The vendor's own address (Settings): a mail from it is our reply (direction 'out', found in a
   * "Sent" mbox), and the customer is its first recipient, so the history has both sides.
   */
  vendorEmail?: string;
}

export function recordMessage(
  library: Library,
  mail: ParsedMessage,
  attachments: StoredAttachment[],
  options: RecordOptions,
): RecordResult {
  const now = library.now();
  return library.db.transaction((): RecordResult => {
    const db = library.db;
    // Checked again inside the transaction: another import may have taken it meanwhile.
    const duplicateOf = findDuplicate(db, mail.messageId, mail.contentHash);
    if (duplicateOf !== null) return { outcome: 'duplicate', questionId: duplicateOf };

    const outgoing = !!options.vendorEmail && mail.fromAddress === options.vendorEmail.trim().toLowerCase();
    const customer = matchOrCreateCustomer(
      db,
      {
        name: outgoing ? '' : mail.fromName,
        address: outgoing ? (mail.toAddresses[0] ?? '').toLowerCase() : mail.fromAddress,
        sample: `${mail.subject} ${mail.text.slice(0, 200)}`,
        byNameWithoutAddress: options.newQuestion === true,
      },
      now,
    );
    if (customer?.created)
      library.writeLog({
        action: 'customer.create',
        entity: 'customer',
        entityId: customer.id,
        customerId: customer.id,
        summary: outgoing ? (mail.toAddresses[0] ?? '') : mail.fromName || mail.fromAddress,
        detail: { from: 'intake', source: options.source },
      });
    const customerId = customer?.id ?? null;
    // A verdict mail belongs to the question its answer was sent for, whatever its headers say.
    const verdict = outgoing || options.newQuestion ? null : recogniseVerdict(db, mail.subject, customerId);
    const verdictQuestion = verdict?.kind === 'accepted' ? verdict.questionId : null;
    let questionId = options.newQuestion ? null : (verdictQuestion ?? findThread(db, mail, customerId));
    const threaded = questionId !== null;
    const cids = new Map(attachments.filter((a) => a.contentId).map((a) => [a.contentId!, a.sha256]));
    const html = mail.html ? sanitiseMailHtml(mail.html, cids) : null;
    const text = mail.text.trim() || (mail.html ? htmlToPlainText(mail.html) : '');
    const subject = mail.subject || text.split('\n')[0]!.slice(0, 80) || '—';

    // A new question is open, so it gets its first checkpoint in the same transaction (and its log entry).
    const checkpoint = threaded ? null : firstCheckpoint(mail.sentAt, library.today());
    let adopted: AdoptedRoot | null = null;
    if (questionId === null) {
      questionId = Number(
        prepared(
          db,
          `INSERT INTO questions (customer_id, subject, body, received_at, next_checkpoint, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?)`,
        ).run(customerId, subject, text, mail.sentAt, checkpoint, now, now).lastInsertRowid,
      );
    } else {
      prepared(db, 'UPDATE questions SET updated_at = ? WHERE id = ?').run(now, questionId);
      // A verdict mail is never the real start of a request, whenever it was written.
      if (!outgoing && verdictQuestion === null)
        adopted = adoptEarlierRoot(library, questionId, { ...mail, subject, text });
    }
    const messageRowId = Number(
      prepared(
        db,
        `INSERT INTO messages (question_id, direction, message_id, in_reply_to, refs, from_name, from_address,
             to_addresses, subject, sent_at, text, html, content_hash, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        questionId,
        outgoing ? 'out' : 'in',
        mail.messageId,
        mail.inReplyTo,
        JSON.stringify(mail.references),
        mail.fromName,
        mail.fromAddress,
        JSON.stringify(mail.toAddresses),
        mail.subject,
        mail.sentAt,
        text,
        html,
        mail.contentHash,
        now,
      ).lastInsertRowid,
    );
    const addAsset = prepared(
      db,
      `INSERT INTO media_assets (sha256, kind, original_name, mime, ext, size, origin, created_at)
       VALUES (?, ?, ?, ?, ?, ?, 'attachment', ?) ON CONFLICT (sha256) DO NOTHING`,
    );
    const assetId = prepared(db, 'SELECT id FROM media_assets WHERE sha256 = ?');
    const link = prepared(
      db,
      `INSERT OR IGNORE INTO message_attachments (message_id, asset_id, file_name, content_id, inline)
       VALUES (?, ?, ?, ?, ?)`,
    );
    for (const a of attachments) {
      addAsset.run(a.sha256, IMAGE.test(a.mime) ? 'image' : 'file', a.fileName, a.mime, a.ext, a.size, now);
      const { id } = assetId.get(a.sha256) as { id: number };
      link.run(messageRowId, id, a.fileName, a.contentId, a.inline ? 1 : 0);
    }
    library.writeLog({
      action: threaded ? 'message.thread' : 'question.create',
      entity: 'message',
      entityId: messageRowId,
      questionId,
      customerId,
      summary: subject,
      detail: {
        source: options.source,
        messageId: mail.messageId,
        attachments: attachments.length,
        ...(checkpoint ? { nextCheckpoint: checkpoint } : {}),
        ...(adopted ? { earlierRoot: adopted } : {}),
      },
    });
    if (verdict?.kind === 'accepted')
      recordVerdict(library, verdict, { questionId, messageRowId, sentAt: mail.sentAt });
    else if (threaded && !outgoing) reopenOnCustomerReply(library, questionId, mail.sentAt);
    if (verdict?.kind === 'refused') logRefusedVerdict(library, verdict, { questionId, customerId });
    return {
      outcome: threaded ? 'threaded' : 'imported',
      questionId,
      verdict: verdict?.kind === 'accepted' ? verdict.tag.verdict : undefined,
    };
  }).immediate();
}
