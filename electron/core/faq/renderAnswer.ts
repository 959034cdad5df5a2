import { plainText } from '../../../shared/answers/document';
import { documentImages, whereParams } from '../../../shared/answers/validate';
import { renderAnswerHtml, videoBlock, answerWords, type ClipView } from '../../../shared/answers/renderHtml';
import { answerState, type AnswerState } from '../../../shared/answers/state';
import { html, type Html } from '../../../shared/html/html';
import { KotaeError } from '../../../shared/errors';
import { publicDocument } from '../../../shared/answers/publicVersion';
import type { TextFinding } from '../../../shared/privacy';
import type { MediaStore } from '../library';
import type { FaqClip } from './clips';
import type { FaqAnswer } from './collect';
import { cut, documentUnits, redactDocument, type Cut, type TextUnit } from './documentText';
import { decisionKey, type Decisions } from './privacy';
import type { Translate } from './site/labels';

// One answer as the site publishes it: its public version (publicVersion.ts), every text unit
// redacted as decided from the findings of its scan, and the texts as published handed back, so the
// publication scans them once more (in the scan worker) and refuses to commit if anything
// undecided survived, whatever the first pass missed.

export interface MediaCopy {
  path: string;
  source: string;
  sha256: string;
  ext: string;
}

export interface RenderedAnswer {
  title: string;
  /** Body HTML with links relative to the answer's page. */
  html: Html;
  /** Videos not placed in the text, shown above it. */
  videos: Html;
  /** The public version's derived state: the page's "Checked with" reads it. */
  state: AnswerState;
  /** Redacted plain text: search, snippets, the summary. */
  text: string;
  summary: string;
  media: MediaCopy[];
  /** Every published text unit, redacted, to be scanned again; empty for a known clean answer. */
  published: string[];
}

export interface RenderContext {
  /** The findings of a text unit of the answer, from its scan. */
  unitFindings: (unit: TextUnit) => readonly TextFinding[];
  decisions: Decisions;
  /** Placeholder for redacted text, in the answer's language. */
  placeholder: (language: string) => string;
  t: Translate;
  media: MediaStore;
  clips: ReadonlyMap<number, FaqClip>;
  /** `../../` from the answer page to the site root. */
  root: string;
  /**
   * The answer's cached scan (same scanner, same customers, same text) found nothing: there is
   * nothing to redact and nothing to verify, and scanning it twice more would only cost time.
   */
  knownClean?: boolean;
}

/**
 * The redaction ranges of a unit, and the findings nobody decided about: cut too (nothing undecided
 * is ever written, even if a caller forgot to check), or, for the Publish screen's preview, marked.
 */
function redactions(
  answerId: number,
  unit: TextUnit,
  ctx: Pick<RenderContext, 'unitFindings' | 'decisions'>,
  undecided: { count: number; sample: string[]; mark: boolean },
): Cut[] {
  const ranges: Cut[] = [];
  for (const f of ctx.unitFindings(unit)) {
    const decision = ctx.decisions.get(decisionKey('answer', answerId, f.kind, f.key));
    if (decision === 'not_personal') continue;
    if (decision === undefined) {
      undecided.count += 1;
      undecided.sample.push(`${f.kind}: ${f.text}`);
    }
    ranges.push({ start: f.start, end: f.end, mark: decision === undefined && undecided.mark });
  }
  return ranges;
}

/** A clip's words as published (before its file is placed anywhere). */
export interface PublishedClip {
  clip: FaqClip;
  title: string;
  chapters: FaqClip['chapters'];
  captions: FaqClip['captions'];
}

/**
 * An answer as the site publishes it, before any markup: the public version of its document
 * (publicVersion.ts) and its title, every text unit redacted as decided from the findings of its
 * scan, and its clips' words the same way. The site renders it (renderAnswer) and the Publish
 * screen's preview draws it with the same renderer; only the preview keeps undecided findings
 * (`markUndecided`), marked, where a publication cuts them and stops.
 */
