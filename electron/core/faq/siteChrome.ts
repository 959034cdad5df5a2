import { vendorNameIn } from '../../../shared/domain/faq';
import { hash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resources } from '../../../shared/i18n';
import type { Library } from '../library';
import { readVendorKey } from '../signing';
import type { SiteSnapshot } from './collect';
import { translator } from './site/labels';
import type { Chrome } from './site/layout';
import { vendorCss, type Theme } from './theme';

// What every page of the site shares (title, vendor, logo, theme versions), and a key that
// changes whenever any of it does: then every page is made again.

const sha = (value: unknown) => hash('sha256', JSON.stringify(value));

export function siteChrome(library: Library, snapshot: SiteSnapshot, theme: Theme, renderVersion: number) {
  const { settings, vendor } = snapshot;
  const lang = settings.language;
  const t = translator(lang);
  // The vendor's name as readers of the site's language know it (Sirius Support, Sirius サポート).
  const vendorName = vendorNameIn(vendor, lang) || snapshot.productName || 'FAQ';
  const logoExt = vendor.logo ? (vendor.logo.ext === 'jpeg' ? 'jpg' : vendor.logo.ext) : null;
  const logoSource = vendor.logo ? library.media.fileOf(vendor.logo) : null;
  const logo = logoSource && existsSync(logoSource) ? `assets/logo.${logoExt}` : null;
  const vendorStyles = vendorCss(vendor);
  const chrome: Chrome = {
    lang,
    t,
    siteTitle: settings.title || t('faq', { name: vendorName }),
    vendorName,
    vendorEmail: vendor.email,
    logo,
    siteUrl: settings.siteUrl ? settings.siteUrl.replace(/\/*$/, '/') : '',
    signingKey: readVendorKey(library)?.fingerprint ?? null,
    versions: {
      css: sha(theme.css).slice(0, 8),
      vendorCss: sha(vendorStyles).slice(0, 8),
      js: sha(theme.js).slice(0, 8),
    },
  };
  const chromeKey = sha([
    renderVersion,
    theme.version,
    chrome.siteTitle,
    chrome.vendorName,
    chrome.vendorEmail,
    chrome.logo,
    chrome.siteUrl,
    chrome.signingKey,
    chrome.versions,
    resources[lang].publish.site,
  ]);
  /** Redacted text is replaced by this, in the language of the answer it stands in. */
  const placeholder = (language: string) => translator(language === 'en' ? 'en' : 'ja')('redacted');
  return { chrome, chromeKey, vendorStyles, logo, logoSource: logo ? logoSource : null, placeholder, t };
}
