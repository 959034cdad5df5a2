import {
  renderAnswerHtml,
  escapeHtml,
  safeHref,
  type RenderLabels,
} from '../../../shared/answers/renderHtml';
import { resolutionFields, type VideoNode } from '../../../shared/answers/document';
import type { BundleClip } from './clips';
import type { BundleContent } from './content';
import { bundleT, longDate } from './text';
import { verdictSection } from './verdict';

// index.html and verify.html of a bundle. They open from file:// in any current browser with no
// network: a <meta> CSP (file:// has no headers) allows only the bundle's own script, style and
// media; all text is escaped; the data the viewer script needs sits in a JSON block, which is not
// executed and so needs no CSP exception.

export const BUNDLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "media-src 'self'",
  "connect-src 'none'",
  "font-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "manifest-src 'none'",
  "form-action 'none'",
  "base-uri 'none'",
].join('; ');

export interface PageMeta {
  createdAt: string;
  appVersion: string;
  bundleUid: string;
  /** Bundle path of each image by sha256, and of each clip's video by clip id. */
  imagePaths: Map<string, string>;
  clipPaths: Map<number, string>;
}

/** What viewer.js reads from the page: never executed, so `<` is escaped to keep `</script>` out. */
export interface ViewerData {
  bundleUid: string;
  answerId: number;
  revision: number;
  accent: string | null;
  labels: { progress: string; playing: string; captions: string };
  clips: {
    id: number;
    src: string;
    chapters: BundleClip['chapters'];
    captions: BundleClip['captions'];
  }[];
}

