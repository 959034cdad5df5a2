import { readFileSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import {
  findNodes,
  type AnswerDocument,
  type ImageNode,
  type StepNode,
  type VideoNode,
} from '../../../shared/answers/document';
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
  ext: string;
  alt: string;
}

export interface BundleContent {
  answer: {
    id: number;
    title: string;
    revision: number;
    language: Language;
    doc: AnswerDocument;
    verifiedVersion: string | null;
    verifiedAt: string | null;
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
    .prepare(
      'SELECT id, title, revision, language, doc, verified_version, verified_at FROM answers WHERE id = ?',
    )
    .get(request.answerId) as
    | {
        id: number;
        title: string;
        revision: number;
        language: Language;
        doc: string;
        verified_version: string | null;
        verified_at: string | null;
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
    ? (db.prepare('SELECT id, name, email FROM customers WHERE id = ?').get(customerId) as
        { id: number; name: string; email: string | null } | undefined)
    : undefined;
  if (customerId && !customer) throw new KotaeError('NOT_FOUND', { id: customerId });
  if (request.personalised && !customer) throw blocked('customerNeeded');

  const language = answer.language;
  const personalised = request.personalised && !!customer;
  const greetingTemplate = personalised ? template(db, 'greeting', language) : null;
  const product = db
    .prepare('SELECT name FROM products WHERE id = coalesce(?, (SELECT min(id) FROM products))')
    .get(question?.product_id ?? null) as { name: string } | undefined;

  const doc = JSON.parse(answer.doc) as AnswerDocument;
  return {
    answer: {
      id: answer.id,
      title: answer.title,
      revision: answer.revision,
      language,
      doc,
      verifiedVersion: answer.verified_version,
      verifiedAt: answer.verified_at,
    },
    customer: customer ?? null,
    question: question ? { id: question.id, subject: question.subject } : null,
    personalised,
    greeting: greetingTemplate && customer ? fillTemplate(greetingTemplate, { name: customer.name }) : null,
    closing: template(db, 'closing', language),
    vendor: readVendor(library, language),
    productName: product?.name ?? null,
    clips: referencedClips(db, doc, (sha, ext) => readStoredText(library, sha, ext)),
    images: referencedImages(doc),
  };
}

function referencedClipIds(doc: AnswerDocument): number[] {
  const ids: number[] = [];
  const walk = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'kotae-video') {
      const id = (node as unknown as VideoNode).clipId;
      if (id !== null) ids.push(id);
    }
    if (node.type === 'kotae-step') {
      const link = (node as unknown as StepNode).videoLink;
      if (link) ids.push(link.clipId);
    }
    for (const child of (node.children ?? []) as { type: string; children?: unknown[] }[]) walk(child);
  };
  walk(doc.root);
  return [...new Set(ids)];
}

/** A small text file of the media store (a clip's captions), or null when it is missing. */
function readStoredText(library: Library, sha256: string, ext: string): string | null {
  try {
    return readFileSync(library.media.pathFor(sha256, ext), 'utf8');
  } catch {
    return null;
  }
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

function referencedImages(doc: AnswerDocument): BundleImage[] {
  const seen = new Map<string, BundleImage>();
  const add = (img: { sha256: string; ext: string; alt: string } | null) => {
    if (img && /^[0-9a-f]{64}$/.test(img.sha256) && !seen.has(img.sha256)) seen.set(img.sha256, img);
  };
  const walk = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'kotae-image') add(node as unknown as ImageNode);
    if (node.type === 'kotae-step') add((node as unknown as StepNode).screenshot);
    for (const child of (node.children ?? []) as { type: string; children?: unknown[] }[]) walk(child);
  };
  walk(doc.root);
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
