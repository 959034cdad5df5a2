import { open, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ImportItem, ImportReport, RejectReason } from '../../../shared/api/intake';
import { KotaeError, toAppError } from '../../../shared/errors';
import type { Library } from '../library';
import { intakeLimits, type IntakeLimits } from './limits';
import { looksLikeMbox, splitMbox } from './mbox';
import { MailRejected, parseMail } from './parseMail';
import { recordMessage, storeAttachments } from './record';

export interface ImportMailOptions {
  signal?: AbortSignal;
  progress?: (fraction: number, phase?: string) => void;
  /** Called after every message, with the report so far (the app shows live counts). */
  onItem?: (report: ImportReport) => void;
  limits?: IntakeLimits;
}

const MAIL_FILE = /\.(eml|mbox|mbx)$/i;

/** Files to read: the files given, and the .eml / .mbox files of the folders given (one level deep). */
async function expand(
  paths: string[],
  report: (item: ImportItem) => void,
): Promise<{ file: string; size: number }[]> {
  const out: { file: string; size: number }[] = [];
  for (const p of paths) {
    try {
      const info = await stat(p);
      if (info.isDirectory()) {
        const names = (await readdir(p)).filter((n) => MAIL_FILE.test(n)).sort();
        for (const name of names) {
          const s = await stat(path.join(p, name));
          if (s.isFile()) out.push({ file: path.join(p, name), size: s.size });
        }
      } else if (info.isFile()) out.push({ file: p, size: info.size });
      else reject(report, path.basename(p), 'unsupported', 'not a regular file');
    } catch (err) {
      reject(report, path.basename(p), 'unreadable', (err as NodeJS.ErrnoException).code ?? String(err));
    }
  }
  return out;
}

function reject(
  report: (item: ImportItem) => void,
  source: string,
  reason: RejectReason,
  detail: string,
  subject = '',
) {
  report({ source, subject, outcome: 'rejected', questionId: null, reason, detail });
}

/**
 * Imports .eml files, mbox files and folders of them. Every message is imported, threaded, found to
 * be a duplicate, or rejected with a reason; nothing a message does affects another. Cancelling stops
 * between two messages: the ones before are whole, the ones after untouched.
 */
export async function importMail(
  library: Library,
  paths: string[],
  options: ImportMailOptions = {},
): Promise<ImportReport> {
  const limits = options.limits ?? intakeLimits;
  const report: ImportReport = {
    imported: 0,
    threaded: 0,
    duplicates: 0,
    rejected: 0,
    items: [],
    unlisted: 0,
    cancelled: false,
  };
  let listed = 0;
  const add = (item: ImportItem) => {
    if (item.outcome === 'imported') report.imported++;
    else if (item.outcome === 'threaded') report.threaded++;
    else if (item.outcome === 'duplicate') report.duplicates++;
    else report.rejected++;
    if (item.outcome === 'rejected') report.items.push(item);
    else if (listed < limits.maxReportItems) {
      report.items.push(item);
      listed++;
    } else report.unlisted++;
    options.onItem?.(report);
  };
  const vendor = library.getSetting<{ email?: unknown }>('vendor');
  const vendorEmail = typeof vendor?.email === 'string' ? vendor.email : '';
  const files = await expand(paths, add);
  const total = files.reduce((n, f) => n + f.size, 0) || 1;
  let done = 0;
  const cancelled = () => options.signal?.aborted === true;

  const one = async (source: string, raw: Buffer) => {
    let subject = '';
    try {
      const mail = await parseMail(raw, limits);
      subject = mail.subject;
      const stored = await storeAttachments(library, mail.attachments);
      const result = recordMessage(library, mail, stored, { source, vendorEmail });
      add({
        source,
        subject,
        outcome: result.outcome,
        questionId: result.questionId,
        reason: null,
        detail: null,
        ...(result.verdict ? { verdict: result.verdict } : {}),
      });
    } catch (err) {
      if (err instanceof MailRejected) reject(add, source, err.reason, err.detail, subject);
      else if (err instanceof KotaeError && err.code === 'CANCELLED') throw err;
      // A full disk is not this message's fault, and would fail every one after it: stop the
      // import (the messages before are whole) and say so once.
      else if (toAppError(err).code === 'DISK_FULL') throw new KotaeError('DISK_FULL', {}, String(err));
      else reject(add, source, 'failed', err instanceof Error ? err.message : String(err), subject);
    }
  };

  options.progress?.(0, 'intake:phase.import');
  for (const { file, size } of files) {
    if (cancelled()) break;
    const name = path.basename(file);
    try {
      if (size === 0) {
        reject(add, name, 'empty', '0 bytes');
      } else if (await isMbox(file)) {
        for await (const message of splitMbox(file, limits.maxMessageBytes)) {
          if (cancelled()) break;
          const source = `${name}#${message.index}`;
          if (message.tooLarge)
            reject(add, source, 'tooLarge', `${message.size} bytes (limit ${limits.maxMessageBytes})`);
          else await one(source, message.raw);
          options.progress?.((done + message.offset) / total);
        }
      } else if (size > limits.maxMessageBytes) {
        reject(add, name, 'tooLarge', `${size} bytes (limit ${limits.maxMessageBytes})`);
      } else {
        await one(name, await readFile(file));
      }
    } catch (err) {
      // Cancelling and a full disk end the whole import; anything else is this file's problem.
      if (err instanceof KotaeError && (err.code === 'CANCELLED' || err.code === 'DISK_FULL')) throw err;
      reject(add, name, 'unreadable', (err as NodeJS.ErrnoException).code ?? String(err));
    }
    done += size;
    options.progress?.(done / total);
  }
  report.cancelled = cancelled();
  return report;
}

async function isMbox(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(5);
    await handle.read(head, 0, 5, 0);
    return looksLikeMbox(head) || /\.(mbox|mbx)$/i.test(file);
  } finally {
    await handle.close();
  }
}
