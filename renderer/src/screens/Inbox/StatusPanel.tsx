import { CalendarClock, Copy, Mail } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionDetail, StatusChangeView } from '@shared/domain/question';
import { isOpenStatus, isOverdue, type QuestionStatus } from '@shared/domain/status';
import { Badge, Button, Card, Kbd, MessageDelivery, StatusBadge } from '../../components';
import { useHotkey } from '../../hooks/useHotkey';
import { shortcutLabel } from '../../hooks/shortcutLabel';
import { todayDay, useFormat } from '../../hooks/useFormat';
import { StatusChangeDialog } from '../../components/StatusChangeDialog';
import './tracking.css';
import { useSendDraft } from '../../components/DraftEditor';
import { useLogText } from '../../hooks/useLogText';

const changeStatusKey = 'mod+shift+s';

/** The next step each status usually leads to: the panel's one-click suggestions. */
const nextSteps: Record<QuestionStatus, QuestionStatus[]> = {
  received: ['investigating', 'waiting_on_customer', 'declined'],
  investigating: ['reproducing', 'waiting_on_customer', 'answered'],
  reproducing: ['answered', 'waiting_on_customer', 'investigating'],
  waiting_on_customer: ['investigating', 'resolved'],
  answered: ['resolved', 'investigating'],
  resolved: ['investigating'],
  declined: ['investigating'],
};

/** Where the question stands, what comes next, and every status change with its message. */
export function StatusPanel({ question }: { question: QuestionDetail }) {
  const { t } = useTranslation(['tracking', 'status']);
  const fmt = useFormat();
  const [changing, setChanging] = useState<QuestionStatus | null>(null);
  useHotkey(
    changeStatusKey,
    () => setChanging(nextSteps[question.status][0] ?? question.status),
    changing === null,
  );
  const overdue = isOverdue(question.nextCheckpoint, todayDay(), question.status);
  return (
    <Card title={t('status.title')}>
      <div data-testid="status-panel">
        <div className="k-actions" style={{ marginTop: 0 }}>
          <StatusBadge status={question.status} />
          {isOpenStatus(question.status) &&
            (question.nextCheckpoint ? (
              <Badge tone={overdue ? 'danger' : 'neutral'}>
                <CalendarClock size={12} />{' '}
                {overdue
                  ? t('status.overdueSince', { date: fmt.date(question.nextCheckpoint) })
                  : t('status.nextNews', { date: fmt.date(question.nextCheckpoint) })}
              </Badge>
            ) : (
              <Badge tone="warning">{t('status.noCheckpoint')}</Badge>
            ))}
        </div>
        <div className="k-actions">
          {nextSteps[question.status].map((s) => (
            <Button key={s} size="sm" onClick={() => setChanging(s)}>
              {t('status.moveTo', { status: t(`status:status.${s}`) })}
            </Button>
          ))}
          <Button
            size="sm"
            variant="ghost"
            onClick={() => setChanging(question.status)}
            title={`${t('status.shortcut')} (${shortcutLabel(changeStatusKey)})`}
          >
            {t('status.change')} <Kbd>{shortcutLabel(changeStatusKey)}</Kbd>
          </Button>
        </div>
        {question.statusHistory.length > 0 && (
          <ol className="k-timeline" data-testid="status-history" style={{ marginTop: 12 }}>
            {[...question.statusHistory].reverse().map((h) => (
              <HistoryEntry key={h.id} entry={h} question={question} />
            ))}
          </ol>
        )}
      </div>
      {changing && (
        <StatusChangeDialog question={question} initialStatus={changing} onClose={() => setChanging(null)} />
      )}
    </Card>
  );
}

function HistoryEntry({ entry, question }: { entry: StatusChangeView; question: QuestionDetail }) {
  const { t } = useTranslation(['tracking', 'status']);
  const fmt = useFormat();
  const { copy, mail } = useSendDraft(question.id, 'status');
  const words = useLogText();
  const draft = { subject: `Re: ${question.subject}`, body: entry.customerMessage };
  return (
    <li>
      <div>
        {entry.fromStatus && <span className="faint">{t(`status:status.${entry.fromStatus}`)} → </span>}
        <strong>{t(`status:status.${entry.toStatus}`)}</strong>{' '}
        <span className="faint">
          {fmt.dateTime(entry.at)} · {words.actor(entry.actor)}
        </span>
      </div>
      {entry.nextCheckpoint && (
        <div className="muted">{t('status.nextNews', { date: fmt.date(entry.nextCheckpoint) })}</div>
      )}
      {entry.note && <div className="muted">{t('status.why', { note: words.note(entry.note) })}</div>}
      {entry.customerMessage && entry.delivery && (
        <MessageDelivery delivery={entry.delivery} sentRef={`status:${entry.id}`} />
      )}
      {entry.customerMessage && (
        <details>
          <summary className="muted">{t('status.messageSent')}</summary>
          <div className="k-history-message">{entry.customerMessage}</div>
          <div className="k-actions">
            <Button size="sm" variant="ghost" icon={<Copy size={13} />} onClick={() => void copy(draft)}>
              {t('draft.copy')}
            </Button>
            <Button size="sm" variant="ghost" icon={<Mail size={13} />} onClick={() => void mail(draft)}>
              {t('draft.openMail')}
            </Button>
          </div>
        </details>
      )}
    </li>
  );
}
