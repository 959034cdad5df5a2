import { resources } from '../../i18n';
import type { Language } from '../../domain/common';

// The words an answer is rendered with, in the ANSWER's language (answers:doc.*): the same keys
// for the preview, the bundle, the FAQ page and the mail, so a heading cannot read "Ways out" in
// one and "Options" in another (issue 17). Pure lookup, no i18next: shared code runs everywhere.

export type AnswerWords = (key: string, params?: Record<string, string | number>) => string;

function lookup(language: Language, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined),
      resources[language].answers.doc,
    );
}

export function answerWords(language: Language): AnswerWords {
  const plural = new Intl.PluralRules(language);
  return (key, params = {}) => {
    let value: unknown;
    if (typeof params.count === 'number')
      value = lookup(language, `${key}_${plural.select(params.count)}`) ?? lookup(language, `${key}_other`);
    value ??= lookup(language, key);
    if (typeof value !== 'string') throw new Error(`missing answer word ${key} (${language})`);
    return value.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
  };
}
