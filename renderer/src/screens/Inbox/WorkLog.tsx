import { Download } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useApi, useApiMutation } from '../../api/hooks';
import { Button, Card, ErrorMessage, Loading, useToast } from '../../components';
import { useFormat } from '../../hooks/useFormat';
import type { LogEntry } from '@shared/domain/log';
import { QuestionStatus } from '@shared/domain/status';
import './tracking.css';

const isStatus = (value: unknown): value is QuestionStatus => QuestionStatus.safeParse(value).success;

/** The work log of a question or a customer: every action, newest first; exportable as CSV. */
export function WorkLog({ questionId, customerId }: { questionId?: number; customerId?: number }) {
  const { t } = useTranslation(['tracking', 'status']);
  const fmt = useFormat();
  // A status change is shown in words from what it recorded; other entries by their summary.
  const describe = (e: LogEntry): string => {
    const { from, to, nextCheckpoint } = e.detail;
    if (e.action !== 'question.status_changed' || !isStatus(from) || !isStatus(to)) return e.summary;
    const change = `${t(`status:status.${from}`)} → ${t(`status:status.${to}`)}`;
    return typeof nextCheckpoint === 'string'
      ? `${change} (${t('log.nextCheckpoint', { date: fmt.date(nextCheckpoint) })})`
      : change;
  };
  const toast = useToast();
  const filter = questionId !== undefined ? { questionId } : { customerId };
  const log = useApi('log:list', { ...filter, limit: 200 });
  const exportCsv = useApiMutation('log:exportCsv');
  return (
    <div data-testid="work-log">
      <Card
        title={t('log.title')}
        actions={
          <Button
            size="sm"
            variant="ghost"
            icon={<Download size={14} />}
            disabled={exportCsv.isPending}
            onClick={async () => {
              const done = await exportCsv.mutateAsync(filter).catch(() => null);
              if (done) toast.show(t('log.exported', { count: done.rows, path: done.path }));
            }}
          >
            {t('log.export')}
          </Button>
        }
      >
        <div>
          {exportCsv.isError && <ErrorMessage error={exportCsv.error} />}
          {log.isPending ? (
            <Loading />
          ) : log.isError ? (
            <ErrorMessage error={log.error} />
          ) : log.data.length ? (
            <ol className="k-worklog">
              {log.data.map((e) => (
                <li key={e.id}>
                  <span className="faint">{fmt.dateTime(e.at)}</span>
                  <span>
                    <strong>{t(`log.action.${e.action}`, { defaultValue: e.action })}</strong>{' '}
                    <span className="muted">{describe(e)}</span>
                  </span>
                </li>
              ))}
            </ol>
          ) : (
            <span className="faint">{t('log.empty')}</span>
          )}
        </div>
      </Card>
    </div>
  );
}
