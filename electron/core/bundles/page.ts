import { answerWords, renderAnswerHtml, videoBlock, type ClipView } from '../../../shared/answers/renderHtml';
import { answerState, verificationLine, type AnswerState } from '../../../shared/answers/state';
import { html, joinHtml, safeHref, trusted, type Html } from '../../../shared/html/html';
import type { BundleClip } from './clips';
import type { BundleContent } from './content';
import { bundleT, longDate } from './text';
import { verdictSection } from './verdict';

// index.html and verify.html of a bundle. They open from file:// in any current browser with no
// network: a <meta> CSP (file:// has no headers) allows only the bundle's own script, style and
// media; all text is escaped (shared/html); the data the viewer script needs sits in a JSON block, which is not
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

function head(title: string, language: string, styles: string[], scripts: string[]): Html {
  return joinHtml(
    [
      html`<!doctype html>`,
      html`<html lang="${language}">`,
      html`<head>`,
      html`<meta charset="utf-8">`,
      // Our own constant, with no `"` in it: kept as written so the policy reads as it is in the source.
      html`<meta http-equiv="Content-Security-Policy" content="${trusted(BUNDLE_CSP)}">`,
      html`<meta name="referrer" content="no-referrer">`,
      html`<meta name="viewport" content="width=device-width, initial-scale=1">`,
      html`<meta name="color-scheme" content="light dark">`,
      html`<title>${title}</title>`,
      styles.map((s) => html`<link rel="stylesheet" href="${s}">`),
      scripts.map((s) => html`<script src="${s}" defer></script>`),
      html`</head>`,
    ],
    '\n',
  );
}

/** The greeting as the vendor wrote it: blank lines part paragraphs, a newline breaks a line. */
const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => html`<p>${p.split('\n').map((line, i) => (i ? html`<br>${line}` : line))}</p>`);

/**
 * Who signed the bundle (issue 15): the fingerprint of the vendor's key, for the customer to compare
 * with the one in the vendor's e-mails and on their FAQ site. On index.html it is only shown (a
 * page opened from file:// cannot read the files beside it); verify.html checks the signature
 * (verify.js) against the files the customer picks and says whether it is this key's.
 */
function signatureBlock(
  fingerprint: string | null,
  t: ReturnType<typeof bundleT>,
  checked: boolean,
): Html | null {
  if (!fingerprint) return null;
  return html`<section class="kb-signed" id="kb-signed" data-fingerprint="${fingerprint}"><h2>${t('signature.title')}</h2><p>${t('signature.key')} <code class="kb-signed__fingerprint" data-testid="bundle-fingerprint">${fingerprint}</code></p><p>${t('signature.compare')}</p>${
    checked
      ? html`<p class="kb-signed__status" id="kb-signature-status" role="status" aria-live="polite"></p>`
      : html`<p><a href="verify.html">${t('signature.check')}</a></p>`
  }</section>`;
}

/** The bundle's clips as the renderer shows them: the file beside the page, chapters in output time. */
function clipViews(content: BundleContent, meta: PageMeta): Map<number, ClipView> {
  const views = new Map<number, ClipView>();
  for (const c of content.clips) {
    const src = meta.clipPaths.get(c.id);
    if (src) views.set(c.id, { id: c.id, title: c.title, src, chapters: c.chapters, captions: c.captions });
  }
  return views;
}

/**
 * The header's "Verified with": the answer's derived state, the same the steps below are read from.
 * Every step checked: the oldest version (issue 22's "Checked with"); some: "2 of 3 steps …".
 */
function verifiedLine(content: BundleContent, state: AnswerState): string {
  const lang = content.answer.language;
  const checked = state.verification.checkedWith;
  if (!checked) return verificationLine(state.verification, answerWords(lang));
  return bundleT(lang)('viewer.verifiedValue', {
    product: content.productName ?? '',
    version: checked.version,
    date: longDate(checked.at, lang),
  }).trim();
}

