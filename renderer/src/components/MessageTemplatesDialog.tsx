import { FileText } from 'lucide-react';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '@shared/domain/common';
import type { MessageTemplate } from '@shared/domain/tracking';
import {
  messageTemplateKeys,
  templatePlaceholders,
  type MessageTemplateKey,
} from '@shared/tracking/templates';
import { useApi, useApiMutation } from '../api/hooks';
import { Button } from './Button';
import { Dialog } from './Dialog';
import { ErrorMessage } from './ErrorMessage';
import { SelectField, TextArea, TextField } from './Field';
import { Loading } from './Loading';
import { Card } from './Page';
import { useToast } from './Toast';
import { succeeded } from '../api/succeeded';

/**
 * Editor of the customer-message templates (decline, clarification, one per status), in Japanese
 * and English. Stored in the library; Reset brings back the built-in text.
 */
export function MessageTemplatesEditor({
  initialKey = 'scope.out_of_scope',
}: {
  initialKey?: MessageTemplateKey;
}) {
  const { t, i18n } = useTranslation(['tracking', 'status']);
  const templates = useApi('messageTemplates:list', {});
  const [key, setKey] = useState<MessageTemplateKey>(initialKey);
  const [language, setLanguage] = useState<Language>(i18n.language === 'en' ? 'en' : 'ja');
  if (templates.isPending) return <Loading />;
  if (templates.isError) return <ErrorMessage error={templates.error} />;
  const current = templates.data.find((tpl) => tpl.key === key && tpl.language === language);
  return (
    <div data-testid="message-templates">
      <div className="k-form-grid">
        <SelectField
          label={t('templates.purpose')}
          value={key}
          onChange={(e) => setKey(e.target.value as MessageTemplateKey)}
          options={messageTemplateKeys.map((k) => ({ value: k, label: templateLabel(t, k) }))}
        />
        <SelectField
          label={t('templates.language')}
          value={language}
          onChange={(e) => setLanguage(e.target.value as Language)}
          options={[
            { value: 'ja', label: '日本語' },
            { value: 'en', label: 'English' },
          ]}
        />
      </div>
      {/* Keyed so switching template starts from that template's stored text. */}
      {current && <TemplateForm key={`${key}:${language}:${current.isDefault}`} template={current} />}
      <p className="faint">
        {t('templates.placeholders')} {templatePlaceholders.map((p) => `{{${p}}}`).join(' ')}
      </p>
    </div>
  );
}

function templateLabel(t: TFunction, key: MessageTemplateKey): string {
  if (key === 'scope.out_of_scope') return t('templates.decline');
  if (key === 'scope.needs_clarification') return t('templates.clarification');
  return t('templates.statusOf', { status: t(`status:status.${key.slice('status.'.length)}`) });
}

function TemplateForm({ template }: { template: MessageTemplate }) {
  const { t } = useTranslation('tracking');
  const toast = useToast();
  const save = useApiMutation('messageTemplates:save');
  const reset = useApiMutation('messageTemplates:reset');
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const dirty = subject !== template.subject || body !== template.body;
  return (
    <>
      <TextField label={t('draft.subject')} value={subject} onChange={(e) => setSubject(e.target.value)} />
      <TextArea
        label={t('templates.body')}
        rows={12}
        value={body}
        onChange={(e) => setBody(e.target.value)}
      />
      {(save.isError || reset.isError) && <ErrorMessage error={save.error ?? reset.error} />}
      <div className="k-actions">
        <Button
          variant="primary"
          size="sm"
          disabled={!dirty || save.isPending}
          onClick={async () => {
            if (
              !(await succeeded(
                save.mutateAsync({ key: template.key, language: template.language, subject, body }),
              ))
            )
              return;
            toast.show(t('templates.saved'));
          }}
        >
          {t('templates.save')}
        </Button>
        <Button
          size="sm"
          variant="ghost"
          disabled={template.isDefault || reset.isPending}
          onClick={() => reset.mutate({ key: template.key, language: template.language })}
        >
          {t('templates.reset')}
        </Button>
        {dirty && <span className="faint">{t('templates.unsaved')}</span>}
      </div>
    </>
  );
}

export function MessageTemplatesButton({ initialKey }: { initialKey: MessageTemplateKey }) {
  const { t } = useTranslation('tracking');
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" variant="ghost" icon={<FileText size={14} />} onClick={() => setOpen(true)}>
        {t('templates.edit')}
      </Button>
      {open && (
        <Dialog open title={t('templates.title')} onClose={() => setOpen(false)} width={680}>
          <MessageTemplatesEditor initialKey={initialKey} />
        </Dialog>
      )}
    </>
  );
}

/** The same editor as a Settings card. */
export function MessageTemplatesCard() {
  const { t } = useTranslation('tracking');
  return (
    <Card title={t('templates.title')}>
      <MessageTemplatesEditor />
    </Card>
  );
}
