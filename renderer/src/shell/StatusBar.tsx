import { Database, X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { JobState } from '@shared/domain/job';
import type { LibraryState } from '@shared/domain/library';
import { call } from '../api/client';
import { ProgressBar } from '../components';
import { IntegrityStatus } from './IntegrityStatus';

/** The open library (always visible, so the vendor knows where their work goes) and running jobs. */
export function StatusBar({ library, jobs }: { library: LibraryState | undefined; jobs: JobState[] }) {
  const { t } = useTranslation(['library', 'jobs']);
  // The integrity check has its own place (IntegrityStatus) and nothing to cancel.
  const running = jobs.filter((j) => j.status === 'running' && j.kind !== 'integrity');
  return (
    <footer className="k-statusbar" data-testid="status-bar">
      {library?.status === 'open' ? (
        <>
          <span className="k-statusbar__item" title={library.info.path}>
            <Database size={13} />
            <strong>{library.info.name}</strong>
            <span className="k-statusbar__path">{library.info.path}</span>
          </span>
          <IntegrityStatus integrity={library.info.integrity} />
          {library.info.readOnly && <span className="k-statusbar__item">{t('library:readOnly')}</span>}
        </>
      ) : (
        <span className="k-statusbar__item">{t('library:noneOpen')}</span>
      )}
      <span className="k-statusbar__spacer" />
      {running.map((job) => (
        <span key={job.id} className="k-statusbar__job" data-testid="job-progress">
          <span>{t(`jobs:kind.${job.kind}`, { defaultValue: job.kind })}</span>
          <ProgressBar value={job.progress} label={t(`jobs:kind.${job.kind}`, { defaultValue: job.kind })} />
          <span className="mono">{Math.round(job.progress * 100)}%</span>
          {job.etaS !== null && <span className="faint">{t('jobs:eta', { seconds: job.etaS })}</span>}
          <button
            type="button"
            className="k-statusbar__cancel"
            aria-label={t('jobs:cancel')}
            title={t('jobs:cancel')}
            onClick={() => void call('jobs:cancel', { id: job.id })}
          >
            <X size={13} />
          </button>
        </span>
      ))}
    </footer>
  );
}
