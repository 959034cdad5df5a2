import { Archive, ArchiveRestore, X } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupResult, RestoreResult } from '@shared/domain/backup';
import { call } from '../../api/client';
import { Button, Card, ErrorMessage, ProgressBar } from '../../components';
import { useLibraryActions } from '../../shell/useLibraryActions';
import { useJob } from '../../hooks/useJob';
import { onBackupRequest } from './backupRequests';

type Running = { kind: 'backup' | 'restore'; jobId: string; target: string };

/** Settings → Backup: back up the open library into one zip, or restore a backup as a new library. */
export function BackupCard({ hasLibrary }: { hasLibrary: boolean }) {
  const { t } = useTranslation('backup');
  const [running, setRunning] = useState<Running | null>(null);
  const [error, setError] = useState<unknown>(null);
  const job = useJob(running?.jobId ?? null);
  const actions = useLibraryActions(setError);
  const busy = running !== null && (job === null || job.status === 'running');

  const start = useCallback(async (kind: 'backup' | 'restore') => {
    setError(null);
    try {
      const started = await call(kind === 'backup' ? 'backup:create' : 'backup:restore', {});
      if (started) setRunning({ kind, ...started });
    } catch (err) {
      setError(err);
    }
  }, []);

  useEffect(
    () => (hasLibrary ? onBackupRequest(() => void start('backup')) : undefined),
    [hasLibrary, start],
  );

  const result = job?.status === 'done' ? job.result : null;
  return (
    <Card title={t('title')}>
      <p className="muted">{t('intro')}</p>
      {!hasLibrary && <p className="muted">{t('noLibrary')}</p>}
      <div style={{ display: 'flex', gap: 8, marginTop: 10, flexWrap: 'wrap' }}>
        <Button
          icon={<Archive size={15} />}
          disabled={!hasLibrary || busy}
          onClick={() => void start('backup')}
        >
          {t('create')}
        </Button>
        <Button
          variant="ghost"
          icon={<ArchiveRestore size={15} />}
          disabled={busy}
          onClick={() => void start('restore')}
        >
          {t('restore')}
        </Button>
      </div>
      <p className="muted" style={{ marginTop: 8 }}>
        {t('restoreHint')}
      </p>
      {busy && running && (
        <div
          data-testid="backup-progress"
          style={{ display: 'flex', gap: 8, alignItems: 'center', marginTop: 10 }}
        >
          <div style={{ flex: 1 }}>
            <ProgressBar
              value={job?.progress ?? null}
              label={job?.phase ? t(job.phase) : t(running.kind === 'backup' ? 'running' : 'restoring')}
            />
          </div>
          <Button
            variant="ghost"
            icon={<X size={15} />}
            onClick={() => job && void call('jobs:cancel', { id: job.id })}
          >
            {t('cancel')}
          </Button>
        </div>
      )}
      {error !== null && <ErrorMessage error={error} />}
      {job?.status === 'failed' && job.error && <ErrorMessage error={job.error} />}
      {result !== null && running?.kind === 'backup' && (
        <p role="status" data-testid="backup-done">
          {t('done', { file: (result as BackupResult).file })}
        </p>
      )}
      {result !== null && running?.kind === 'restore' && (
        <div role="status" data-testid="restore-done">
          <p>{t('restored', { path: (result as RestoreResult).path })}</p>
          <Button onClick={() => void actions.openRecent((result as RestoreResult).path)}>
            {t('openRestored')}
          </Button>
        </div>
      )}
    </Card>
  );
}
