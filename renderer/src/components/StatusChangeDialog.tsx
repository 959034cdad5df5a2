import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionDetail } from '@shared/domain/question';
import { isOpenStatus, questionStatuses, type QuestionStatus } from '@shared/domain/status';
import { checkpointProblem, suggestedCheckpoint } from '@shared/tracking/checkpoint';
import { statusTemplateKey } from '@shared/tracking/templates';
import { useApi, useApiMutation } from '../api/hooks';
import { Button } from './Button';
import { DateField } from './DateField';
import { Dialog } from './Dialog';
import { ErrorMessage } from './ErrorMessage';
import { SelectField, TextArea } from './Field';
import { useToast } from './Toast';
import { todayDay, useFormat } from '../hooks/useFormat';
import { DraftEditor, type DraftText } from './DraftEditor';
import { MessageTemplatesButton } from './MessageTemplatesDialog';
import { succeeded } from '../api/succeeded';

/**
 * Changes a question's status: why (a note for the work log), the next checkpoint (required while
 * the question is open, suggested two working days ahead) and the customer message drafted from the
 * status template, editable before saving.
 */
export function StatusChangeDialog({
  question,
  initialStatus,
  initialMessage = null,
  onClose,
}: {
  question: QuestionDetail;
  initialStatus: QuestionStatus;
  /** A message already written (the decline, the questions to the customer) to send with it. */
  initialMessage?: DraftText | null;
  onClose: () => void;
}) {
  const { t } = useTranslation(['tracking', 'status', 'common']);
  const toast = useToast();
  const fmt = useFormat();
  const today = todayDay();
  const suggested = suggestedCheckpoint(today);
  const [to, setTo] = useState<QuestionStatus>(initialStatus);
  const [checkpoint, setCheckpoint] = useState(
    question.nextCheckpoint && question.nextCheckpoint >= today
      ? question.nextCheckpoint
      : suggestedCheckpoint(today),
  );
  const [note, setNote] = useState('');
  const [edited, setEdited] = useState<DraftText | null>(initialMessage);
  const open = isOpenStatus(to);
  const nextCheckpoint = open ? checkpoint || null : null;
  const problem = checkpointProblem(to, nextCheckpoint, today);
  const generated = useApi(
    'drafts:make',
    { questionId: question.id, purpose: 'status', status: to, nextCheckpoint },
    { placeholderData: keepPreviousData },
  );
  const save = useApiMutation('questions:changeStatus');
  const message = edited?.body ?? generated.data?.body ?? '';

  const submit = async () => {
    if (
      !(await succeeded(
        save.mutateAsync({ id: question.id, to, nextCheckpoint, note, customerMessage: message }),
      ))
    )
      return;
    toast.show(t('status.changed', { status: t(`status:status.${to}`) }));
    onClose();
  };

  return (
    <Dialog
      open
      title={t('status.dialogTitle')}
      onClose={onClose}
      width={720}
      footer={
        <>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
          <Button
            variant="primary"
            disabled={problem !== null || save.isPending}
            onClick={() => void submit()}
          >
            {t('status.save')}
          </Button>
        </>
      }
    >
      <div data-testid="status-dialog">
        <div className="k-form-grid">
          <SelectField
            label={t('status.newStatus')}
            value={to}
            onChange={(e) => setTo(e.target.value as QuestionStatus)}
            options={questionStatuses.map((s) => ({ value: s, label: t(`status:status.${s}`) }))}
          />
          {open ? (
            <DateField
              label={t('status.checkpoint')}
              min={today}
              required
              value={checkpoint}
              onChange={setCheckpoint}
              hint={
                <>
                  {problem ? t(`errors.checkpoint_${problem}`) : t('status.checkpointHint')}{' '}
                  {checkpoint !== suggested && (
                    <button type="button" className="k-linklike" onClick={() => setCheckpoint(suggested)}>
                      {t('status.useSuggested', { date: fmt.date(suggested) })}
                    </button>
                  )}
                </>
              }
            />
          ) : (
            <div className="faint" style={{ alignSelf: 'center' }}>
              {t('status.closedClears')}
            </div>
          )}
        </div>
        <TextArea
          label={t('status.note')}
          hint={t('status.noteHint')}
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <div className="k-actions" style={{ justifyContent: 'space-between' }}>
          <strong>{t('status.customerMessage')}</strong>
          <MessageTemplatesButton initialKey={statusTemplateKey(to)} />
        </div>
        {generated.isError && <ErrorMessage error={generated.error} />}
        <DraftEditor
          questionId={question.id}
          purpose="status"
          generated={generated.data}
          edited={edited}
          onEdit={setEdited}
          testId="status-draft"
        />
        {save.isError && <ErrorMessage error={save.error} />}
      </div>
    </Dialog>
  );
}
