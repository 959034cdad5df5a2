import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, TextArea, TextField } from '../../components';

export interface CapabilityValues {
  title: string;
  description: string;
  keywords: string[];
}

const splitKeywords = (text: string) =>
  text
    .split(/[,、\n]/)
    .map((k) => k.trim())
    .filter(Boolean);

/** Title, description and keywords of one capability; used to add and to edit. */
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
  const { t } = useTranslation(['capabilities', 'common']);
  const [title, setTitle] = useState(initial.title);
  const [description, setDescription] = useState(initial.description);
  const [keywords, setKeywords] = useState(initial.keywords.join(', '));
  return (
    <form
      data-testid="capability-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (title.trim()) onSubmit({ title: title.trim(), description, keywords: splitKeywords(keywords) });
      }}
    >
      <TextField
        label={t('form.title')}
        required
        autoFocus
        maxLength={300}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <TextArea
        label={t('form.description')}
        rows={3}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
      />
      <TextField
        label={t('keywords')}
        hint={t('form.keywordsHint')}
        value={keywords}
        onChange={(e) => setKeywords(e.target.value)}
      />
      <div className="k-actions">
        <Button type="submit" variant="primary" disabled={busy || !title.trim()}>
          {submitLabel}
        </Button>
        <Button onClick={onCancel}>{t('common:cancel')}</Button>
      </div>
    </form>
  );
}
