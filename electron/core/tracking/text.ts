import type { TFunction } from 'i18next';
import type { Language } from '../../../shared/domain/common';
import { textIn } from '../i18n';

/** A customer message speaks the customer's language, whatever the app's UI language is. */
export function customerT(language: Language): TFunction {
  return textIn(language, 'tracking');
}
