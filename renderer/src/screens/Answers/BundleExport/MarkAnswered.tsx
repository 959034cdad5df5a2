import { CheckCheck } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { QuestionDetail } from '@shared/domain/question';
import { useApi } from '../../../api/hooks';
import { Button, ErrorMessage, StatusBadge } from '../../../components';
// The Inbox's own status dialog (note, next checkpoint, customer message), with the styles it uses.
import { StatusChangeDialog } from '../../../components/StatusChangeDialog';

/**
 * The status dialog for marking the question answered. Rendered beside the export dialog, not
 * inside it: React passes a nested dialog's Escape (cancel) on to the outer one, closing both.
 */
export function MarkAnsweredDialog({ question, onClose }: { question: QuestionDetail; onClose: () => void }) {
  return <StatusChangeDialog question={question} initialStatus="answered" onClose={onClose} />;
}

/**
 * After a bundle for a question is exported: where that question stands, and "Mark the question
 * answered…", which asks the export dialog to open the Inbox's status dialog preset to answered.
 */
export function MarkAnswered({
  questionId,
  onMark,
}: {
  questionId: number;
  onMark: (question: QuestionDetail) => void;
}) {
  const { t } = useTranslation('bundle');
  const question = useApi('questions:get', { id: questionId });
  if (question.isError) return <ErrorMessage error={question.error} />;
  const q = question.data;
  if (!q) return null;
  const done = q.status === 'answered' || q.status === 'resolved';
  return (
    <div className="k-bundle-mark" data-testid="bundle-question-status">
      <span>{t('mark.question', { subject: q.subject })}</span>
      <StatusBadge status={q.status} />
      {done ? (
        <span className="faint">{t('mark.done')}</span>
      ) : (
        <Button icon={<CheckCheck size={15} />} onClick={() => onMark(q)}>
          {t('mark.button')}
        </Button>
      )}
    </div>
  );
}
