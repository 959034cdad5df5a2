import { findNodes, plainText, type VideoNode } from '../../../shared/answers/document';
import { documentImages, whereParams } from '../../../shared/answers/validate';
import { renderAnswerHtml } from '../../../shared/answers/renderHtml';
import { KotaeError } from '../../../shared/errors';
import { publicDocument } from '../../../shared/answers/publicVersion';
import type { TextFinding } from '../../../shared/privacy';
import type { MediaStore } from '../library';
import type { FaqClip } from './clips';
import type { FaqAnswer } from './collect';
import { cut, documentUnits, redactDocument, type TextUnit } from './documentText';
import { decisionKey, type Decisions } from './privacy';
import { answerLabels, type Translate } from './site/labels';
import { videoBlock } from './site/video';

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
  html: string;
  /** Videos not placed in the text, shown above it. */
  videos: string;
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

/** The redaction ranges of a unit, or the count of findings nobody decided about. */
function redactions(
  answerId: number,
  unit: TextUnit,
  ctx: RenderContext,
  undecided: { count: number; sample: string[] },
) {
  const ranges: { start: number; end: number }[] = [];
  for (const f of ctx.unitFindings(unit)) {
    const decision = ctx.decisions.get(decisionKey('answer', answerId, f.kind, f.key));
    if (decision === 'not_personal') continue;
    if (decision === undefined) {
      undecided.count += 1;
      undecided.sample.push(`${f.kind}: ${f.text}`);
    }
    // Undecided findings are cut too: nothing undecided is ever written, even if a caller forgot to check.
    ranges.push({ start: f.start, end: f.end });
  }
  return ranges;
}

export function renderAnswer(answer: FaqAnswer, ctx: RenderContext): RenderedAnswer {
  const placeholder = ctx.placeholder(answer.language);
  const undecided = { count: 0, sample: [] as string[] };
  const redactUnit = (unit: TextUnit) => (ctx.knownClean ? [] : redactions(answer.id, unit, ctx, undecided));
  const redactString = (place: TextUnit['place'], text: string) =>
    cut(text, redactUnit({ place, text }), placeholder);

  const title = redactString('title', answer.title);
  const doc = publicDocument(structuredClone(answer.doc));
  redactDocument(doc, redactUnit, placeholder);
  // A step's "watch" link goes to the chapter that shows it, in the rendered file's time.
  for (const s of findNodes(doc, 'kotae-step')) {
    const chapter =
      s.videoLink && ctx.clips.get(s.videoLink.clipId)?.chapters.find((c) => c.stepId === s.stepId);
    if (s.videoLink && chapter) s.videoLink = { ...s.videoLink, timeS: chapter.startS };
  }

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
  const renderedClips = new Set<number>();
  const renderClip = (clipId: number): string | null => {
    const clip = ctx.clips.get(clipId);
    if (!clip?.video) return null;
    const video = addMedia(clip.video.sha256, clip.video.ext || 'mp4');
    if (!video) return null;
    const redacted: FaqClip = {
      ...clip,
      title: redactString('video', clip.title),
      chapters: clip.chapters.map((c) => ({ ...c, title: redactString('video', c.title) })),
      captions: clip.captions.map((c) => ({ ...c, text: redactString('video', c.text) })),
    };
    if (!renderedClips.has(clipId)) {
      renderedClips.add(clipId);
      videoText.push(
        redacted.title,
        ...redacted.chapters.map((c) => c.title),
        ...redacted.captions.map((c) => c.text),
      );
    }
    return videoBlock(redacted, video, ctx.root, answer.language, ctx.t);
  };

  const html = renderAnswerHtml(doc, {
    labels: answerLabels(ctx.t),
    imageSrc: (img) => {
      const p = addMedia(img.sha256, img.ext);
      return p ? ctx.root + p : null;
    },
    renderVideo: (node: VideoNode) => (node.clipId === null ? null : renderClip(node.clipId)),
    stepVideoHref: (link) => (ctx.clips.get(link.clipId)?.video ? `#clip-${link.clipId}` : null),
  });
  const placed = new Set(renderedClips);
  const videos = answer.clipIds
    .filter((id) => !placed.has(id))
    .map(renderClip)
    .filter((h): h is string => h !== null)
    .join('\n');

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
  return { title, html, videos, text, summary, media, published };
}
