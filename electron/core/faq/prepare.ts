import type { PrivacyFinding } from '../../../shared/domain/faq';
import { scanText } from '../../../shared/privacy';
import type { Library } from '../library';
import { collectSite, type FaqCapability, type SiteSnapshot } from './collect';
import { cut } from './documentText';
import { buildTopics, type SiteStructure } from './model';
import {
  LibraryScanner,
  capabilityUnits,
  customerTextsByAnswer,
  decisionKey,
  group,
  loadDecisions,
  scanAnswers,
  scanUnits,
  type Decisions,
  type GroupedFinding,
} from './privacy';

// What the Publish screen and a publication both start from: the snapshot of the library, the
// privacy findings of everything the site would show, and the vendor's decisions about them.

export interface Prepared {
  snapshot: SiteSnapshot;
  scanner: LibraryScanner;
  scans: Map<number, { hash: string; findings: GroupedFinding[] }>;
  /** What the customers wrote in the questions of each answer (for the verbatim check). */
  texts: Map<number, string[]>;
  decisions: Decisions;
  structure: SiteStructure;
  /** Capabilities the site shows (topics and the operations answers are filed under). */
  shownCapabilities: FaqCapability[];
  findings: PrivacyFinding[];
  unresolved: number;
}

export function prepare(library: Library): Prepared {
  const snapshot = collectSite(library);
  const scanner = new LibraryScanner(snapshot.customers, snapshot.vendor);
  const texts = customerTextsByAnswer(library.db);
  const scans = scanAnswers(library.db, snapshot.answers, snapshot.clips, texts, scanner);
  const decisions = loadDecisions(library.db);
  const structure = buildTopics(snapshot.answers, snapshot.capabilities);
  const shown = new Map<number, FaqCapability>();
  for (const t of structure.topics) {
    if (t.capability) shown.set(t.capability.id, t.capability);
    for (const s of t.sections) if (s.capability) shown.set(s.capability.id, s.capability);
  }
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
  const noQuotes = scanner.context([]);
  for (const c of shown.values())
    add('capability', c.id, c.title, group(scanUnits(capabilityUnits(c), noQuotes)));
  return {
    snapshot,
    scanner,
    scans,
    texts,
    decisions,
    structure,
    shownCapabilities: [...shown.values()],
    findings,
    unresolved: findings.filter((f) => f.decision === null).length,
  };
}

/** A capability's title or description as the site shows it (decided findings redacted). */
export function redactCapabilityText(
  prepared: Prepared,
  capabilityId: number,
  text: string,
  placeholder: string,
): string {
  const ctx = prepared.scanner.context([]);
  const ranges = scanText(text, ctx).filter(
    (f) => prepared.decisions.get(decisionKey('capability', capabilityId, f.kind, f.key)) !== 'not_personal',
  );
  return cut(text, ranges, placeholder);
}
