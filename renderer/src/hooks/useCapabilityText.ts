import { useTranslation } from 'react-i18next';
import { capabilityTextIn, type Capability } from '@shared/domain/capability';
import type { Language } from '@shared/domain/common';

/** The UI's language as a catalogue language. */
export function useUiLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.language.startsWith('ja') ? 'ja' : 'en';
}

/**
 * Capabilities as the vendor reads them: title and description in the UI's language, else in the
 * other one (the editor shows which translations are missing).
 */
export function useCapabilitiesInUiLanguage(list: Capability[] | undefined): Capability[] {
  const language = useUiLanguage();
  return (list ?? []).map((c) => {
    const text = capabilityTextIn(c.texts, language);
    return { ...c, title: text.title, description: text.description };
  });
}