export function renderIndexHtml(content: BundleContent, meta: PageMeta): string {
  const lang = content.answer.language;
  const t = bundleT(lang);
  const state = answerState(content.answer.doc);
  const clips = clipViews(content, meta);
  const { html: body, placedClips } = renderAnswerHtml(
    content.answer.doc,
    {
      language: lang,
      imageSrc: (img) => meta.imagePaths.get(img.sha256) ?? null,
      clip: (id) => clips.get(id) ?? null,
      video: { preload: 'auto', inlineCaptions: false },
      stepCheckboxes: true,
    },
    state,
  );
  // Clips only linked from steps still need a player: they go after the answer.
  const linkedOnly = [...clips.values()].filter((c) => !placedClips.has(c.id));
  const words = answerWords(lang);
  const vendor = content.vendor;
  const vendorName = vendor.name || '—';
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

  return (
    joinHtml(
      [
        head(
          t('viewer.documentTitle', { title: content.answer.title, vendor: vendorName }),
          lang,
          ['viewer/viewer.css', 'viewer/answer.css'],
          ['viewer/viewer.js'],
        ),
        html`<body class="kb">`,
        html`<header class="kb-header">`,
        html`<p class="kb-from">${t('viewer.from', { vendor: vendorName })}</p>`,
        html`<h1>${content.answer.title}</h1>`,
        html`<dl class="kb-meta">`,
        content.personalised && content.customer
          ? html`<div><dt>${t('viewer.for')}</dt><dd data-testid="bundle-customer">${t('viewer.customerName', { name: content.customer.name })}</dd></div>`
          : null,
        html`<div><dt>${t('viewer.date')}</dt><dd>${longDate(meta.createdAt, lang)}</dd></div>`,
        html`<div><dt>${t('viewer.verifiedWith')}</dt><dd data-testid="bundle-verified">${verifiedLine(content, state)}</dd></div>`,
        html`</dl>`,
        html`</header>`,
        content.greeting
          ? html`<section class="kb-greeting">${paragraphs(content.greeting)}</section>`
          : null,
        html`<noscript><p class="kb-noscript">${t('viewer.noScript')}</p></noscript>`,
        html`<div class="kb-progress" id="kb-progress" hidden><p class="kb-progress__hint">${t('viewer.progressHint')}</p>`,
        html`<div class="kb-progress__row"><div class="kb-progress__bar"><div class="kb-progress__fill" id="kb-progress-fill"></div></div>`,
        html`<span class="kb-progress__text" id="kb-progress-text" aria-live="polite"></span>`,
        html`<button type="button" class="kb-button kb-button--quiet" id="kb-reset">${t('viewer.resetTicks')}</button></div></div>`,
        html`<main class="kb-answer" id="answer">${body}</main>`,
        verdictSection(content),
        linkedOnly.length
          ? html`<section class="kb-videos"><h2>${t('viewer.videos')}</h2>${linkedOnly.map((c) =>
              videoBlock(c, { preload: 'auto', inlineCaptions: false, language: lang }, words),
            )}</section>`
          : null,
        html`<footer class="kb-footer">`,
        html`<section class="kb-contact"><h2>${t('viewer.contact')}</h2><p>${t('viewer.contactText')}</p><dl>`,
        html`<div><dt class="kb-contact__name">${vendorName}</dt></div>`,
        vendor.email
          ? html`<div><dt>${t('viewer.email')}</dt><dd><a href="mailto:${encodeURI(vendor.email)}">${vendor.email}</a></dd></div>`
          : null,
        vendor.phone ? html`<div><dt>${t('viewer.phone')}</dt><dd>${vendor.phone}</dd></div>` : null,
        website
          ? html`<div><dt>${t('viewer.website')}</dt><dd><a href="${website}" rel="noopener noreferrer">${vendor.website}</a></dd></div>`
          : null,
        html`</dl></section>`,
        signatureBlock(vendor.fingerprint, t, false),
        html`<p class="kb-identity">${t('viewer.identity', {
          id: content.answer.id,
          revision: content.answer.revision,
          date: longDate(meta.createdAt, lang),
          appVersion: meta.appVersion,
        })} · <a href="verify.html">${t('viewer.verifyLink')}</a></p>`,
        html`</footer>`,
        // Not executed (type application/json) and `<` escaped by jsonForScript: safe as it is.
        trusted(`<script type="application/json" id="kotae-bundle-data">${jsonForScript(data)}</script>`),
        html`</body>`,
        html`</html>`,
        html``,
      ],
      '\n',
    ).value + '\n'
  );
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
  return (
    joinHtml(
      [
        head(
          t('verify.title'),
          lang,
          ['viewer/viewer.css', 'viewer/verify.css'],
          ['viewer/sha256.js', 'viewer/verify.js'],
        ),
        html`<body class="kb kb-verify">`,
        html`<header class="kb-header">`,
        html`<h1>${t('verify.title')}</h1>`,
        html`<p class="kb-from">${content.answer.title}</p>`,
        html`</header>`,
        html`<main class="kb-answer">`,
        html`<p>${t('verify.intro')}</p>`,
        html`<p><strong>${t('verify.how')}</strong></p>`,
        html`<div class="kb-pick">`,
        html`<label class="kb-button">${t('verify.choose')}<input type="file" id="kb-pick-folder" webkitdirectory multiple></label>`,
        html`<label class="kb-button kb-button--quiet">${t('verify.chooseFiles')}<input type="file" id="kb-pick-files" multiple></label>`,
        html`</div>`,
        html`<noscript><p class="kb-noscript">${t('viewer.noScript')}</p></noscript>`,
        html`<div id="kb-result" class="kb-result" role="status" aria-live="polite"></div>`,
        signatureBlock(content.vendor.fingerprint, t, true),
        html`<div id="kb-fingerprint" class="kb-fingerprint" hidden><strong>${t('verify.fingerprint')}</strong> <code id="kb-fingerprint-value"></code><p>${t('verify.fingerprintHint')}</p></div>`,
        html`<table id="kb-files" class="kb-files" hidden><thead><tr><th>${t('verify.file')}</th><th>${t('verify.size')}</th><th>${t('verify.status')}</th></tr></thead><tbody></tbody></table>`,
        html`<p><a href="index.html">${t('verify.back')}</a></p>`,
        html`</main>`,
        // Not executed (type application/json) and `<` escaped by jsonForScript: safe as it is.
        trusted(`<script type="application/json" id="kotae-verify-labels">${jsonForScript(labels)}</script>`),
        html`</body>`,
        html`</html>`,
      ],
      '\n',
    ).value + '\n'
  );
}
