import { escapeHtml } from '../../../../shared/answers/renderHtml';
import type { FaqClip } from '../clips';
import type { Translate } from './labels';

// A clip on the site: the rendered file (copied into media/), a WebVTT chapters track, and the
// chapters as a list of links that seek the video (the site's script does the seeking; without it
// the list still reads as a table of contents).

const e = escapeHtml;

export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

function vttTime(seconds: number): string {
  const ms = Math.max(0, Math.round(seconds * 1000));
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor((ms % 3_600_000) / 60_000))}:${pad(Math.floor((ms % 60_000) / 1000))}.${pad(ms % 1000, 3)}`;
}

/** Cue text is markup in WebVTT: escape it, and keep it on lines that cannot end the cue. */
function cueText(text: string): string {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n')
    .replace(/-->/g, '→')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

export function webVtt(cues: readonly { startS: number; endS: number; text: string }[]): string {
  const blocks = cues
    .filter((c) => c.endS > c.startS && cueText(c.text))
    .map((c, i) => `${i + 1}\n${vttTime(c.startS)} --> ${vttTime(c.endS)}\n${cueText(c.text)}`);
  return `WEBVTT\n\n${blocks.join('\n\n')}\n`;
}

export interface VideoFiles {
  video: string;
  chapters: string | null;
  captions: string | null;
}

export function videoBlock(
  clip: FaqClip,
  files: VideoFiles,
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
  const tracks = [
    files.chapters
      ? `<track kind="chapters" src="${e(root + files.chapters)}" srclang="${lang}" label="${e(t('chapters'))}" default>`
      : '',
    files.captions
      ? `<track kind="captions" src="${e(root + files.captions)}" srclang="${lang}" label="${e(t('videoLabel'))}">`
      : '',
  ].join('');
  return `<figure class="video" id="clip-${clip.id}">
<video controls preload="metadata" playsinline data-clip="${clip.id}" src="${e(root + files.video)}">${tracks}</video>
${clip.title ? `<figcaption>${e(clip.title)}</figcaption>` : ''}
${chapters}
</figure>`;
}
