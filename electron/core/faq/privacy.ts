import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type {
  FindingPlace,
  PrivacyDecision,
  PrivacyFinding,
  PrivacySubject,
} from '../../../shared/domain/faq';
import {
  CustomerMatcher,
  QuoteIndex,
  scanText,
  vendorKeys,
  type CustomerIdentity,
  type PrivacyKind,
  type ScanContext,
} from '../../../shared/privacy';
import type { VendorSettings } from '../../../shared/domain/faq';
import type { FaqClip } from './clips';
import type { FaqAnswer, FaqCapability } from './collect';
import { documentUnits, type TextUnit } from './documentText';

// Privacy findings per answer (and per capability shown on the site), grouped by what was found,
// with the vendor's decisions. Scans are cached by a hash of everything they depend on.

/** Bump when the scanner finds different things, so cached scans are redone. */
export const SCANNER_VERSION = 1;
const CONTEXT = 32;

export type Decisions = Map<string, PrivacyDecision>;
export const decisionKey = (subject: PrivacySubject, id: number, kind: string, key: string) =>
  `${subject}:${id}:${kind}:${key}`;

export function loadDecisions(db: Database): Decisions {
  const rows = db
    .prepare('SELECT subject, subject_id, kind, match_key, decision FROM faq_privacy_decisions')
    .all() as {
    subject: PrivacySubject;
    subject_id: number;
    kind: string;
    match_key: string;
    decision: PrivacyDecision;
  }[];
  return new Map(rows.map((r) => [decisionKey(r.subject, r.subject_id, r.kind, r.match_key), r.decision]));
}

/** The scanner for the whole library: its customers, minus the vendor's own addresses. */
export class LibraryScanner {
  readonly customers: CustomerMatcher;
  readonly ignore: ReturnType<typeof vendorKeys>;
  readonly hash: string;

  constructor(customers: readonly CustomerIdentity[], vendor: VendorSettings) {
    this.ignore = vendorKeys({ email: vendor.email, website: vendor.website });
    this.customers = new CustomerMatcher(customers, this.ignore.hosts);
    this.hash = sha256(JSON.stringify([SCANNER_VERSION, customers, this.ignore]));
  }

