import type { Database } from 'better-sqlite3';
import {
  FaqOverview,
  PublicPreview,
  PublicationStats,
  type PublicationSummary,
} from '../../../shared/domain/faq';
import { findNodes, video } from '../../../shared/answers/document';
import { KotaeError } from '../../../shared/errors';
import type { Library } from '../library';
import { contentKey } from './collect';
import { prepare } from './prepare';
import { publishedVersion, type PublishedClip } from './renderAnswer';
import { translator } from './site/labels';
import { answerUnits, decisionKey, unitKey } from './privacy';

interface PublicationRow {
  id: number;
  at: string;
  out_dir: string;
  answers: string;
  stats: string;
}

export function lastPublication(
  db: Database,
): (PublicationSummary & { answers: { id: number; slug: string; title: string; key: string }[] }) | null {
  const row = db
    .prepare('SELECT id, at, out_dir, answers, stats FROM publications ORDER BY id DESC LIMIT 1')
    .get() as PublicationRow | undefined;
  if (!row) return null;
  const answers = (() => {
    try {
      const list = JSON.parse(row.answers) as unknown;
      return Array.isArray(list)
        ? list.filter(
            (a): a is { id: number; slug: string; title: string; key: string } => typeof a?.id === 'number',
          )
        : [];
    } catch {
      return [];
    }
  })();
  const stats = PublicationStats.safeParse(JSON.parse(row.stats));
  return {
    id: row.id,
    at: row.at,
    outDir: row.out_dir,
    stats: stats.success ? stats.data : PublicationStats.parse({}),
    answers,
  };
}

/** What the Publish screen shows. */
export async function faqOverview(library: Library): Promise<FaqOverview> {
  const prepared = await prepare(library);
  const { snapshot, structure } = prepared;
  const last = lastPublication(library.db);
  const lastKeys = new Map(last?.answers.map((a) => [a.id, a.key]) ?? []);
  const unresolvedOf = new Map<number, number>();
  for (const f of prepared.findings)
    if (f.subject === 'answer' && f.decision === null)
      unresolvedOf.set(f.subjectId, (unresolvedOf.get(f.subjectId) ?? 0) + 1);
  const publicIds = new Set(snapshot.answers.map((a) => a.id));
  const answers = snapshot.answers
    .map((a) => {
      const key = contentKey(a, snapshot.clips);
      const previous = lastKeys.get(a.id);
      const topics = structure.topics.filter((t) => t.answerIds.includes(a.id));
      return {
        id: a.id,
        title: a.title,
        ownTitle: a.ownTitle !== a.title ? a.ownTitle : null,
        slug: a.slug,
        language: a.language,
        updatedAt: a.updatedAt,
        change:
          previous === undefined
            ? ('new' as const)
            : previous === key
              ? ('unchanged' as const)
              : ('changed' as const),
        unresolved: unresolvedOf.get(a.id) ?? 0,
        areas: topics.map((t) => t.capability?.title ?? '').filter(Boolean),
        videos: a.clipIds.filter((id) => snapshot.clips.get(id)?.video).length,
      };
    })
    .sort((x, y) => y.updatedAt.localeCompare(x.updatedAt) || x.id - y.id);
  const { answers: _published, ...lastSummary } = last ?? { answers: [] };
  return FaqOverview.parse({
    settings: snapshot.settings,
    vendor: snapshot.vendor,
    answers,
    withdrawn: (last?.answers ?? [])
      .filter((a) => !publicIds.has(a.id))
      .map(({ id, slug, title }) => ({ id, slug, title })),
    findings: prepared.findings,
    unresolved: prepared.unresolved,
    lastPublication: last ? lastSummary : null,
  });
}

/** The public text of one public answer, unit by unit, with its findings and their decisions. */
export async function previewAnswer(library: Library, answerId: number): Promise<PublicPreview> {
  const prepared = await prepare(library);
  const answer = prepared.snapshot.answers.find((a) => a.id === answerId);
  if (!answer) throw new KotaeError('NOT_FOUND', { id: answerId }, 'not a public answer');
  const scan = prepared.scans.get(answerId);
  // What the site publishes, through the very step its renderer starts from; undecided findings
  // stay, marked, for the screen to highlight.
  const published = publishedVersion(
    answer,
    {
      unitFindings: (unit) => scan?.units.get(unitKey(unit)) ?? [],
      decisions: prepared.decisions,
      placeholder: (language) => translator(language === 'en' ? 'en' : 'ja')('redacted'),
      clips: prepared.snapshot.clips,
    },
    true,
  );
  const clips = answer.clipIds
    .map(published.clip)
    .filter((c): c is PublishedClip & { clip: { video: object } } => c?.clip.video != null)
    .map((c) => ({
      id: c.clip.id,
      title: c.title,
      sha256: c.clip.video.sha256,
      chapters: c.chapters.map(({ title, startS, stepId }) => ({ title, startS, stepId })),
      captions: c.captions,
    }));
  // The clips the text does not place show above it, as on the page.
  const placed = new Set(findNodes(published.doc, 'kotae-video').map((v) => v.clipId));
  published.doc.root.children.unshift(
    ...clips.filter((c) => !placed.has(c.id)).map((c) => video(c.id, c.title)),
  );
  return PublicPreview.parse({
    answerId,
    title: answer.title,
    ownTitle: answer.ownTitle,
    language: answer.language,
    publishedTitle: published.title,
    doc: published.doc,
    clips,
    units: answerUnits(answer, prepared.snapshot.clips).map((unit) => ({
      place: unit.place,
      text: unit.text,
      marks: (scan?.units.get(unitKey(unit)) ?? []).map((f) => ({
        start: f.start,
        end: f.end,
        kind: f.kind,
        key: f.key,
        decision: prepared.decisions.get(decisionKey('answer', answerId, f.kind, f.key)) ?? null,
      })),
    })),
  });
}
