import type { PrivacyFinding } from '../../../shared/domain/faq';
import type { TextFinding } from '../../../shared/privacy';
import type { Library } from '../library';
import { collectSite, type FaqCapability, type SiteSnapshot } from './collect';
import { cut, type TextUnit } from './documentText';
import { buildTopics, type SiteStructure } from './model';
import {
  LibraryScanner,
  capabilityUnits,
  customerTextsByAnswer,
  decisionKey,
  group,
  inContext,
  loadDecisions,
  scanAnswers,
  unitKey,
  type AnswerScan,
  type Decisions,
  type GroupedFinding,
  type ScanOptions,
} from './privacy';
import { scanWorker } from './scan';

// What the Publish screen and a publication both start from: the snapshot of the library, the
// privacy findings of everything the site would show (scanned in the worker, off the main
// thread), and the vendor's decisions about them.

export interface Prepared {
  snapshot: SiteSnapshot;
  scanner: LibraryScanner;
  scans: Map<number, AnswerScan>;
  /** What the customers wrote in the questions of each answer (for the verbatim check). */
  texts: Map<number, string[]>;
  decisions: Decisions;
  structure: SiteStructure;
  /** Capabilities the site shows (topics and the operations answers are filed under). */
  shownCapabilities: FaqCapability[];
  /** Findings of each capability text unit that has any (unitKey → findings). */
  capabilityFindings: Map<string, TextFinding[]>;
  findings: PrivacyFinding[];
  unresolved: number;
}

export async function prepare(library: Library, options: ScanOptions = {}): Promise<Prepared> {
  const snapshot = collectSite(library);
  const scanner = new LibraryScanner(snapshot.customers, snapshot.vendor);
  const texts = customerTextsByAnswer(library.db);
  const decisions = loadDecisions(library.db);
  const structure = buildTopics(snapshot.answers, snapshot.capabilities);
  const shown = new Map<number, FaqCapability>();
  for (const t of structure.topics) {
    if (t.capability) shown.set(t.capability.id, t.capability);
    for (const s of t.sections) if (s.capability) shown.set(s.capability.id, s.capability);
  }
  const scans = await scanAnswers(library.db, snapshot.answers, snapshot.clips, texts, scanner, options);
  const capabilities = [...shown.values()];
  const capUnits = capabilities.map(capabilityUnits);
  const capFound = await scanCapabilities(scanner, capUnits, options.signal);
  const capabilityFindings = new Map<string, TextFinding[]>();
  const findings: PrivacyFinding[] = [];
  const add = (
    subject: 'answer' | 'capability',
    id: number,
    title: string,
    list: readonly GroupedFinding[],
  ) => {
    for (const f of list)
      findings.push({
        ...f,
        subject,
        subjectId: id,
        subjectTitle: title,
        decision: decisions.get(decisionKey(subject, id, f.kind, f.key)) ?? null,
      });
  };
  for (const a of snapshot.answers) add('answer', a.id, a.title, scans.get(a.id)?.findings ?? []);
  capabilities.forEach((c, i) => {
    const units = capUnits[i]!;
    const found = units.flatMap((unit, k) => {
      const list = capFound[i]?.[k] ?? [];
      if (list.length) capabilityFindings.set(unitKey(unit), list);
      return inContext(unit, list);
    });
    add('capability', c.id, c.title, group(found));
  });
  return {
    snapshot,
    scanner,
    scans,
    texts,
    decisions,
    structure,
    shownCapabilities: capabilities,
    capabilityFindings,
    findings,
    unresolved: findings.filter((f) => f.decision === null).length,
  };
}

/**
 * Capability texts scanned before, by scanner and text: the Publish screen asks for the overview
 * after every decision, and the capabilities rarely change. Bounded, like any cache of this process.
 */
const capabilityCache = new Map<string, TextFinding[]>();
const CAPABILITY_CACHE_SIZE = 20_000;

/** The findings of each capability text unit: from the cache, or scanned together in one request. */
async function scanCapabilities(
  scanner: LibraryScanner,
  units: readonly TextUnit[][],
  signal?: AbortSignal,
): Promise<TextFinding[][][]> {
  const key = (u: TextUnit) => `${scanner.hash}:${unitKey(u)}`;
  const missing = units.map((list) => list.filter((u) => !capabilityCache.has(key(u))));
  if (missing.some((list) => list.length)) {
    const found = await scanWorker.scan(
      scanner.spec,
      missing.map((list) => ({ units: list.map((u) => u.text), customerTexts: [] })),
      signal ? { signal } : {},
    );
    if (capabilityCache.size > CAPABILITY_CACHE_SIZE) capabilityCache.clear();
    missing.forEach((list, i) => list.forEach((u, k) => capabilityCache.set(key(u), found[i]?.[k] ?? [])));
  }
  return units.map((list) => list.map((u) => capabilityCache.get(key(u)) ?? []));
}

/** A capability's title or description as the site shows it (decided findings redacted). */
export function redactCapabilityText(
  prepared: Prepared,
  capabilityId: number,
  place: 'title' | 'description',
  text: string,
  placeholder: string,
): string {
  const found = prepared.capabilityFindings.get(unitKey({ place, text })) ?? [];
  const ranges = found.filter(
    (f) => prepared.decisions.get(decisionKey('capability', capabilityId, f.kind, f.key)) !== 'not_personal',
  );
  return cut(text, ranges, placeholder);
}
