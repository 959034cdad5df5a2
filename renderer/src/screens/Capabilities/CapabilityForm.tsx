import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CapabilityText } from '@shared/domain/capability';
import type { Language } from '@shared/domain/common';
import { Button, TextArea, TextField } from '../../components';

export interface CapabilityValues {
  texts: Record<Language, CapabilityText>;
  keywords: string[];
}

const splitKeywords = (text: string) =>
  text
    .split(/[,、\n]/)
    .map((k) => k.trim())
    .filter(Boolean);

/** The UI's language first: that is the text the vendor writes first. */
const languagesFor = (ui: string): Language[] => (ui.startsWith('ja') ? ['ja', 'en'] : ['en', 'ja']);

/**
 * Title and description of one capability in each language the customers read (a decline to an
 * English customer lists the catalogue in English), and its keywords; used to add and to edit.
 * One title is enough to save; a missing translation is shown on the capability and in drafts.
 */
export function CapabilityForm({
  initial,
  submitLabel,
  busy,
  onSubmit,
  onCancel,
}: {
  initial: CapabilityValues;
  submitLabel: string;
  busy: boolean;
  onSubmit: (values: CapabilityValues) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation(['capabilities', 'common']);
  const [texts, setTexts] = useState(initial.texts);
  const [keywords, setKeywords] = useState(initial.keywords.join(', '));
  const hasTitle = !!(texts.ja.title.trim() || texts.en.title.trim());
  const set = (language: Language, field: keyof CapabilityText, value: string) =>
    setTexts({ ...texts, [language]: { ...texts[language], [field]: value } });
  return (
    <form
      data-testid="capability-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (hasTitle) onSubmit({ texts, keywords: splitKeywords(keywords) });
      }}
    >
      {languagesFor(i18n.language).map((language, i) => (
        <fieldset key={language} className="k-capability-language" lang={language}>
          <legend lang={i18n.language}>{t(`form.language.${language}`)}</legend>
          <TextField
            label={t(`form.titleIn.${language}`)}
            autoFocus={i === 0}
            maxLength={300}
            value={texts[language].title}
            onChange={(e) => set(language, 'title', e.target.value)}
          />
          <TextArea
            label={t(`form.descriptionIn.${language}`)}
            rows={3}
            value={texts[language].description}
            onChange={(e) => set(language, 'description', e.target.value)}
          />
        </fieldset>
      ))}
      {!hasTitle && <p className="faint">{t('form.titleRequired')}</p>}
      <TextField
        label={t('keywords')}
        hint={t('form.keywordsHint')}
        value={keywords}
        onChange={(e) => setKeywords(e.target.value)}
      />
      <div className="k-actions">
        <Button type="submit" variant="primary" disabled={busy || !hasTitle}>
          {submitLabel}
        </Button>
        <Button onClick={onCancel}>{t('common:cancel')}</Button>
      </div>
    </form>
  );
}
