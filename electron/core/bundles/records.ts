import type { Database } from 'better-sqlite3';
import type { BundleExportRequest, BundleRecord } from '../../../shared/domain/bundle';
import { KotaeError } from '../../../shared/errors';
import type { Library } from '../library';
import type { BundleContent } from './content';
import { sha256Of } from './manifest';

// The history of what was sent: recorded at export, listed per answer or customer, found by fingerprint.

interface Row {
  id: number;
  answer_id: number;
  answer_title: string | null;
  revision: number;
  customer_id: number | null;
  customer_name: string | null;
  question_id: number | null;
  question_subject: string | null;
  file_name: string;
  zip_path: string | null;
  folder_path: string | null;
  size: number;
  file_count: number;
  manifest_sha256: string;
  bundle_uid: string | null;
  personalised: number;
  video_rendition: 'original' | 'email';
  email_subject: string;
  email_body: string;
  created_at: string;
}

const select = `SELECT b.id, b.answer_id, a.title AS answer_title, b.revision, b.customer_id, c.name AS customer_name,
    b.question_id, q.subject AS question_subject, b.file_name, b.zip_path, b.folder_path, b.size, b.file_count,
    b.manifest_sha256, b.bundle_uid, b.personalised, b.video_rendition, b.email_subject, b.email_body, b.created_at
  FROM bundles b
  LEFT JOIN answers a ON a.id = b.answer_id
  LEFT JOIN customers c ON c.id = b.customer_id
  LEFT JOIN questions q ON q.id = b.question_id`;

function toRecord(r: Row): BundleRecord {
  return {
    id: r.id,
    answerId: r.answer_id,
    answerTitle: r.answer_title,
    revision: r.revision,
    customerId: r.customer_id,
    customerName: r.customer_name,
    questionId: r.question_id,
    questionSubject: r.question_subject,
    fileName: r.file_name,
    zipPath: r.zip_path,
    folderPath: r.folder_path,
    size: r.size,
    fileCount: r.file_count,
    manifestSha256: r.manifest_sha256,
    bundleUid: r.bundle_uid,
    personalised: r.personalised === 1,
    videoRendition: r.video_rendition,
    emailSubject: r.email_subject,
    emailBody: r.email_body,
    createdAt: r.created_at,
  };
}

export function listBundles(
  db: Database,
  filter: { answerId?: number; customerId?: number } = {},
): BundleRecord[] {
  const where: string[] = [];
  const params: number[] = [];
  if (filter.answerId !== undefined) {
    where.push('b.answer_id = ?');
    params.push(filter.answerId);
  }
  if (filter.customerId !== undefined) {
    where.push('b.customer_id = ?');
    params.push(filter.customerId);
  }
  const rows = db
    .prepare(
      `${select} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY b.created_at DESC, b.id DESC`,
    )
    .all(...params) as Row[];
  return rows.map(toRecord);
}

export function getBundle(db: Database, id: number): BundleRecord {
  const row = db.prepare(`${select} WHERE b.id = ?`).get(id) as Row | undefined;
  if (!row) throw new KotaeError('NOT_FOUND', { id });
  return toRecord(row);
}

export function findBundleByManifest(db: Database, manifestSha256: string): BundleRecord | null {
  const row = db.prepare(`${select} WHERE b.manifest_sha256 = ?`).get(manifestSha256) as Row | undefined;
  return row ? toRecord(row) : null;
}

export interface RecordInput {
  request: Pick<BundleExportRequest, 'personalised' | 'videoRendition'>;
  content: BundleContent;
  targets: { zipPath: string | null; folderPath: string | null };
  outputName: string;
  size: number;
  fileCount: number;
  manifest: Buffer;
  bundleUid: string;
  createdAt: string;
  email: { subject: string; body: string };
}

/** The Bundle row and its work-log entry, in one transaction. */
export function recordBundle(library: Library, r: RecordInput): number {
  const manifestSha256 = sha256Of(r.manifest);
  const customerId = r.content.customer?.id ?? null;
  const questionId = r.content.question?.id ?? null;
  return library.mutate(
    (id: number) => ({
      action: 'bundle.exported',
      entity: 'bundle',
      entityId: id,
      answerId: r.content.answer.id,
      customerId,
      questionId,
      summary: `${r.outputName} (rev. ${r.content.answer.revision})${r.content.customer ? ` → ${r.content.customer.name}` : ''}`,
      detail: {
        manifestSha256,
        size: r.size,
        files: r.fileCount,
        zipPath: r.targets.zipPath,
        folderPath: r.targets.folderPath,
        personalised: r.request.personalised,
        videoRendition: r.request.videoRendition,
      },
    }),
    (db) =>
      Number(
        db
          .prepare(
            `INSERT INTO bundles (answer_id, revision, customer_id, question_id, file_name, manifest_sha256, size, created_at,
               bundle_uid, manifest, zip_path, folder_path, file_count, personalised, video_rendition, email_subject, email_body)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            r.content.answer.id,
            r.content.answer.revision,
            customerId,
            questionId,
            r.outputName,
            manifestSha256,
            r.size,
            r.createdAt,
            r.bundleUid,
            r.manifest.toString('utf8'),
            r.targets.zipPath,
            r.targets.folderPath,
            r.fileCount,
            r.request.personalised ? 1 : 0,
            r.request.videoRendition,
            r.email.subject,
            r.email.body,
          ).lastInsertRowid,
      ),
  );
}
