import i18next, { type i18n, type TFunction } from 'i18next';
import { resources, type UiLocale } from '../../../shared/i18n';

// The app's messages in ONE given language, whatever the UI's language is: what we write for a
// customer (a bundle, a status message) speaks the customer's language, and the CLI and reports
// speak the language they were asked for. Values are interpolated raw: text that goes into HTML
// is escaped where it is put there.
const instances = new Map<UiLocale, i18n>();

export function translatorFor(language: UiLocale): i18n {
  let instance = instances.get(language);
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init({
      resources,
      lng: language,
      fallbackLng: 'en',
      initAsync: false,
      interpolation: { escapeValue: false },
    });
    instances.set(language, instance);
  }
  return instance;
}

/** `t` for one namespace in one language (`textIn('ja', 'bundle')('viewer.title')`). */
export function textIn(language: UiLocale, namespace: string): TFunction {
  return translatorFor(language).getFixedT(language, namespace);
}
