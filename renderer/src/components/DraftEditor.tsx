import { AlertTriangle, Copy, Mail, RotateCcw } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { DraftPurpose, MessageDraft } from '@shared/domain/tracking';
import { useApiMutation } from '../api/hooks';
import { Button } from './Button';
import { ErrorMessage } from './ErrorMessage';
import { TextArea, TextField } from './Field';
import { useToast } from './Toast';
import { useCopy } from './clipboard';
import { succeeded } from '../api/succeeded';
import './draftEditor.css';

export interface DraftText {
  subject: string;
  body: string;
}

/**
 * Copying a draft or opening it in the mail program, both logged. A message too long for a
 * mailto: link opens with the subject only and is copied, with a toast saying so.
 */
export function useSendDraft(questionId: number, purpose: DraftPurpose) {
  const { t } = useTranslation('tracking');
  const toast = useToast();
  const copyText = useCopy();
  const send = useApiMutation('drafts:send');
  const copy = async (draft: DraftText) => {
    // Logged as handed over only when it really is on the clipboard.
    if (!(await copyText(`${draft.subject}\n\n${draft.body}`))) return;
    if (!(await succeeded(send.mutateAsync({ questionId, purpose, via: 'copy', ...draft })))) return;
    toast.show(t('draft.copied'));
  };
  const mail = async (draft: DraftText) => {
    const sent = await send.mutateAsync({ questionId, purpose, via: 'mail', ...draft }).catch(() => null);
    if (!sent) return;
    if (sent.bodyOmitted) {
      if (await copyText(draft.body)) toast.show(t('draft.mailTooLong'), { timeoutMs: 12_000 });
    } else if (sent.file) toast.show(t('draft.mailAsFile'));
    else toast.show(t('draft.mailOpened'));
  };
  return { send, copy, mail };
}

/**
 * A customer message drafted from a template: editable, then copied or opened in the mail program
 * (both are logged). Controlled: the parent keeps the edit, so nothing typed is lost when the
 * generated draft changes underneath (another status, another date).
 */
export function DraftEditor({
  questionId,
  purpose,
  generated,
  edited,
  onEdit,
  testId,
}: {
  questionId: number;
  purpose: DraftPurpose;
  generated: MessageDraft | undefined;
  edited: DraftText | null;
  onEdit: (draft: DraftText | null) => void;
  testId?: string;
}) {
  const { t } = useTranslation('tracking');
  const value: DraftText = edited ?? { subject: generated?.subject ?? '', body: generated?.body ?? '' };

  const { send, copy: copyDraft, mail: mailDraft } = useSendDraft(questionId, purpose);
  const copy = () => copyDraft(value);
  const mail = () => mailDraft(value);

  return (
    <div className="k-draft" data-testid={testId ?? 'draft'}>
      <div className="faint">
        {generated?.to ? t('draft.to', { to: generated.to }) : t('draft.noAddress')}
      </div>
      {generated && generated.untranslated.length > 0 && (
        <div className="k-draft__untranslated" role="status" data-testid="draft-untranslated">
          <AlertTriangle size={14} aria-hidden />{' '}
          {t('draft.untranslated', {
            language: t(`draft.languageName.${generated.language}`),
            titles: generated.untranslated.join(generated.language === 'ja' ? '、' : ', '),
          })}
        </div>
      )}
      <TextField
        label={t('draft.subject')}
        value={value.subject}
        onChange={(e) => onEdit({ ...value, subject: e.target.value })}
      />
      <TextArea
        label={t('draft.body')}
        rows={12}
        value={value.body}
        lang={generated?.language}
        onChange={(e) => onEdit({ ...value, body: e.target.value })}
      />
      {send.isError && <ErrorMessage error={send.error} />}
      <div className="k-actions">
        <Button icon={<Copy size={14} />} size="sm" onClick={() => void copy()} disabled={!value.body}>
          {t('draft.copy')}
        </Button>
        <Button icon={<Mail size={14} />} size="sm" onClick={() => void mail()} disabled={!value.body}>
          {t('draft.openMail')}
        </Button>
        {edited && (
          <Button icon={<RotateCcw size={14} />} size="sm" variant="ghost" onClick={() => onEdit(null)}>
            {t('draft.regenerate')}
          </Button>
        )}
      </div>
    </div>
  );
}
