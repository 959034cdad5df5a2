import { Download } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useApi, useApiMutation } from '../api/hooks';
import { useFormat } from '../hooks/useFormat';
import { useLogText } from '../hooks/useLogText';
import { Button } from './Button';
import { ErrorMessage } from './ErrorMessage';
import { Loading } from './Loading';
import { Card } from './Page';
import { useToast } from './Toast';
import './workLog.css';

/** The work log of a question or a customer: every action, newest first; exportable as CSV. */
export function WorkLog({ questionId, customerId }: { questionId?: number; customerId?: number }) {
  const { t, i18n } = useTranslation(['tracking', 'status']);
  const fmt = useFormat();
  // Each entry in words from what it recorded (a status change, a verdict, a draft's purpose).
  const { describe } = useLogText();
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
              const language = i18n.language === 'ja' ? 'ja' : 'en';
              const done = await exportCsv.mutateAsync({ ...filter, language }).catch(() => null);
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
