import { hash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { publicDocument } from '../../../shared/answers/publicVersion';
import type {
  FindingPlace,
  PrivacyDecision,
  PrivacyFinding,
  PrivacySubject,
  VendorSettings,
} from '../../../shared/domain/faq';
import {
  privacyKinds,
  vendorKeys,
  type CustomerIdentity,
  type PrivacyKind,
  type TextFinding,
} from '../../../shared/privacy';
import type { FaqClip } from './clips';
import type { FaqAnswer, FaqCapability } from './collect';
import { documentUnits, type TextUnit } from './documentText';
import { scanWorker, type ScanJob, type ScannerSpec } from './scan';

// Privacy findings per answer (and per capability shown on the site), grouped by what was found,
// with the vendor's decisions. The scan reads the public version of each answer (what the site
// will show), runs in the scan worker, and is cached per answer by a hash of everything it depends
// on (the answer's revision among them), with the findings of each text unit, so a publication
// redacts from the cache instead of scanning again.

/** Bump when the scanner finds different things, so cached scans are redone. */
export const SCANNER_VERSION = 2;
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

export function sha256(text: string): string {
  return hash('sha256', text);
}

/** The library's customers and the vendor's own addresses, as the scan worker needs them. */
export class LibraryScanner {
  readonly spec: ScannerSpec;

  constructor(customers: readonly CustomerIdentity[], vendor: VendorSettings) {
    const ignore = vendorKeys({ email: vendor.email, website: vendor.website });
    this.spec = {
      hash: sha256(JSON.stringify([SCANNER_VERSION, customers, ignore])),
      customers: [...customers],
      ignore,
    };
  }

  get hash(): string {
    return this.spec.hash;
  }
}

/** What identifies a text unit in the cache: its place and text, hashed. */
export const unitKey = (unit: TextUnit) => sha256(`${unit.place}\u0000${unit.text}`).slice(0, 32);

/** A finding of one unit, before grouping. */
export interface UnitFinding {
  kind: PrivacyKind;
  key: string;
  text: string;
  place: FindingPlace;
  before: string;
  after: string;
}

export function inContext(unit: TextUnit, findings: readonly TextFinding[]): UnitFinding[] {
  return findings.map((f) => ({
    kind: f.kind,
    key: f.key,
    text: f.text,
    place: unit.place,
    before: unit.text.slice(Math.max(0, f.start - CONTEXT), f.start).replace(/\s+/g, ' '),
    after: unit.text.slice(f.end, f.end + CONTEXT).replace(/\s+/g, ' '),
  }));
}

/** Everything of an answer that the site publishes as text: its public version. */
export function answerUnits(
  answer: Pick<FaqAnswer, 'title' | 'doc' | 'clipIds'>,
  clips: ReadonlyMap<number, FaqClip>,
): TextUnit[] {
  const units: TextUnit[] = [
    { place: 'title', text: answer.title },
    ...documentUnits(publicDocument(answer.doc)),
  ];
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

/** The scan of one answer: its findings grouped, and the findings of each unit that has any. */
export interface AnswerScan {
  hash: string;
  findings: GroupedFinding[];
  units: Map<string, TextFinding[]>;
}

const StoredFinding = z.object({
  kind: z.enum(privacyKinds),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  text: z.string(),
  key: z.string(),
});
/** The cache row's findings column: checked when read, like any other door. */
const StoredScan = z.object({
  v: z.literal(SCANNER_VERSION),
  findings: z.array(
    z.object({
      kind: z.enum(privacyKinds),
      key: z.string(),
      text: z.string(),
      place: z.enum(['title', 'body', 'image', 'link', 'video', 'description']),
      before: z.string(),
      after: z.string(),
      count: z.number().int(),
    }),
  ),
  units: z.record(z.string(), z.array(StoredFinding)),
});

function stored(scan: Omit<AnswerScan, 'hash'>): string {
  return JSON.stringify({
    v: SCANNER_VERSION,
    findings: scan.findings,
    units: Object.fromEntries(scan.units),
  });
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

export interface ScanOptions {
  signal?: AbortSignal;
  /** Share of the answers to scan that are done. */
  progress?: (fraction: number) => void;
}

/** The findings of units scanned in the worker, grouped, with the units that had any. */
export function scanOf(
  hash: string,
  units: readonly TextUnit[],
  found: readonly TextFinding[][],
): AnswerScan {
  const unitMap = new Map<string, TextFinding[]>();
  const all: UnitFinding[] = [];
  units.forEach((unit, i) => {
    const list = found[i] ?? [];
    if (!list.length) return;
    unitMap.set(unitKey(unit), list);
    all.push(...inContext(unit, list));
  });
  return { hash, findings: group(all), units: unitMap };
}

/**
 * Scans the answers, reusing cached scans whose inputs are unchanged and storing new ones.
 * `texts` gives the customer texts of an answer (its questions and inbound mail).
 */
export async function scanAnswers(
  db: Database,
  answers: readonly FaqAnswer[],
  clips: ReadonlyMap<number, FaqClip>,
  texts: ReadonlyMap<number, string[]>,
  scanner: LibraryScanner,
  options: ScanOptions = {},
): Promise<Map<number, AnswerScan>> {
  const cached = new Map(
    (
      db
        .prepare(
          'SELECT answer_id, input_hash, findings, doc_fingerprint, clip_ids, public_title FROM faq_scan_cache',
        )
        .all() as {
        answer_id: number;
        input_hash: string;
        findings: string;
        doc_fingerprint: string;
        clip_ids: string | null;
        public_title: string | null;
      }[]
    ).map((r) => [r.answer_id, r]),
  );
  const out = new Map<number, AnswerScan>();
  // With the scan, what the next publication reads instead of the document: the clips it places
  // and its public title.
  const fresh: [number, string, string, string, string, string, string | null][] = [];
  const misses: { answer: FaqAnswer; hash: string; units: TextUnit[] }[] = [];
  for (const a of answers) {
    const t = texts.get(a.id) ?? [];
    const hash = scanHash(a, clips, t, scanner);
    const hit = cached.get(a.id);
    const placed = JSON.stringify(a.placedClipIds);
    const parsed = hit && hit.input_hash === hash ? StoredScan.safeParse(JSON.parse(hit.findings)) : null;
    if (hit && parsed?.success) {
      out.set(a.id, {
        hash,
        findings: parsed.data.findings,
        units: new Map(Object.entries(parsed.data.units)),
      });
      // Saved again without a change (new revision, same text): remember the new fingerprint.
      if (
        hit.doc_fingerprint !== a.docFingerprint ||
        hit.clip_ids !== placed ||
        hit.public_title !== a.publicTitle
      )
        fresh.push([a.id, hash, hit.findings, a.docFingerprint, a.docHash, placed, a.publicTitle]);
      continue;
    }
    misses.push({ answer: a, hash, units: [] });
  }
  if (misses.length) {
    // Each document is read, checked and cut into units only as the scan worker asks for more:
    // the worker scans one batch while this thread parses the next (the parse is the larger half
    // of a first scan of 10,000 answers).
    function* jobs(): Generator<ScanJob> {
      for (const m of misses) {
        m.units = answerUnits(m.answer, clips);
        yield { units: m.units.map((u) => u.text), customerTexts: texts.get(m.answer.id) ?? [] };
      }
    }
    const found = await scanWorker.scan(scanner.spec, jobs(), {
      total: misses.length,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.progress ? { progress: options.progress } : {}),
    });
    misses.forEach((m, i) => {
      const scan = scanOf(m.hash, m.units, found[i]!);
      out.set(m.answer.id, scan);
      const a = m.answer;
      fresh.push([
        a.id,
        m.hash,
        stored(scan),
        a.docFingerprint,
        a.docHash,
        JSON.stringify(a.placedClipIds),
        a.publicTitle,
      ]);
    });
  }
  // The cache is derived data: it is written outside the work log, and a read-only library skips it.
  if (fresh.length) {
    try {
      const store = db.prepare(
        `INSERT OR REPLACE INTO faq_scan_cache
           (answer_id, input_hash, findings, doc_fingerprint, doc_hash, clip_ids, public_title)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      );
      db.transaction(() => {
        for (const row of fresh) store.run(...row);
      }).immediate();
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
