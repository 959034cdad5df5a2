import { resources } from '../../../../shared/i18n';

// The site's own words, from the app's i18n resources (publish:site.*), in the site's language.

export type SiteLanguage = 'ja' | 'en';
type Params = Record<string, string | number>;

export type Translate = (key: string, params?: Params) => string;

function lookup(lang: SiteLanguage, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined),
      resources[lang].publish.site,
    );
}

export function translator(lang: SiteLanguage): Translate {
  return (key, params = {}) => {
    let value: unknown;
    if (typeof params.count === 'number') {
      const form = new Intl.PluralRules(lang).select(params.count);
      value = lookup(lang, `${key}_${form}`) ?? lookup(lang, `${key}_other`);
    }
    value ??= lookup(lang, key);
    if (typeof value !== 'string') throw new Error(`missing site label ${key} (${lang})`);
    return value.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
  };
}
