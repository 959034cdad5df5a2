import { useQueries } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, type MouseEvent } from 'react';
import { findNodes, type AnswerDocument } from '@shared/answers/document';
import { renderAnswerHtml, type ClipView } from '@shared/answers/renderHtml';
import type { Language } from '@shared/domain/common';
import type { PreviewClip } from '@shared/domain/faq';
import { call, mediaUrl } from '../api/client';
import { queryKey } from '../api/hooks';
import { attachCaptionLines } from './captionLines';
import { markUndecided } from './markUndecided';
import './documentView.css';

/** Every clip an answer shows or links from a step, in document order, once each. */
function clipIdsOf(doc: AnswerDocument): number[] {
  const ids = [
    ...findNodes(doc, 'kotae-video').map((v) => v.clipId),
    ...findNodes(doc, 'kotae-step').map((s) => s.videoLink?.clipId ?? null),
  ];
  return [...new Set(ids.filter((id): id is number => id !== null))];
}

/** The library's clips of a document, rendered, with their captions: what the bundle shows. */
function useLibraryClips(doc: AnswerDocument, enabled: boolean): Map<number, ClipView> {
  const clipIds = useMemo(() => (enabled ? clipIdsOf(doc) : []), [doc, enabled]);
  const clips = useQueries({
    queries: clipIds.map((id) => ({
      queryKey: queryKey('clips:get', { id }),
      queryFn: () => call('clips:get', { id }),
    })),
  });
  const captions = useQueries({
    queries: clipIds.map((id) => ({
      queryKey: queryKey('clips:captions', { id }),
      queryFn: () => call('clips:captions', { id }),
    })),
  });
  const views = new Map<number, ClipView>();
  clips.forEach(({ data: clip }, i) => {
    if (clip?.rendered)
      views.set(clip.id, {
        id: clip.id,
        title: clip.title,
        src: mediaUrl(clip.rendered.sha256),
        chapters: clip.rendered.chapters,
        captions: captions[i]?.data ?? [],
      });
  });
  return views;
}

/**
 * What the customer will read: the answer through THE renderer the bundle and the FAQ use
 * (shared/answers/render, issue 17), in the answer's language, with its pictures and its rendered
 * clips (chapters in output time). The markup is built by the `html` template, which escapes every
 * text of the document, so it can be set as HTML here; the app's CSP still allows no script.
 * Captions are the render's own (the WebVTT file the bundle carries), drawn one at a time over the
 * picture as the bundle's viewer draws them.
 *
 * The Answers screen shows an answer with the library's clips; the Publish screen shows the FAQ's
 * version of it (`clips` given: their words redacted as the site will have them) and highlights the
 * findings nobody has decided about yet (`undecided`).
 */
export function DocumentView({
  doc,
  language,
  clips,
  undecided = false,
}: {
  doc: AnswerDocument;
  language: Language;
  clips?: readonly PreviewClip[];
  undecided?: boolean;
}) {
  const library = useLibraryClips(doc, clips === undefined);
  const views = clips
    ? new Map(clips.map((c) => [c.id, { ...c, src: mediaUrl(c.sha256) } satisfies ClipView]))
    : library;
  const markup = renderAnswerHtml(doc, {
    language,
    imageSrc: (img) => mediaUrl(img.sha256),
    clip: (id) => views.get(id) ?? null,
    video: { preload: 'metadata', inlineCaptions: true },
  }).html.value;
  const root = useRef<HTMLDivElement>(null);
  // Done again whenever the markup is set again (React then replaces everything inside with it).
  useEffect(() => {
    if (!root.current) return undefined;
    if (undecided) markUndecided(root.current);
    return attachCaptionLines(root.current);
  }, [markup, undecided]);
  return (
    // The click handler only routes the links the markup already has (the keyboard reaches them as links).
    <div
      ref={root}
      className="k-doc"
      lang={language}
      data-testid="doc-preview"
      onClick={followLink}
      dangerouslySetInnerHTML={{ __html: markup }}
    />
  );
}

/**
 * Links inside the preview never navigate the app's window: a chapter or "watch this step" seeks its
 * video in place (as the bundle's viewer does), any other link opens outside, as a new window would.
 */
function followLink(event: MouseEvent<HTMLDivElement>) {
  const link = (event.target as Element).closest('a');
  if (!link) return;
  event.preventDefault();
  const clipId = link.getAttribute('data-clip');
  if (clipId !== null) {
    const video = event.currentTarget.querySelector<HTMLVideoElement>(
      `video[data-clip="${CSS.escape(clipId)}"]`,
    );
    if (!video) return;
    video.currentTime = Number(link.getAttribute('data-time') ?? 0);
    video.scrollIntoView({ block: 'nearest' });
    return;
  }
  const href = link.getAttribute('href');
  if (href && !href.startsWith('#')) window.open(href, '_blank', 'noopener,noreferrer');
}