export function publishedVersion(
  answer: FaqAnswer,
  ctx: Pick<RenderContext, 'unitFindings' | 'decisions' | 'placeholder' | 'clips' | 'knownClean'>,
  markUndecided = false,
) {
  const placeholder = ctx.placeholder(answer.language);
  const undecided = { count: 0, sample: [] as string[], mark: markUndecided };
  const redactUnit = (unit: TextUnit) => (ctx.knownClean ? [] : redactions(answer.id, unit, ctx, undecided));
  const redactString = (place: TextUnit['place'], text: string) =>
    cut(text, redactUnit({ place, text }), placeholder);
  const title = redactString('title', answer.title);
  const doc = publicDocument(structuredClone(answer.doc));
  redactDocument(doc, redactUnit, placeholder);
  const clips = new Map<number, PublishedClip | null>();
  /** A clip's words as published, once per clip; null when there is no such clip. */
  const clip = (clipId: number): PublishedClip | null => {
    if (clips.has(clipId)) return clips.get(clipId)!;
    const c = ctx.clips.get(clipId);
    const published = c
      ? {
          clip: c,
          title: redactString('video', c.title),
          chapters: c.chapters.map((ch) => ({ ...ch, title: redactString('video', ch.title) })),
          captions: c.captions.map((cue) => ({ ...cue, text: redactString('video', cue.text) })),
        }
      : null;
    clips.set(clipId, published);
    return published;
  };
  return { title, doc, clip, undecided };
}

export function renderAnswer(answer: FaqAnswer, ctx: RenderContext): RenderedAnswer {
  const { title, doc, clip: publishedClip, undecided } = publishedVersion(answer, ctx);
  // Every picture's file must be there before anything is rendered: a publication stops on a
  // missing one, naming the answer and the node, rather than publishing a page without it.
  for (const img of documentImages(doc)) {
    if (!ctx.media.fileOf(img))
      throw new KotaeError(
        'PUBLISH_BLOCKED',
        { ...whereParams(img.where), answer: answer.title },
        `answer ${answer.id}: media file ${img.sha256}.${img.ext} missing`,
        'errors:PUBLISH_BLOCKED_MEDIA',
      );
  }
  const media: MediaCopy[] = [];
  /** The site path of a library file, found through MediaStore.locate; null when it is not there. */
  const addMedia = (sha256: string, ext: string): string | null => {
    const source = ctx.media.fileOf({ sha256, ext });
    if (!source) return null;
    const p = `media/${sha256}${ext ? `.${ext}` : ''}`;
    if (!media.some((m) => m.path === p)) media.push({ path: p, source, sha256, ext });
    return p;
  };

  const videoText: string[] = [];
  const views = new Map<number, ClipView | null>();
  /** A clip as the page shows it (redacted, its file copied), made once per clip; null to leave it out. */
  const clipView = (clipId: number): ClipView | null => {
    if (views.has(clipId)) return views.get(clipId)!;
    const published = publishedClip(clipId);
    const file = published?.clip.video;
    const video = file ? addMedia(file.sha256, file.ext || 'mp4') : null;
    const view: ClipView | null =
      published && video
        ? {
            id: published.clip.id,
            title: published.title,
            src: ctx.root + video,
            chapters: published.chapters,
            captions: published.captions,
          }
        : null;
    if (view)
      videoText.push(view.title, ...view.chapters.map((c) => c.title), ...view.captions.map((c) => c.text));
    views.set(clipId, view);
    return view;
  };

  const language = answer.language;
  const state = answerState(doc);
  const rendered = renderAnswerHtml(
    doc,
    {
      language,
      imageSrc: (img) => {
        const p = addMedia(img.sha256, img.ext);
        return p ? ctx.root + p : null;
      },
      clip: clipView,
      video: { preload: 'metadata', inlineCaptions: true },
    },
    state,
  );
  const videoWords = answerWords(language);
  const videos = html`${answer.clipIds
    .filter((id) => !rendered.placedClips.has(id))
    .map(clipView)
    .map((v) =>
      v
        ? html`${videoBlock(v, { preload: 'metadata', inlineCaptions: true, language }, videoWords)}\n`
        : null,
    )}`;

  if (undecided.count > 0) {
    throw new KotaeError(
      'PUBLISH_BLOCKED',
      { count: undecided.count },
      `answer ${answer.id}: ${undecided.sample.slice(0, 5).join(', ')}`,
      'errors:PUBLISH_BLOCKED_FINDINGS',
    );
  }
  const body = plainText(doc);
  const text = [body, ...videoText.filter((s) => s.trim())].join('\n');
  // What is published, unit by unit as scanned: the publication scans it once more.
  const published = ctx.knownClean ? [] : [title, ...documentUnits(doc).map((u) => u.text), ...videoText];
  const words = [...body.replace(/\s+/g, ' ').trim()];
  const summary = words.length > 110 ? `${words.slice(0, 110).join('')}…` : words.join('');
  return { title, html: rendered.html, videos, state, text, summary, media, published };
}
