import { personalName } from '../../../shared/tracking/letter';
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { findNodes, type AnswerDocument } from '../../../shared/answers/document';
import type { ImageExtension } from '../../../shared/answers/media';
import {
  documentError,
  documentImages,
  parseAnswerDocument,
  parseDocumentJson,
  type DocumentWhere,
} from '../../../shared/answers/validate';
import type { Language } from '../../../shared/domain/common';
import { vendorNameIn } from '../../../shared/domain/faq';
import { KotaeError } from '../../../shared/errors';
import type { Library } from '../library';
import { readVendorKey } from '../signing';
import { readBundleClip, type BundleClip } from './clips';

// Everything a bundle shows, read from the library in one go: plain data, so pages, the e-mail
// draft and the size estimate are pure functions of it.

export interface BundleVendor {
  name: string;
  email: string;
  phone: string;
  website: string;
  colour: string | null;
  /** The fingerprint of the key that signs the bundle (null only in a preview before the first). */
  fingerprint: string | null;
}

export interface BundleImage {
  sha256: string;
  ext: ImageExtension;
  alt: string;
  /** Where the answer first shows it, for the error when its file is missing. */
  where: DocumentWhere;
}

export interface BundleContent {
  answer: {
    id: number;
    title: string;
    revision: number;
    language: Language;
    doc: AnswerDocument;
    /** A decline asks for no verdict (issue 22). */
    kind: 'answer' | 'decline';
  };
  customer: { id: number; name: string; email: string | null } | null;
  question: { id: number; subject: string } | null;
  personalised: boolean;
  /** The greeting template with the customer's name filled in; null for generic bundles. */
  greeting: string | null;
  closing: string | null;
  vendor: BundleVendor;
  productName: string | null;
  /** Clips in the order the answer first shows or links them. */
  clips: BundleClip[];
  images: BundleImage[];
}

export interface ContentRequest {
  answerId: number;
  customerId: number | null;
  questionId: number | null;
  personalised: boolean;
}

// Library settings are JSON the vendor edits in Settings: read leniently, never fail an export on them.
const Vendor = z.object({
  name: z.string().catch(''),
  nameEn: z.string().catch(''),
  email: z.string().catch(''),
  phone: z.string().catch(''),
  website: z.string().catch(''),
  colour: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .nullable()
    .catch(null),
});

/** The vendor as the customer reads them: the name in the answer's language when there is one. */
export function readVendor(library: Library, language: Language): BundleVendor {
  const value = library.getSetting<unknown>('vendor');
  const parsed = Vendor.partial().safeParse(value ?? {});
  const v = parsed.success ? parsed.data : {};
  return {
    name: vendorNameIn({ name: v.name ?? '', nameEn: v.nameEn ?? '' }, language),
    email: v.email ?? '',
    phone: v.phone ?? '',
    website: v.website ?? '',
    colour: v.colour ?? null,
    fingerprint: readVendorKey(library)?.fingerprint ?? null,
  };
}

function template(db: Database, kind: string, language: Language): string | null {
  const row = db
    .prepare('SELECT body FROM templates WHERE kind = ? AND language = ? ORDER BY id LIMIT 1')
    .get(kind, language) as { body: string } | undefined;
  return row?.body ?? null;
}

/** `{{name}}` and friends in a template; unknown placeholders are left out rather than shown raw. */
export function fillTemplate(body: string, values: Record<string, string>): string {
  return body.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => values[key] ?? '');
}

