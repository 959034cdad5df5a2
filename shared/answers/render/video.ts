import { html, type Html } from '../../html/html';
import type { AnswerWords } from './words';

// The clip block of every output: the rendered file, its chapters in OUTPUT time as seek links,
// its captions. The markup carries the hooks of both page scripts (the bundle's viewer.js reads
// `a.kb-chapter[data-time]` and `#video-N`; the FAQ's site.js reads `a[data-seek]` and
// `video[data-clip]`), so one component serves both frames.

export interface ClipChapterView {
  title: string;
  /** Seconds into the rendered file (after the cuts), which is what the reader's player shows. */
  startS: number;
  stepId: string | null;
}

export interface ClipView {
  id: number;
  title: string;
  /** The rendered file as seen from the page. */
  src: string;
  chapters: readonly ClipChapterView[];
  captions: readonly { startS: number; endS: number; text: string }[];
}

export interface VideoFrame {
  /** `auto` where the file is local (bundle, app): the first frame shows instead of a black box. */
  preload: 'auto' | 'metadata';
  /**
   * Captions as data on the <video> for a script to turn into a text track. Not a <track src>:
   * Chromium refuses track files in a page opened from file://. The bundle's viewer reads its own
   * JSON block instead, so it leaves this off.
   */
  inlineCaptions: boolean;
  language: string;
}

export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

export function videoBlock(clip: ClipView, frame: VideoFrame, words: AnswerWords): Html {
  const chapters = clip.chapters.length
    ? html`<nav class="chapters kb-chapters" aria-label="${words('chapters')}"><h3>${words('chapters')}</h3><ol>${clip.chapters.map(
        (c) =>
          html`<li><a class="kb-chapter" href="#clip-${clip.id}" data-seek="${c.startS}" data-clip="${clip.id}" data-time="${c.startS}"${
            c.stepId ? html` data-step="${c.stepId}"` : null
          }><span class="chapters__time kb-chapter__time">${clock(c.startS)}</span> <span class="kb-chapter__title">${c.title}</span></a></li>`,
      )}</ol></nav>`
    : null;
  const captions =
    frame.inlineCaptions && clip.captions.length
      ? html` data-captions="${JSON.stringify(clip.captions.map((c) => [c.startS, c.endS, c.text]))}" data-captions-lang="${frame.language}" data-captions-label="${words('video')}"`
      : null;
  return html`<figure class="video kb-video" id="clip-${clip.id}" data-clip="${clip.id}">
<video id="video-${clip.id}" controls preload="${frame.preload}" playsinline data-clip="${clip.id}" src="${clip.src}"${captions}><p>${words('videoUnsupported', { file: clip.src })}</p></video>
${clip.title ? html`<figcaption>${clip.title}</figcaption>` : null}
${chapters}
</figure>`;
}
