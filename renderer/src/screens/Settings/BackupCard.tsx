import { Archive, ArchiveRestore, X } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { Button, Card, ErrorMessage, ProgressBar } from '../../components';
import { useLibraryActions } from '../../shell/useLibraryActions';
import { useJob } from '../../jobs/useJob';
import { onBackupRequest } from './backupRequests';

type Kind = 'backup' | 'restore';

/** Settings → Backup: back up the open library into one zip, or restore a backup as a new library. */
export function BackupCard({ hasLibrary }: { hasLibrary: boolean }) {
  const { t } = useTranslation('backup');
  const [error, setError] = useState<unknown>(null);
  // The kind started last: its job is the one on screen.
  const [kind, setKind] = useState<Kind | null>(null);
  const backup = useJob('backup');
  const restore = useJob('restore');
  const job = kind === 'backup' ? backup.job : kind === 'restore' ? restore.job : null;
  const actions = useLibraryActions(setError);
  const busy = backup.running || restore.running;

  // The kind last asked for, whose refusal (if any) is the one to show.
  const [asked, setAsked] = useState<Kind>('backup');
  const startBackup = backup.start;
  const startRestore = restore.start;
  const start = useCallback(
    async (which: Kind) => {
      setError(null);
      setAsked(which);
      const started =
        which === 'backup'
          ? await startBackup(() => call('backup:create', {}))
          : await startRestore(() => call('backup:restore', {}));
      if (started) setKind(which);
    },
    [startBackup, startRestore],
  );
  const startError = asked === 'restore' ? restore.startError : backup.startError;

  useEffect(
    () => (hasLibrary ? onBackupRequest(() => void start('backup')) : undefined),
    [hasLibrary, start],
  );

  const backedUp = kind === 'backup' ? backup.result : null;
  const restored = kind === 'restore' ? restore.result : null;
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
      {busy && job && (
        <div
          data-testid="backup-progress"
          style={{ display: 'flex', gap: 8, alignItems: 'center', marginTop: 10 }}
        >
          <div style={{ flex: 1 }}>
            <ProgressBar
              value={job?.progress ?? null}
              label={job.phase ? t(job.phase) : t(kind === 'backup' ? 'running' : 'restoring')}
            />
          </div>
          <Button
            variant="ghost"
            icon={<X size={15} />}
            onClick={() => void (kind === 'backup' ? backup : restore).cancel()}
          >
            {t('cancel')}
          </Button>
        </div>
      )}
      {error !== null && <ErrorMessage error={error} />}
      {startError !== null && <ErrorMessage error={startError} />}
      {job?.status === 'failed' && job.error && <ErrorMessage error={job.error} />}
      {backedUp && (
        <p role="status" data-testid="backup-done">
          {t('done', { file: backedUp.file })}
        </p>
      )}
      {restored && (
        <div role="status" data-testid="restore-done">
          <p>{t('restored', { path: restored.path })}</p>
          <Button onClick={() => void actions.openRecent(restored.path)}>{t('openRestored')}</Button>
        </div>
      )}
    </Card>
  );
}
