import { Copy, Mail, RotateCcw } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { DraftPurpose, MessageDraft } from '@shared/domain/tracking';
import { useApiMutation } from '../../api/hooks';
import { Button, ErrorMessage, TextArea, TextField, useToast } from '../../components';
import { succeeded } from './succeeded';

export interface DraftText {
  subject: string;
  body: string;
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
  const toast = useToast();
  const send = useApiMutation('drafts:send');
  const value: DraftText = edited ?? { subject: generated?.subject ?? '', body: generated?.body ?? '' };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(`${value.subject}\n\n${value.body}`);
    } catch {
      /* no clipboard permission (tests, some Linux desktops): the text is still selectable */
    }
    if (!(await succeeded(send.mutateAsync({ questionId, purpose, via: 'copy', ...value })))) return;
    toast.show(t('draft.copied'));
  };
  const mail = async () => {
    if (!(await succeeded(send.mutateAsync({ questionId, purpose, via: 'mail', ...value })))) return;
    toast.show(t('draft.mailOpened'));
  };

  return (
    <div className="k-draft" data-testid={testId ?? 'draft'}>
      <div className="faint">
        {generated?.to ? t('draft.to', { to: generated.to }) : t('draft.noAddress')}
      </div>
      <TextField
        label={t('draft.subject')}
        value={value.subject}
        onChange={(e) => onEdit({ ...value, subject: e.target.value })}
      />
      <TextArea
        label={t('draft.body')}
        rows={12}
        value={value.body}
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