export function gatherContent(library: Library, request: ContentRequest): BundleContent {
  const db = library.db;
  const answer = db
    .prepare('SELECT id, title, revision, language, doc, kind FROM answers WHERE id = ?')
    .get(request.answerId) as
    | {
        id: number;
        title: string;
        revision: number;
        language: Language;
        doc: string;
        kind: 'answer' | 'decline';
      }
    | undefined;
  if (!answer) throw new KotaeError('NOT_FOUND', { id: request.answerId });

  const question = request.questionId
    ? (db
        .prepare('SELECT id, subject, customer_id, product_id FROM questions WHERE id = ?')
        .get(request.questionId) as
        { id: number; subject: string; customer_id: number | null; product_id: number | null } | undefined)
    : undefined;
  if (request.questionId && !question) throw new KotaeError('NOT_FOUND', { id: request.questionId });

  // A question brings its customer along; a different customer for it is a mistake worth stopping.
  const customerId = request.customerId ?? question?.customer_id ?? null;
  if (
    question &&
    request.customerId &&
    question.customer_id !== null &&
    question.customer_id !== request.customerId
  ) {
    throw blocked('questionMismatch');
  }
  const customer = customerId
    ? (db.prepare('SELECT id, name, email, company FROM customers WHERE id = ?').get(customerId) as
        { id: number; name: string; email: string | null; company: string } | undefined)
    : undefined;
  if (customerId && !customer) throw new KotaeError('NOT_FOUND', { id: customerId });
  if (request.personalised && !customer) throw blocked('customerNeeded');

  const language = answer.language;
  const personalised = request.personalised && !!customer;
  const greetingTemplate = personalised ? template(db, 'greeting', language) : null;
  const product = db
    .prepare('SELECT name FROM products WHERE id = coalesce(?, (SELECT min(id) FROM products))')
    .get(question?.product_id ?? null) as { name: string } | undefined;

  // The export stops on a document that fails the schema (issue 15: an image `ext` of
  // `png/../../../library.sqlite` put the library database into the customer's zip).
  const checked = parseDocumentJson(answer.doc, parseAnswerDocument);
  if (!checked.ok)
    throw documentError(checked.problem, {
      code: 'BUNDLE_EXPORT_BLOCKED',
      messageKey: 'bundle:blocked.documentInvalid',
      params: { reason: 'documentInvalid', answer: answer.title },
    });
  const doc = checked.doc;
  return {
    answer: {
      id: answer.id,
      title: answer.title,
      revision: answer.revision,
      language,
      doc,
      kind: answer.kind,
    },
    customer: customer ?? null,
    question: question ? { id: question.id, subject: question.subject } : null,
    personalised,
    greeting: greetingTemplate && customer ? personalGreeting(greetingTemplate, customer, language) : null,
    closing: template(db, 'closing', language),
    vendor: readVendor(library, language),
    productName: product?.name ?? null,
    clips: referencedClips(db, doc, (sha256, ext) => library.media.readText({ sha256, ext })),
    images: referencedImages(doc),
  };
}

function referencedClipIds(doc: AnswerDocument): number[] {
  const ids: number[] = [];
  const walk = (node: AnswerDocument['root'] | AnswerDocument['root']['children'][number]) => {
    if (node.type === 'kotae-video' && node.clipId !== null) ids.push(node.clipId);
    if (node.type === 'kotae-step' && node.videoLink) ids.push(node.videoLink.clipId);
    if ('children' in node) node.children.forEach(walk);
  };
  walk(doc.root);
  return [...new Set(ids)];
}

function referencedClips(
  db: Database,
  doc: AnswerDocument,
  readText: (sha256: string, ext: string) => string | null,
): BundleClip[] {
  return referencedClipIds(doc).map((id) => {
    const clip = readBundleClip(db, id, readText);
    if (!clip) throw blocked('clipMissing', { clipId: id });
    if (!clip.output) throw blocked('clipNotRendered', { title: clip.title || `#${clip.id}` });
    return clip;
  });
}

/** Each picture once, where the answer first shows it. */
function referencedImages(doc: AnswerDocument): BundleImage[] {
  const seen = new Map<string, BundleImage>();
  for (const img of documentImages(doc)) if (!seen.has(img.sha256)) seen.set(img.sha256, img);
  return [...seen.values()];
}

export function blocked(reason: string, params: Record<string, string | number> = {}): KotaeError {
  return new KotaeError(
    'BUNDLE_EXPORT_BLOCKED',
    { reason, ...params },
    undefined,
    `bundle:blocked.${reason}`,
  );
}

/** Step count, for the e-mail and the viewer's progress line. */
export function stepCount(doc: AnswerDocument): number {
  return findNodes(doc, 'kotae-step').length;
}

/**
 * The greeting template with the customer's name from their record. A record whose name only
 * repeats the address has no name: the greeting then addresses them neutrally (「お客様」,
 * "Hello,"), never "sato 様".
 */
export function personalGreeting(
  template: string,
  customer: { name: string; email: string | null; company: string },
  language: 'ja' | 'en',
): string {
  const name = personalName(customer);
  if (name) return fillTemplate(template, { name });
  const neutral =
    language === 'ja'
      ? template.replace(/\{\{\s*name\s*\}\}\s?(様|さま)/g, 'お客様')
      : template.replace(/(Dear|Hi|Hello)\s+\{\{\s*name\s*\}\}\s?,?/g, 'Hello,');
  return fillTemplate(neutral, { name: language === 'ja' ? 'お客様' : 'customer' });
}
