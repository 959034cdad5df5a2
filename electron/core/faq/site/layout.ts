import { html, trusted, type Html } from '../../../../shared/html/html';
import type { Translate, SiteLanguage } from './labels';
import { href, paths, rootFrom } from './paths';

// The frame of every page: head with a strict Content-Security-Policy (the site loads nothing from
// anywhere else and runs no inline code), header with the vendor's brand and the search box,
// footer. Everything interpolated is escaped by `html` (shared/html) unless it is Html already.

export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "media-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export interface Chrome {
  lang: SiteLanguage;
  t: Translate;
  siteTitle: string;
  vendorName: string;
  vendorEmail: string;
  logo: string | null;
  siteUrl: string;
  /** The fingerprint of the key that signs the vendor's answer bundles, for customers to compare. */
  signingKey: string | null;
  /** Cache-busting versions of the theme files. */
  versions: { css: string; vendorCss: string; js: string };
}

export interface PageInput {
  path: string;
  title: string;
  description?: string;
  /** Language of the page's content when it differs from the site's (an English answer on a Japanese site). */
  contentLang?: string;
  body: Html;
  /** Search box on the home page is the big one; elsewhere it sits in the header. */
  heroSearch?: boolean;
  /** The home page's grid of topics uses the full width; reading pages keep a narrow column. */
  wide?: boolean;
  extraHead?: Html;
}

export function searchBox(chrome: Chrome, path: string, big: boolean): Html {
  const { t } = chrome;
  const root = rootFrom(path);
  return html`<div class="search${big ? ' search--hero' : ''}" data-search data-root="${root}"
  data-none="${t('searchNone')}" data-partial="${t('searchPartial')}" data-unavailable="${t('searchUnavailable')}"
  data-count-one="${t('results', { count: 1 })}" data-count-other="${t('results', { count: 2 }).replace('2', '{count}')}">
  <label class="visually-hidden" for="q-${big ? 'hero' : 'top'}">${t('searchLabel')}</label>
  <input id="q-${big ? 'hero' : 'top'}" class="search__input" type="search" autocomplete="off" spellcheck="false"
    placeholder="${t('searchPlaceholder')}" role="combobox" aria-expanded="false" aria-autocomplete="list"
    aria-controls="results-${big ? 'hero' : 'top'}" aria-describedby="hint-${big ? 'hero' : 'top'}">
  <p class="search__hint" id="hint-${big ? 'hero' : 'top'}">${t('searchHint')}</p>
  <div class="search__status" role="status" aria-live="polite"></div>
  <ul class="search__results" id="results-${big ? 'hero' : 'top'}" role="listbox" aria-label="${t('searchLabel')}" hidden></ul>
</div>`;
}

export function layout(chrome: Chrome, page: PageInput): string {
  const { t } = chrome;
  const root = rootFrom(page.path);
  const canonical = chrome.siteUrl ? html`<link rel="canonical" href="${chrome.siteUrl + page.path}">` : null;
  const logo = chrome.logo
    ? html`<img class="brand__logo" src="${root + chrome.logo}" alt="" width="32" height="32">`
    : html`<span class="brand__mark" aria-hidden="true">${[...chrome.vendorName][0] ?? '?'}</span>`;
  const contact = chrome.vendorEmail
    ? html`<a href="mailto:${chrome.vendorEmail}">${t('contact')}</a>`
    : null;
  return html`<!doctype html>
<html lang="${chrome.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${trusted(CSP)}">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light dark">
<title>${page.title === chrome.siteTitle ? page.title : `${page.title} | ${chrome.siteTitle}`}</title>
${page.description ? html`<meta name="description" content="${page.description}">` : null}
${canonical}
<link rel="stylesheet" href="${root}assets/site.css?v=${chrome.versions.css}">
<link rel="stylesheet" href="${root}assets/vendor.css?v=${chrome.versions.vendorCss}">
${page.extraHead}
<script src="${root}assets/site.js?v=${chrome.versions.js}" defer></script>
</head>
<body>
<a class="skip" href="#main">${t('skip')}</a>
<header class="site-header">
  <div class="site-header__inner">
    <a class="brand" href="${href(page.path, paths.home)}">${logo}<span class="brand__name">${chrome.siteTitle}</span></a>
    ${page.heroSearch ? null : searchBox(chrome, page.path, false)}
  </div>
</header>
<main id="main" class="page${page.wide ? ' page--wide' : ''}"${page.contentLang && page.contentLang !== chrome.lang ? html` lang="${page.contentLang}"` : null}>
${page.body}
</main>
<footer class="site-footer">
  <div class="site-footer__inner">
    <span>© ${chrome.vendorName}</span>
    <a href="${href(page.path, paths.answers)}">${t('allAnswers')}</a>
    ${contact}
  </div>
  ${chrome.signingKey ? html`<p class="site-footer__key" data-signing-key="${chrome.signingKey}">${t('signingKey', { fingerprint: chrome.signingKey })}</p>` : null}
</footer>
</body>
</html>
`.value;
}