export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function head(title: string, language: string, styles: string[], scripts: string[]): string {
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${BUNDLE_CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<title>${escapeHtml(title)}</title>`,
    ...styles.map((s) => `<link rel="stylesheet" href="${s}">`),
    ...scripts.map((s) => `<script src="${s}" defer></script>`),
    '</head>',
  ].join('\n');
}

const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');

function formatTime(seconds: number): string {
  const s = Math.floor(seconds);
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(h ? 2 : 1, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

function videoBlock(clip: BundleClip, src: string, t: ReturnType<typeof bundleT>): string {
  const chapters = clip.chapters.length
    ? `<nav class="kb-chapters" aria-label="${escapeHtml(t('viewer.chapters'))}"><h3>${escapeHtml(t('viewer.chapters'))}</h3><ol>${clip.chapters
        .map(
          (c) =>
            `<li><a class="kb-chapter" href="#clip-${clip.id}" data-clip="${clip.id}" data-time="${c.startS}"${
              c.stepId ? ` data-step="${escapeHtml(c.stepId)}"` : ''
            }><span class="kb-chapter__time">${formatTime(c.startS)}</span> <span class="kb-chapter__title">${escapeHtml(c.title)}</span></a></li>`,
        )
        .join('')}</ol></nav>`
    : '';
  return [
    `<figure class="kb-video" id="clip-${clip.id}" data-clip="${clip.id}">`,
    // `auto`: the file is local, and the first frame shows instead of a black box.
    `<video id="video-${clip.id}" controls preload="auto" playsinline src="${escapeHtml(src)}">`,
    `<p>${escapeHtml(t('viewer.videoUnsupported', { file: src }))}</p></video>`,
    clip.title ? `<figcaption>${escapeHtml(clip.title)}</figcaption>` : '',
    chapters,
    '</figure>',
  ].join('');
}

/**
 * Who signed the bundle (issue 15): the fingerprint of the vendor's key, for the customer to compare
 * with the one in the vendor's e-mails and on their FAQ site. On index.html it is only shown (a
 * page opened from file:// cannot read the files beside it); verify.html checks the signature
 * (verify.js) against the files the customer picks and says whether it is this key's.
 */
function signatureBlock(fingerprint: string | null, t: ReturnType<typeof bundleT>, checked: boolean): string {
  if (!fingerprint) return '';
  const fp = escapeHtml(fingerprint);
  return [
    `<section class="kb-signed" id="kb-signed" data-fingerprint="${fp}">`,
    `<h2>${escapeHtml(t('signature.title'))}</h2>`,
    `<p>${escapeHtml(t('signature.key'))} <code class="kb-signed__fingerprint" data-testid="bundle-fingerprint">${fp}</code></p>`,
    `<p>${escapeHtml(t('signature.compare'))}</p>`,
    checked
      ? '<p class="kb-signed__status" id="kb-signature-status" role="status" aria-live="polite"></p>'
      : `<p><a href="verify.html">${escapeHtml(t('signature.check'))}</a></p>`,
    '</section>',
  ].join('');
}

export function renderIndexHtml(content: BundleContent, meta: PageMeta): string {
  const lang = content.answer.language;
  const t = bundleT(lang);
  const d = (key: string) => t(`answers:doc.${key}`);
  const labels: RenderLabels = {
    step: t('viewer.step'),
    expected: d('expected'),
    options: d('options'),
    pros: d('pros'),
    cons: d('cons'),
    resolution: d('resolution'),
    fields: Object.fromEntries(resolutionFields.map((f) => [f, d(`field.${f}`)])) as RenderLabels['fields'],
    verified: (version) => t('answers:doc.verified', { version }),
    watch: t('viewer.watch'),
  };
  const clipsById = new Map(content.clips.map((c) => [c.id, c]));
  const shown = new Set<number>();
  const body = renderAnswerHtml(content.answer.doc, {
    labels,
    stepCheckboxes: true,
    imageSrc: (img) => meta.imagePaths.get(img.sha256) ?? null,
    renderVideo: (video: VideoNode) => {
      const clip = video.clipId === null ? undefined : clipsById.get(video.clipId);
      const src = clip && meta.clipPaths.get(clip.id);
      if (!clip || !src || shown.has(clip.id)) return null;
      shown.add(clip.id);
      return videoBlock(clip, src, t);
    },
    stepVideoHref: (link) => (clipsById.has(link.clipId) ? `#clip-${link.clipId}` : null),
  });
  // Clips only linked from steps still need a player: they go after the answer.
  const linkedOnly = content.clips.filter((c) => !shown.has(c.id));
  const vendor = content.vendor;
  const vendorName = vendor.name || '—';
  const verified = content.answer.verifiedVersion
    ? t('viewer.verifiedValue', {
        product: content.productName ?? '',
        version: content.answer.verifiedVersion,
        date: content.answer.verifiedAt ? longDate(content.answer.verifiedAt, lang) : '',
      }).trim()
    : t('viewer.notVerified');
  const website = safeHref(vendor.website);
  const data: ViewerData = {
    bundleUid: meta.bundleUid,
    answerId: content.answer.id,
    revision: content.answer.revision,
    accent: vendor.colour,
    labels: { progress: t('viewer.progress'), playing: t('viewer.playing'), captions: t('viewer.captions') },
    clips: content.clips.map((c) => ({
      id: c.id,
      src: meta.clipPaths.get(c.id) ?? '',
      chapters: c.chapters,
      captions: c.captions,
    })),
  };

  return [
    head(
      t('viewer.documentTitle', { title: content.answer.title, vendor: vendorName }),
      lang,
      ['viewer/viewer.css', 'viewer/answer.css'],
      ['viewer/viewer.js'],
    ),
    '<body class="kb">',
    '<header class="kb-header">',
    `<p class="kb-from">${escapeHtml(t('viewer.from', { vendor: vendorName }))}</p>`,
    `<h1>${escapeHtml(content.answer.title)}</h1>`,
    '<dl class="kb-meta">',
    content.personalised && content.customer
      ? `<div><dt>${escapeHtml(t('viewer.for'))}</dt><dd data-testid="bundle-customer">${escapeHtml(t('viewer.customerName', { name: content.customer.name }))}</dd></div>`
      : '',
    `<div><dt>${escapeHtml(t('viewer.date'))}</dt><dd>${escapeHtml(longDate(meta.createdAt, lang))}</dd></div>`,
    `<div><dt>${escapeHtml(t('viewer.verifiedWith'))}</dt><dd>${escapeHtml(verified)}</dd></div>`,
    '</dl>',
    '</header>',
    content.greeting ? `<section class="kb-greeting">${paragraphs(content.greeting)}</section>` : '',
    `<noscript><p class="kb-noscript">${escapeHtml(t('viewer.noScript'))}</p></noscript>`,
    `<div class="kb-progress" id="kb-progress" hidden><p class="kb-progress__hint">${escapeHtml(t('viewer.progressHint'))}</p>`,
    '<div class="kb-progress__row"><div class="kb-progress__bar"><div class="kb-progress__fill" id="kb-progress-fill"></div></div>',
    '<span class="kb-progress__text" id="kb-progress-text" aria-live="polite"></span>',
    `<button type="button" class="kb-button kb-button--quiet" id="kb-reset">${escapeHtml(t('viewer.resetTicks'))}</button></div></div>`,
    `<main class="kb-answer" id="answer">${body}</main>`,
    verdictSection(content),
    linkedOnly.length
      ? `<section class="kb-videos"><h2>${escapeHtml(t('viewer.videos'))}</h2>${linkedOnly
          .map((c) => videoBlock(c, meta.clipPaths.get(c.id) ?? '', t))
          .join('')}</section>`
      : '',
    '<footer class="kb-footer">',
    `<section class="kb-contact"><h2>${escapeHtml(t('viewer.contact'))}</h2><p>${escapeHtml(t('viewer.contactText'))}</p><dl>`,
    `<div><dt class="kb-contact__name">${escapeHtml(vendorName)}</dt></div>`,
    vendor.email
      ? `<div><dt>${escapeHtml(t('viewer.email'))}</dt><dd><a href="mailto:${escapeHtml(encodeURI(vendor.email))}">${escapeHtml(vendor.email)}</a></dd></div>`
      : '',
    vendor.phone
      ? `<div><dt>${escapeHtml(t('viewer.phone'))}</dt><dd>${escapeHtml(vendor.phone)}</dd></div>`
      : '',
    website
      ? `<div><dt>${escapeHtml(t('viewer.website'))}</dt><dd><a href="${escapeHtml(website)}" rel="noopener noreferrer">${escapeHtml(vendor.website)}</a></dd></div>`
      : '',
    '</dl></section>',
    signatureBlock(vendor.fingerprint, t, false),
    `<p class="kb-identity">${escapeHtml(
      t('viewer.identity', {
        id: content.answer.id,
        revision: content.answer.revision,
        date: longDate(meta.createdAt, lang),
        appVersion: meta.appVersion,
      }),
    )} · <a href="verify.html">${escapeHtml(t('viewer.verifyLink'))}</a></p>`,
    '</footer>',
    `<script type="application/json" id="kotae-bundle-data">${jsonForScript(data)}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The verify page: the customer picks the unzipped folder and the browser checks every file. */
export function renderVerifyHtml(content: BundleContent): string {
  const lang = content.answer.language;
  const t = bundleT(lang);
  const keys = [
    'checking',
    'ok',
    'failed',
    'noManifest',
    'badManifest',
    'statusOk',
    'statusMissing',
    'statusChanged',
    'statusExtra',
    'slow',
    'signatureValid',
    'signatureOtherKey',
    'signatureBad',
    'signatureMissing',
    'signatureUnsigned',
    'signatureUnsupported',
  ] as const;
  const labels = Object.fromEntries(keys.map((k) => [k, t(`verify.${k}`)]));
  return [
    head(
      t('verify.title'),
      lang,
      ['viewer/viewer.css', 'viewer/verify.css'],
      ['viewer/sha256.js', 'viewer/verify.js'],
    ),
    '<body class="kb kb-verify">',
    '<header class="kb-header">',
    `<h1>${escapeHtml(t('verify.title'))}</h1>`,
    `<p class="kb-from">${escapeHtml(content.answer.title)}</p>`,
    '</header>',
    '<main class="kb-answer">',
    `<p>${escapeHtml(t('verify.intro'))}</p>`,
    `<p><strong>${escapeHtml(t('verify.how'))}</strong></p>`,
    '<div class="kb-pick">',
    `<label class="kb-button">${escapeHtml(t('verify.choose'))}<input type="file" id="kb-pick-folder" webkitdirectory multiple></label>`,
    `<label class="kb-button kb-button--quiet">${escapeHtml(t('verify.chooseFiles'))}<input type="file" id="kb-pick-files" multiple></label>`,
    '</div>',
    `<noscript><p class="kb-noscript">${escapeHtml(t('viewer.noScript'))}</p></noscript>`,
    '<div id="kb-result" class="kb-result" role="status" aria-live="polite"></div>',
    signatureBlock(content.vendor.fingerprint, t, true),
    `<div id="kb-fingerprint" class="kb-fingerprint" hidden><strong>${escapeHtml(t('verify.fingerprint'))}</strong> <code id="kb-fingerprint-value"></code><p>${escapeHtml(t('verify.fingerprintHint'))}</p></div>`,
    `<table id="kb-files" class="kb-files" hidden><thead><tr><th>${escapeHtml(t('verify.file'))}</th><th>${escapeHtml(t('verify.size'))}</th><th>${escapeHtml(t('verify.status'))}</th></tr></thead><tbody></tbody></table>`,
    `<p><a href="index.html">${escapeHtml(t('verify.back'))}</a></p>`,
    '</main>',
    `<script type="application/json" id="kotae-verify-labels">${jsonForScript(labels)}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
