import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources, type UiLocale } from '@shared/i18n';

/** Starts i18next with every namespace bundled (the app is offline: nothing is fetched). */
export async function initI18n(language: UiLocale): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    defaultNS: 'common',
    ns: Object.keys(resources.en),
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  document.documentElement.lang = language;
}

export async function changeLanguage(language: UiLocale): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
