import { hash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { PublicationStats } from '../../../shared/domain/faq';
import { TOKENIZER_PROBE } from '../../../shared/faq';
import type { Library } from '../library';
import type { FaqAnswer } from './collect';
import { relatedAnswers } from './model';
import type { SiteWriter } from './output';
import type { Prepared } from './prepare';
import { unitKey } from './privacy';
import { renderAnswer, type MediaCopy, type RenderedAnswer } from './renderAnswer';
import type { Chrome } from './site/layout';
import { answerPage, movedPage, type SiteAnswer } from './site/pages';
import { fileOf, paths, rootFrom, safeSlug } from './site/paths';
import { faqVerdictSection } from './site/verdict';
import { siteChrome } from './siteChrome';
import { writeListPages, type AnswerRecord, type SiteState } from './sitePages';
import { writeSearchIndex } from './siteSearch';
import { siteTopics } from './siteTopics';
import { loadTheme, type Theme } from './theme';

// The site of a publication, staged in its writer: each answer's page (reused when nothing it
// shows changed, rendered otherwise), the media they show, redirects from old addresses, the list
// pages, the theme and the search index. Returns what the publication records and verifies.

/** Bump when pages are made differently, so a republish rewrites them all. */
const RENDER_VERSION = 1;

// One-shot hash (same digest as createHash(…).update(…).digest('hex')): ~1 µs a key instead of
// ~4.7 µs; a republish of 10,000 answers makes ~40,000 keys.
const sha = (value: unknown) => hash('sha256', JSON.stringify(value));
const day = (iso: string) => iso.slice(0, 10);

/** The redacted texts of an answer as they are about to be published. */
export interface PublishedAnswer {
  answerId: number;
  units: string[];
}

export interface SiteBuildOptions {
  theme?: Theme | undefined;
  progress: (fraction: number, phase: string) => void;
  check: () => void;
}

export async function buildSite(
  library: Library,
  prepared: Prepared,
  writer: SiteWriter<SiteState>,
  { theme: chosenTheme, progress, check }: SiteBuildOptions,
): Promise<{ state: SiteState; published: PublishedAnswer[]; stats: PublicationStats }> {
  const { snapshot, structure } = prepared;
  const theme = chosenTheme ?? loadTheme();
  const lang = snapshot.settings.language;
  const previous = writer.previous.extra?.version === RENDER_VERSION ? writer.previous.extra : null;

  const { chrome, chromeKey, vendorStyles, logo, logoSource, placeholder, t } = siteChrome(
    library,
    snapshot,
    theme,
    RENDER_VERSION,
  );

  // ---- answers: reuse what is unchanged, render the rest on demand ----
  const taken = new Set<string>();
  const pathOf = new Map<number, string>();
  for (const a of snapshot.answers) {
    let slug = safeSlug(a.slug, a.id);
    if (taken.has(slug)) slug = `${slug}-${a.id}`;
    taken.add(slug);
    pathOf.set(a.id, paths.answer(slug));
  }
  const published: PublishedAnswer[] = [];
  const renderCtx = (a: FaqAnswer) => ({
    decisions: prepared.decisions,
    placeholder,
    t,
    media: library.media,
    clips: snapshot.clips,
    root: rootFrom(pathOf.get(a.id)!),
  });
  const rendered = new Map<number, RenderedAnswer>();
  const render = (a: FaqAnswer): RenderedAnswer => {
    let r = rendered.get(a.id);
    if (!r) {
      const scan = prepared.scans.get(a.id);
      r = renderAnswer(a, {
        ...renderCtx(a),
        unitFindings: (unit) => scan?.units.get(unitKey(unit)) ?? [],
        knownClean: scan?.findings.length === 0,
      });
      rendered.set(a.id, r);
      if (r.published.length) published.push({ answerId: a.id, units: r.published });
    }
    return r;
  };

  const records = new Map<number, AnswerRecord>();
  const siteAnswers = new Map<number, SiteAnswer>();
  const topics = siteTopics(prepared, t, placeholder(lang));
  const topicById = new Map(topics.map((x) => [x.id, x]));

  const decisionsOf = new Map<number, string[]>();
  for (const [key, decision] of [...prepared.decisions].sort()) {
    const m = /^answer:(\d+):/.exec(key);
    if (m) decisionsOf.set(Number(m[1]), [...(decisionsOf.get(Number(m[1])) ?? []), `${key}=${decision}`]);
  }
  const total = snapshot.answers.length;
  snapshot.answers.forEach((a, i) => {
    if (i % 50 === 0) {
      check();
      progress(0.1 + 0.3 * (i / Math.max(1, total)), 'render');
    }
    const decisions = decisionsOf.get(a.id) ?? [];
    const renderKey = sha([
      chromeKey,
      prepared.scans.get(a.id)?.hash,
      decisions,
      a.language,
      pathOf.get(a.id),
      a.updatedAt,
      a.verifiedVersion,
    ]);
    const prev = previous?.answers[String(a.id)];
    let rec: AnswerRecord;
    if (prev && prev.renderKey === renderKey) {
      rec = prev;
    } else {
      const r = render(a);
      rec = {
        renderKey,
        searchKey: '',
        path: pathOf.get(a.id)!,
        title: r.title,
        summary: r.summary,
        language: a.language,
        media: r.media.map((m) => ({ path: m.path, sha256: m.sha256, ext: m.ext })),
        textBytes: Buffer.byteLength(r.title) + Buffer.byteLength(r.text),
        textHash: sha(r.text),
      };
    }
    const topic = structure.topicOf.get(a.id)!;
    // Only what the index holds: a new theme or vendor re-renders pages but leaves the index alone.
    rec.searchKey = sha([
      rec.textHash,
      rec.title,
      rec.path,
      a.language,
      topicById.get(topic.id)?.title ?? null,
      day(a.updatedAt),
    ]);
    records.set(a.id, rec);
    siteAnswers.set(a.id, {
      id: a.id,
      path: rec.path,
      title: rec.title,
      language: a.language,
      updated: day(a.updatedAt),
      verifiedVersion: a.verifiedVersion,
      topicId: topic.id,
      summary: rec.summary,
    });
  });

  // ---- pages ----
  // Related answers depend on capabilities and languages only: reused while those stay the same.
  const relatedKey = sha(
    snapshot.answers.map((a) => [a.id, a.language, a.capabilityIds, structure.topicOf.get(a.id)?.id]),
  );
  const related =
    previous?.relatedKey === relatedKey
      ? new Map(Object.entries(previous.related).map(([id, list]) => [Number(id), list]))
      : relatedAnswers(snapshot.answers, structure);
  let pagesDone = 0;
  const copied = new Set<string>();
  // A page kept from the last publication names its media by what the site's manifest says; they
  // are found through MediaStore.locate like any reference, so a manifest edited to name
  // `png/../../../library.sqlite` leads nowhere (the page is rendered again instead, below).
  const locatable = (m: { sha256: string; ext: string } | null) => !!m && library.media.locate(m).ok;
  const copyMedia = async (m: Pick<MediaCopy, 'path' | 'sha256' | 'ext'> & { source?: string }) => {
    if (copied.has(m.path)) return;
    copied.add(m.path);
    const source = m.source ?? library.media.fileOf(m);
    if (!source) return;
    await writer.copy(m.path, source, m.sha256, statSync(source).size);
  };
  const pages = snapshot.answers.map((a) => {
    const rec = records.get(a.id)!;
    const topic = topicById.get(structure.topicOf.get(a.id)!.id) ?? null;
    const rel = (related.get(a.id) ?? []).map((id) => siteAnswers.get(id)!);
    const pageKey = sha([
      rec.renderKey,
      // The verdict buttons' prepared mails name the revision (issue 22).
      a.revision,
      topic?.id,
      topic?.title,
      topic?.path,
      rel.map((r) => [r.path, r.title, r.language, r.updated]),
    ]);
    return { a, rec, topic, rel, pageKey, file: fileOf(rec.path) };
  });
  const reusable = await writer.reusableMany(
    pages.filter((p) => !rendered.has(p.a.id)).map((p) => [p.file, p.pageKey] as const),
  );
  for (const { a, rec, topic, rel, pageKey, file } of pages) {
    if (pagesDone++ % 50 === 0) {
      check();
      progress(0.4 + 0.3 * (pagesDone / Math.max(1, total)), 'render');
    }
    if (!rendered.has(a.id) && reusable.has(file) && Array.isArray(rec.media) && rec.media.every(locatable)) {
      writer.keep(file);
      for (const m of rec.media) await copyMedia(m);
      continue;
    }
    // Rendering checks the document and stops on a missing picture, naming the answer and the node.
    const r = render(a);
    rec.media = r.media.map((m) => ({ path: m.path, sha256: m.sha256, ext: m.ext }));
    const html = answerPage(chrome, {
      answer: siteAnswers.get(a.id)!,
      topic,
      html: r.html,
      videos: r.videos,
      checkedWith: r.state.verification.checkedWith?.version ?? null,
      related: rel,
      verdict: faqVerdictSection(
        { id: a.id, revision: a.revision, title: rec.title, language: a.language },
        snapshot.vendor,
      ),
    });
    await writer.put(file, html, pageKey);
    for (const m of r.media) await copyMedia(m);
  }

  const redirects = await writeRedirects(writer, chrome, previous, pathOf, siteAnswers);

  check();
  progress(0.72, 'render');
  await writeListPages(writer, {
    chrome,
    chromeKey,
    topics,
    answers: siteAnswers,
    productName: snapshot.productName,
  });
  await writer.put('assets/site.css', theme.css);
  await writer.put('assets/site.js', theme.js);
  await writer.put('assets/vendor.css', vendorStyles);
  if (logo && logoSource) await writer.put(logo, readFileSync(logoSource));

  // ---- search ----
  check();
  progress(0.8, 'index');
  const indexBytes = await writeSearchIndex(writer, {
    previous,
    answers: snapshot.answers,
    siteAnswers,
    records,
    topicTitle: (topicId) => topicById.get(topicId)?.title ?? null,
    text: (a) => render(a).text,
    check,
  });
  progress(0.9, 'write');

  const textBytes = [...records.values()].reduce((n, r) => n + r.textBytes, 0);
  const state: SiteState = {
    version: RENDER_VERSION,
    probe: TOKENIZER_PROBE,
    answers: Object.fromEntries([...records].map(([id, r]) => [String(id), r])),
    redirects,
    relatedKey,
    related: Object.fromEntries([...related].map(([id, list]) => [String(id), list])),
  };
  return {
    state,
    published,
    stats: {
      answers: snapshot.answers.length,
      written: 0,
      removed: 0,
      unchanged: 0,
      bytes: 0,
      indexBytes,
      textBytes,
      durationMs: 0,
    } satisfies PublicationStats,
  };
}

/** Pages left at the old address of answers whose slug changed, pointing to the new one. */
async function writeRedirects(
  writer: SiteWriter<SiteState>,
  chrome: Chrome,
  previous: SiteState | null,
  pathOf: ReadonlyMap<number, string>,
  siteAnswers: ReadonlyMap<number, SiteAnswer>,
): Promise<Record<string, number>> {
  const redirects: Record<string, number> = {};
  for (const [from, id] of Object.entries(previous?.redirects ?? {})) redirects[from] = id;
  for (const [id, prev] of Object.entries(previous?.answers ?? {})) {
    const now = pathOf.get(Number(id));
    if (now && prev.path !== now) redirects[prev.path] = Number(id);
  }
  for (const [from, id] of Object.entries(redirects)) {
    const to = pathOf.get(id);
    const file = fileOf(from);
    if (!to || to === from || writer.has(file)) {
      delete redirects[from];
      continue;
    }
    await writer.put(file, movedPage(chrome, from, to, siteAnswers.get(id)!.title));
  }

  return redirects;
}
