import { FolderSearch, Globe, Send, X } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, useApiMutation } from '../../api/hooks';
import {
  Button,
  Card,
  EmptyState,
  ErrorMessage,
  Kbd,
  Loading,
  PageHeader,
  ProgressBar,
} from '../../components';
import { useFormat } from '../../hooks/useFormat';
import { useHotkey } from '../../hooks/useHotkey';
import type { ScreenProps } from '../../shell/ScreenView';
import { AnswersCard } from './AnswersCard';
import { FindingsCard } from './FindingsCard';
import { RecheckConfirm, RecheckWarning } from './RecheckWarning';
import { SiteCard } from './SiteCard';
import { usePublishJob } from './usePublishJob';
import './publish.css';

export default function Publish({ navigate }: ScreenProps) {
  const { t } = useTranslation('publish');
  const fmt = useFormat();
  const overview = useApi('faq:overview', {});
  const open = useApiMutation('faq:openOutput');
  const { job, result, running, start, cancel, dismiss, startError } = usePublishJob();
  const o = overview.data;
  const canPublish = !!o && !running && o.unresolved === 0 && !!o.settings.outDir;
  // Public answers a release put on the list to re-check: warned about, and asked before publishing.
  const stale = useApi('answers:stale', {});
  const staleOnSite = (stale.data ?? []).filter((s) => o?.answers.some((a) => a.id === s.answerId));
  const [confirming, setConfirming] = useState(false);
  const requestPublish = () => (staleOnSite.length ? setConfirming(true) : void start());
  useHotkey('mod+enter', requestPublish, canPublish && !confirming);

  if (overview.isPending) return <Loading />;
  if (overview.isError) return <ErrorMessage error={overview.error} />;
  const data = overview.data;
  const blockedReason = !data.settings.outDir
    ? t('needsFolder')
    : data.unresolved > 0
      ? t('blocked', { count: data.unresolved })
      : null;
  // Nothing to publish but the same pages: still allowed (the vendor's details may have changed),
  // but no longer the screen's main action.
  const upToDate =
    !!data.lastPublication &&
    data.withdrawn.length === 0 &&
    data.answers.every((a) => a.change === 'unchanged');

  return (
    <div className="k-screen" data-testid="screen-publish">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <>
            <Button
              icon={<FolderSearch size={15} />}
              onClick={() => open.mutate({})}
              disabled={!data.lastPublication || running}
            >
              {t('output.show')}
            </Button>
            <Button
              variant={upToDate ? 'secondary' : 'primary'}
              icon={<Send size={15} />}
              onClick={requestPublish}
              disabled={!canPublish}
              title={blockedReason ?? undefined}
              data-testid="publish-start"
            >
              {!data.lastPublication ? t('publish') : upToDate ? t('publishAgain') : t('republish')}
            </Button>
          </>
        }
      />
      <div className="k-publish">
        {upToDate && !blockedReason && !running && (
          <p className="muted" role="status" data-testid="publish-up-to-date">
            {t('upToDate')}
          </p>
        )}
        {blockedReason && data.answers.length > 0 && (
          <p className="k-publish__blocked" role="status" data-testid="publish-blocked">
            {blockedReason}
          </p>
        )}
        <RecheckWarning items={staleOnSite} navigate={navigate} />
        {open.isError && <ErrorMessage error={open.error} />}
        {startError !== null && <ErrorMessage error={startError} />}
        {job && (
          <Card className="k-publish__job">
            <div data-testid="publish-job" data-status={job.status}>
              {running ? (
                <div className="k-publish__progress">
                  <span>{t(`phase.${job.phase}`, { defaultValue: job.phase })}</span>
                  <ProgressBar
                    value={job.progress}
                    label={t('progress', { percent: Math.round(job.progress * 100) })}
                  />
                  <span className="mono">{Math.round(job.progress * 100)}%</span>
                  <Button size="sm" icon={<X size={13} />} onClick={() => void cancel()}>
                    {t('cancel')}
                  </Button>
                </div>
              ) : job.status === 'done' && result ? (
                <div className="k-publish__result">
                  <strong>{t('done', { count: result.stats.answers })}</strong>{' '}
                  <span className="muted">{t('doneDetail', result.stats)}</span>
                  <Button size="sm" variant="ghost" onClick={dismiss} aria-label="×">
                    <X size={13} />
                  </Button>
                </div>
              ) : job.status === 'cancelled' ? (
                <p>{t('cancelled')}</p>
              ) : job.error ? (
                <ErrorMessage error={job.error} />
              ) : null}
            </div>
          </Card>
        )}
        {data.answers.length === 0 ? (
          <EmptyState icon={<Globe size={40} />} title={t('emptyTitle')}>
            {t('emptyText')}
          </EmptyState>
        ) : (
          <div className="k-publish__grid">
            <div className="k-publish__main">
              <FindingsCard findings={data.findings} unresolved={data.unresolved} />
              <AnswersCard
                overview={data}
                navigate={navigate}
                toRecheck={new Set(staleOnSite.map((s) => s.answerId))}
              />
            </div>
            <div className="k-publish__side">
              <SiteCard key={JSON.stringify(data.settings)} settings={data.settings} vendor={data.vendor} />
              <p className="muted k-publish__last" data-testid="last-publication">
                {data.lastPublication
                  ? t('lastPublication', {
                      date: fmt.dateTime(data.lastPublication.at),
                      path: data.lastPublication.outDir,
                    })
                  : t('neverPublished')}
              </p>
              <p className="faint k-publish__hotkey">
                <Kbd>Ctrl</Kbd> + <Kbd>Enter</Kbd> {t('publish')}
              </p>
            </div>
          </div>
        )}
      </div>
      {confirming && (
        <RecheckConfirm
          items={staleOnSite}
          navigate={navigate}
          onClose={() => setConfirming(false)}
          onPublish={() => {
            setConfirming(false);
            void start();
          }}
        />
      )}
    </div>
  );
}