  context(customerTexts: readonly string[]): ScanContext {
    return { customers: this.customers, quotes: new QuoteIndex(customerTexts), ignore: this.ignore };
  }
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A finding of one unit, before grouping. */
export interface UnitFinding {
  kind: PrivacyKind;
  key: string;
  text: string;
  place: FindingPlace;
  before: string;
  after: string;
}

export function scanUnits(units: readonly TextUnit[], ctx: ScanContext): UnitFinding[] {
  const out: UnitFinding[] = [];
  for (const unit of units) {
    for (const f of scanText(unit.text, ctx)) {
      out.push({
        kind: f.kind,
        key: f.key,
        text: f.text,
        place: unit.place,
        before: unit.text.slice(Math.max(0, f.start - CONTEXT), f.start).replace(/\s+/g, ' '),
        after: unit.text.slice(f.end, f.end + CONTEXT).replace(/\s+/g, ' '),
      });
    }
  }
  return out;
}

/** Everything of an answer that the site publishes as text. */
export function answerUnits(
  answer: Pick<FaqAnswer, 'title' | 'doc' | 'clipIds'>,
  clips: ReadonlyMap<number, FaqClip>,
): TextUnit[] {
  const units: TextUnit[] = [{ place: 'title', text: answer.title }, ...documentUnits(answer.doc)];
  for (const id of answer.clipIds) {
    const clip = clips.get(id);
    if (!clip?.video) continue;
    units.push({ place: 'video', text: clip.title });
    for (const c of clip.chapters) units.push({ place: 'video', text: c.title });
    for (const c of clip.captions) units.push({ place: 'video', text: c.text });
  }
  return units.filter((u) => u.text.trim() !== '');
}

export function capabilityUnits(c: FaqCapability): TextUnit[] {
  return [
    { place: 'title' as const, text: c.title },
    { place: 'description' as const, text: c.description },
  ].filter((u) => u.text.trim() !== '');
}

export type GroupedFinding = Omit<PrivacyFinding, 'subject' | 'subjectId' | 'subjectTitle' | 'decision'>;

export function group(findings: readonly UnitFinding[]): GroupedFinding[] {
  const byKey = new Map<string, GroupedFinding>();
  for (const f of findings) {
    const k = `${f.kind}:${f.key}`;
    const g = byKey.get(k);
    if (g) g.count += 1;
    else byKey.set(k, { ...f, count: 1 });
  }
  return [...byKey.values()];
}

/** Hash of what an answer's scan depends on. */
export function scanHash(
  answer: FaqAnswer,
  clips: ReadonlyMap<number, FaqClip>,
  texts: readonly string[],
  scanner: LibraryScanner,
): string {
  const clipData = answer.clipIds.map((id) => clips.get(id) ?? null);
  return sha256(JSON.stringify([scanner.hash, answer.title, answer.docHash, clipData, texts]));
}

/**
 * Scans the answers, reusing cached scans whose inputs are unchanged and storing new ones.
 * `texts` gives the customer texts of an answer (its questions and inbound mail).
 */
export function scanAnswers(
  db: Database,
  answers: readonly FaqAnswer[],
  clips: ReadonlyMap<number, FaqClip>,
  texts: ReadonlyMap<number, string[]>,
  scanner: LibraryScanner,
): Map<number, { hash: string; findings: GroupedFinding[] }> {
  const cached = new Map(
    (
      db
        .prepare('SELECT answer_id, input_hash, findings, doc_fingerprint, clip_ids FROM faq_scan_cache')
        .all() as {
        answer_id: number;
        input_hash: string;
        findings: string;
        doc_fingerprint: string;
        clip_ids: string | null;
      }[]
    ).map((r) => [r.answer_id, r]),
  );
  // With the scan, the clips the document places: what the next publication reads instead of it.
  const store = db.prepare(
    `INSERT OR REPLACE INTO faq_scan_cache (answer_id, input_hash, findings, doc_fingerprint, doc_hash, clip_ids)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const out = new Map<number, { hash: string; findings: GroupedFinding[] }>();
  const fresh: [number, string, string, string, string, string][] = [];
  for (const a of answers) {
    const t = texts.get(a.id) ?? [];
    const hash = scanHash(a, clips, t, scanner);
    const hit = cached.get(a.id);
    const placed = JSON.stringify(a.placedClipIds);
    if (hit && hit.input_hash === hash) {
      out.set(a.id, { hash, findings: JSON.parse(hit.findings) as GroupedFinding[] });
      // Saved again without a change (new revision, same text): remember the new fingerprint.
      if (hit.doc_fingerprint !== a.docFingerprint || hit.clip_ids !== placed)
        fresh.push([a.id, hash, hit.findings, a.docFingerprint, a.docHash, placed]);
      continue;
    }
    const findings = group(scanUnits(answerUnits(a, clips), scanner.context(t)));
    out.set(a.id, { hash, findings });
    fresh.push([a.id, hash, JSON.stringify(findings), a.docFingerprint, a.docHash, placed]);
  }
  // The cache is derived data: it is written outside the work log, and a read-only library skips it.
  if (fresh.length) {
    try {
      db.transaction(() => {
        for (const row of fresh) store.run(...row);
      })();
    } catch {
      /* read-only: scanning again next time is the only cost */
    }
  }
  return out;
}

/** All customer texts of the given answers, in one query. */
export function customerTextsByAnswer(db: Database): Map<number, string[]> {
  const rows = db
    .prepare(
      `SELECT aq.answer_id AS id, q.subject AS text FROM answer_questions aq JOIN questions q ON q.id = aq.question_id
       UNION ALL SELECT aq.answer_id, q.body FROM answer_questions aq JOIN questions q ON q.id = aq.question_id
       UNION ALL SELECT aq.answer_id, m.text FROM answer_questions aq JOIN messages m ON m.question_id = aq.question_id
         WHERE m.direction = 'in'`,
    )
    .all() as { id: number; text: string }[];
  const out = new Map<number, string[]>();
  for (const r of rows) {
    if (!r.text.trim()) continue;
    const list = out.get(r.id) ?? [];
    list.push(r.text);
    out.set(r.id, list);
  }
  return out;
}
