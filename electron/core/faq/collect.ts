import { hash as digest } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { findNodes, type AnswerDocument } from '../../../shared/answers/document';
import { documentError, parseAnswerDocument, parseDocumentJson } from '../../../shared/answers/validate';
import { PUBLIC_TITLE_STATE, publicTitleOf } from '../../../shared/answers/publicVersion';
import type { FaqSettings, VendorSettings } from '../../../shared/domain/faq';
import { KotaeError } from '../../../shared/errors';
import type { CustomerIdentity } from '../../../shared/privacy';
import type { Library } from '../library';
import { loadClips, type FaqClip } from './clips';
import { readFaqSettings, readVendor } from './settings';
import { capabilityTextIn } from '../../../shared/domain/capability';
import { listCapabilities } from '../capabilities';

// Everything a publication needs, read from the library in one go (one consistent snapshot; the
// rest of the publication works on this and never touches the database until it records itself).

export interface FaqAnswer {
  id: number;
  /** The title the FAQ shows: the public title, or the answer's title when it has none. */
  title: string;
  /** The answer's own title, as the vendor sees it in the app. */
  ownTitle: string;
  /** The title set in the document for the FAQ (root node state), if any. */
  publicTitle: string | null;
  slug: string;
  language: 'ja' | 'en';
  doc: AnswerDocument;
  docJson: string;
  /** sha256 of the stored document: what the cache keys hash instead of the whole JSON. */
  docHash: string;
  docFingerprint: string;
  revision: number;
  updatedAt: string;
  verifiedVersion: string | null;
  /** Capabilities of the questions the answer serves. */
  capabilityIds: number[];
  /** Clips placed in the document, then clips attached to the answer but not placed. */
  clipIds: number[];
  /** Clips placed in the document (what faq_scan_cache remembers for this version of it). */
  placedClipIds: number[];
}

export interface FaqCapability {
  id: number;
  parentId: number | null;
  title: string;
  description: string;
  position: number;
  /** Set when the text is not in the site's language (no translation yet). */
  language?: 'ja' | 'en';
}

export interface SiteSnapshot {
  answers: FaqAnswer[];
  capabilities: FaqCapability[];
  clips: Map<number, FaqClip>;
  customers: CustomerIdentity[];
  vendor: VendorSettings;
  settings: FaqSettings;
  productName: string;
}

interface AnswerRow {
  id: number;
  /** The answer's own title (the customer's subject, often). */
  own_title: string;
  slug: string;
  language: 'ja' | 'en';
  revision: number;
  updated_at: string;
  verified_version: string | null;
  doc_length: number;
  /** The clips placed in the document, as remembered for `cached_fingerprint` (JSON), or null. */
  cached_clip_ids: string | null;
  /** The document's public title, remembered with the clips (null: none). */
  cached_public_title: string | null;
  cached_fingerprint: string | null;
}

/**
 * The public answers, without their documents: a republish of ten thousand answers reads only
 * the few it renders. octet_length() comes from the row's header, not its 5 KB of JSON; which clips
 * a document places is remembered from the last scan of that version (issue 20: reading every
 * document to look for clips was most of a one-edit republish).
 */
export function publicAnswerRows(db: Database): AnswerRow[] {
  return db
    .prepare(
      `SELECT a.id, a.title AS own_title, a.slug, a.language, a.revision, a.updated_at, a.verified_version,
              octet_length(a.doc) AS doc_length, c.clip_ids AS cached_clip_ids,
              c.public_title AS cached_public_title, c.doc_fingerprint AS cached_fingerprint
       FROM answers a LEFT JOIN faq_scan_cache c ON c.answer_id = a.id
       WHERE a.is_public = 1 ORDER BY a.id`,
    )
    .all() as AnswerRow[];
}

/**
 * A version of an answer's document, told without reading it: every save through the answers
 * service bumps the revision and the update time. Used only to reuse what was derived from it.
 */
export function docFingerprint(r: { revision: number; updated_at: string; doc_length: number }): string {
  return `${r.revision}|${r.updated_at}|${r.doc_length}`;
}

export function answerCapabilities(db: Database): Map<number, number[]> {
  const rows = db
    .prepare(
      `SELECT DISTINCT aq.answer_id AS answer_id, qc.capability_id AS capability_id
       FROM answer_questions aq JOIN question_capabilities qc ON qc.question_id = aq.question_id
       ORDER BY aq.answer_id, qc.capability_id`,
    )
    .all() as { answer_id: number; capability_id: number }[];
  const out = new Map<number, number[]>();
  for (const r of rows) {
    const list = out.get(r.answer_id) ?? [];
    list.push(r.capability_id);
    out.set(r.answer_id, list);
  }
  return out;
}

/** Everyone the library knows as a customer, and the names inbound mail came from. */
export function customerIdentities(db: Database): CustomerIdentity[] {
  const customers = db
    .prepare('SELECT name, company, email, phone, website FROM customers')
    .all() as CustomerIdentity[];
  const known = new Set(customers.map((c) => c.name.replace(/\s+/g, '')));
  const senders = db
    .prepare("SELECT DISTINCT from_name FROM messages WHERE direction = 'in' AND from_name <> ''")
    .all() as { from_name: string }[];
  for (const s of senders) {
    if (!known.has(s.from_name.replace(/\s+/g, '')))
      customers.push({ name: s.from_name, company: '', email: null, phone: '', website: '' });
  }
  return customers;
}

/** What a publication needs of a document besides rendering it: the clips it places, its public title. */
interface Derived {
  placed: number[];
  publicTitle: string | null;
}

