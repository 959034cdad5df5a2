import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '@shared/domain/video';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { Button, ErrorMessage } from '../../components';
import { useFormat } from '../../hooks/useFormat';

/** Recordings left behind by a crash: save what was recorded, or throw it away. */
export function PendingRecordings({ onSaved }: { onSaved: (r: ImportResult) => void }) {
  const { t } = useTranslation('videos');
  const fmt = useFormat();
  const pending = useApi('recording:pending', {});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (!pending.data?.length) return null;
  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
      void pending.refetch();
    }
  };
  return (
    <div className="k-pending" role="status">
      {pending.data.map((p) => (
        <div key={p.id} className="k-pending__item">
          <strong>{t('recorder.pendingTitle')}</strong>
          <span>
            {t('recorder.pendingText', { date: fmt.dateTime(p.startedAt), size: fmt.bytes(p.bytes) })}
          </span>
          <Button
            size="sm"
            variant="primary"
            disabled={busy}
            onClick={() =>
              void act(async () =>
                onSaved(
                  await call('recording:finish', {
                    id: p.id,
                    name: t('recorder.name', { date: fmt.dateTime(p.startedAt) }),
                  }),
                ),
              )
            }
          >
            {t('recorder.recover')}
          </Button>
          <Button
            size="sm"
            disabled={busy}
            onClick={() => void act(async () => void (await call('recording:discard', { id: p.id })))}
          >
            {t('recorder.discard')}
          </Button>
        </div>
      ))}
      {error !== null && <ErrorMessage error={error} />}
    </div>
  );
}
