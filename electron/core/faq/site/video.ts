import { escapeHtml } from '../../../../shared/answers/renderHtml';
import type { FaqClip } from '../clips';
import type { Translate } from './labels';

// A clip on the site: the rendered file (copied into media/) and its chapters as a list of links
// that seek the video (the site's script does the seeking; without it the list still reads as a
// table of contents).

const e = escapeHtml;

export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

/**
 * The video, its chapters as seek links and its captions as data the site's script turns into a
 * text track. Not a <track src=….vtt>: Chromium refuses to load track files into a page opened from
 * file:// (a file: URL is its own origin), and the site must work from the disk.
 */
export function videoBlock(
  clip: FaqClip,
  videoPath: string,
  root: string,
  lang: string,
  t: Translate,
): string {
  const chapters = clip.chapters.length
    ? `<nav class="chapters" aria-label="${e(t('chapters'))}"><h3>${e(t('chapters'))}</h3><ol>${clip.chapters
        .map(
          (c) =>
            `<li><a href="#clip-${clip.id}" data-seek="${c.startS}"><span class="chapters__time">${clock(c.startS)}</span> ${e(c.title)}</a></li>`,
        )
        .join('')}</ol></nav>`
    : '';
  const captions = clip.captions.length
    ? ` data-captions="${e(JSON.stringify(clip.captions.map((c) => [c.startS, c.endS, c.text])))}" data-captions-lang="${e(lang)}" data-captions-label="${e(t('videoLabel'))}"`
    : '';
  return `<figure class="video" id="clip-${clip.id}">
<video controls preload="metadata" playsinline data-clip="${clip.id}" src="${e(root + videoPath)}"${captions}></video>
${clip.title ? `<figcaption>${e(clip.title)}</figcaption>` : ''}
${chapters}
</figure>`;
}