/** Remembered for this version of the document (faq_scan_cache), else read from the document. */
function derivedOf(r: AnswerRow, docJson: () => string, doc: () => AnswerDocument): Derived {
  if (r.cached_clip_ids !== null && r.cached_fingerprint === docFingerprint(r)) {
    const ids = JSON.parse(r.cached_clip_ids) as unknown;
    if (Array.isArray(ids) && ids.every((id) => Number.isInteger(id)))
      return { placed: ids as number[], publicTitle: r.cached_public_title };
  }
  const json = docJson();
  // Most answers have neither clips nor a public title: no need to parse them for this.
  const clipsIn = json.includes('"kotae-video"') || json.includes('"videoLink":{');
  if (!clipsIn && !json.includes(PUBLIC_TITLE_STATE)) return { placed: [], publicTitle: null };
  const parsed = doc();
  const title = publicTitleOf(parsed, '');
  return { placed: clipsIn ? clipIdsOf(parsed) : [], publicTitle: title || null };
}

/**
 * A public answer's document, checked: the publication stops on one that fails the schema, naming
 * the answer and the node, as a bundle export does (issue 15).
 */
function publishedDocument(json: string, answer: { own_title: string }): AnswerDocument {
  const checked = parseDocumentJson(json, parseAnswerDocument);
  if (!checked.ok)
    throw documentError(checked.problem, {
      code: 'PUBLISH_BLOCKED',
      messageKey: 'errors:PUBLISH_BLOCKED_DOCUMENT',
      params: { answer: answer.own_title },
    });
  return checked.doc;
}

export function clipIdsOf(doc: AnswerDocument): number[] {
  const ids = [
    ...findNodes(doc, 'kotae-video').map((v) => v.clipId),
    ...findNodes(doc, 'kotae-step').map((s) => s.videoLink?.clipId ?? null),
  ].filter((id): id is number => typeof id === 'number');
  return [...new Set(ids)];
}

export function collectSite(library: Library): SiteSnapshot {
  const db = library.db;
  return db.transaction(() => {
    const caps = answerCapabilities(db);
    const knownHashes = new Map(
      (
        db.prepare('SELECT answer_id, doc_fingerprint, doc_hash FROM faq_scan_cache').all() as {
          answer_id: number;
          doc_fingerprint: string;
          doc_hash: string;
        }[]
      ).map((c) => [c.answer_id, c]),
    );
    const readDoc = db.prepare(
      'SELECT doc, revision, updated_at, octet_length(doc) AS doc_length FROM answers WHERE id = ?',
    );
    const answers: FaqAnswer[] = publicAnswerRows(db).map((r) => {
      const fingerprint = docFingerprint(r);
      let json: string | null = null;
      let parsed: AnswerDocument | null = null;
      let hash: string | null = null;
      const docJson = () => {
        if (json !== null) return json;
        const row = readDoc.get(r.id) as
          { doc: string; revision: number; updated_at: string; doc_length: number } | undefined;
        // Edited while this publication runs: what was checked is not what would be published.
        if (!row || docFingerprint(row) !== fingerprint)
          throw new KotaeError('CONFLICT', { id: r.id }, `answer ${r.id} changed during the publication`);
        return (json = row.doc);
      };
      const known = knownHashes.get(r.id);
      const doc = () => (parsed ??= publishedDocument(docJson(), r));
      const derived = derivedOf(r, docJson, doc);
      return {
        id: r.id,
        title: derived.publicTitle ?? r.own_title,
        ownTitle: r.own_title,
        publicTitle: derived.publicTitle,
        slug: r.slug,
        language: r.language,
        // Read and parsed when first needed: a republish renders only what changed.
        get doc() {
          return doc();
        },
        get docJson() {
          return docJson();
        },
        get docHash() {
          hash ??=
            known && known.doc_fingerprint === fingerprint && known.doc_hash
              ? known.doc_hash
              : digest('sha256', docJson());
          return hash;
        },
        docFingerprint: fingerprint,
        revision: r.revision,
        updatedAt: r.updated_at,
        verifiedVersion: r.verified_version,
        capabilityIds: caps.get(r.id) ?? [],
        clipIds: [...derived.placed],
        placedClipIds: derived.placed,
      };
    });
    const clips = loadClips(
      db,
      answers.flatMap((a) => a.clipIds),
      answers.map((a) => a.id),
      (sha256, ext) => library.media.readText({ sha256, ext }),
    );
    for (const a of answers) {
      for (const clip of clips.values())
        if (clip.answerId === a.id && !a.clipIds.includes(clip.id)) a.clipIds.push(clip.id);
    }
    // Topics speak the site's language: each capability's text in it, else (not translated yet)
    // the other language's, which the page marks with its own lang attribute.
    const siteLanguage = readFaqSettings(library).language;
    const capabilities = listCapabilities(db).map((c) => {
      const text = capabilityTextIn(c.texts, siteLanguage);
      return {
        id: c.id,
        parentId: c.parentId,
        title: text.title,
        description: text.description,
        position: c.position,
        ...(text.language !== siteLanguage ? { language: text.language } : {}),
      };
    });
    const product = db.prepare('SELECT name FROM products ORDER BY id LIMIT 1').get() as
      { name: string } | undefined;
    return {
      answers,
      capabilities,
      clips,
      customers: customerIdentities(db),
      vendor: readVendor(library),
      settings: readFaqSettings(library),
      productName: product?.name ?? '',
    };
  })();
}

/** What "changed since the last publication" compares: everything of the answer the site shows. */
export function contentKey(answer: FaqAnswer, clips: ReadonlyMap<number, FaqClip>): string {
  return digest(
    'sha256',
    JSON.stringify([
      answer.title,
      answer.docHash,
      answer.language,
      answer.slug,
      answer.verifiedVersion,
      answer.capabilityIds,
      answer.clipIds.map((id) => clips.get(id) ?? null),
    ]),
  );
}
