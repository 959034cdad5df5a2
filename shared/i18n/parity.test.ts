import { describe, expect, it } from 'vitest';
import { namespaces, pickLocale, resources } from './index';

// i18next plural forms differ by language (English has _one, Japanese only _other): compare the
// base keys, so a key is "present" in a language when any of its plural forms is.
const pluralSuffix = /_(zero|one|two|few|many|other)$/;

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

function baseKeys(ns: Record<string, unknown>): Set<string> {
  return new Set(keysOf(ns).map((k) => k.replace(pluralSuffix, '')));
}

describe('i18n resources', () => {
  it('have the same namespaces in every language', () => {
    expect(Object.keys(resources.ja).sort()).toEqual(Object.keys(resources.en).sort());
  });

  for (const ns of namespaces) {
    it(`namespace "${ns}": every key exists in Japanese and in English`, () => {
      const en = baseKeys(resources.en[ns] as Record<string, unknown>);
      const ja = baseKeys(resources.ja[ns] as Record<string, unknown>);
      expect(
        [...en].filter((k) => !ja.has(k)),
        'missing in ja',
      ).toEqual([]);
      expect(
        [...ja].filter((k) => !en.has(k)),
        'missing in en',
      ).toEqual([]);
    });
  }

  it('have no empty strings', () => {
    for (const lang of ['en', 'ja'] as const) {
      for (const ns of namespaces) {
        const flat = keysOf(resources[lang][ns]).map((k) =>
          k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], resources[lang][ns]),
        );
        expect(
          flat.filter((v) => typeof v !== 'string' || v.trim() === ''),
          `${lang}/${ns}`,
        ).toEqual([]);
      }
    }
  });

  it('pick Japanese for any Japanese system locale, English otherwise, unless chosen', () => {
    expect(pickLocale('system', 'ja-JP')).toBe('ja');
    expect(pickLocale('system', 'ja')).toBe('ja');
    expect(pickLocale('system', 'en-US')).toBe('en');
    expect(pickLocale('system', 'fr')).toBe('en');
    expect(pickLocale('en', 'ja-JP')).toBe('en');
  });

  it('have a message for every error code', async () => {
    const { errorCodes } = await import('../errors');
    for (const code of errorCodes) {
      expect(resources.en.errors).toHaveProperty(code);
      expect(resources.ja.errors).toHaveProperty(code);
    }
  });
});
