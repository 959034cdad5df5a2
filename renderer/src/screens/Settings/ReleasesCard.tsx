import { PackagePlus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '@shared/api';
import type { Release } from '@shared/domain/release';
import { useApi, useApiMutation } from '../../api/hooks';
import { Badge, Button, Card, Dialog, ErrorMessage, IconButton, Loading, useToast } from '../../components';
import { useFormat } from '../../hooks/useFormat';
import type { ScreenProps } from '../../shell/ScreenView';
import { RecheckList } from '../../components/RecheckList';
import { RecordReleaseDialog } from './RecordReleaseDialog';
import './releases.css';

/**
 * Settings → Releases (issue 22): each release of the product with what it changed. Recording one
 * lists the answers to re-check, most read first; they stay on the list (and in the Answers
 * screen's filter) until they are walked again in reproduction mode.
 */
export function ReleasesCard({ navigate }: { navigate: ScreenProps['navigate'] }) {
  const { t } = useTranslation(['followUp', 'common']);
  const fmt = useFormat();
  const toast = useToast();
  const releases = useApi('releases:list', {});
  const remove = useApiMutation('releases:delete');
  const [recording, setRecording] = useState(false);
  const [recorded, setRecorded] = useState<Output<'releases:record'> | null>(null);
  const [removing, setRemoving] = useState<Release | null>(null);
  const recordedReleases = releases.data?.filter((r) => r.recordedAt) ?? [];
  const knownVersions = releases.data?.filter((r) => !r.recordedAt).map((r) => r.version) ?? [];

  return (
    <Card title={t('releases.title')}>
      <div data-testid="releases">
        <p className="muted">{t('releases.intro')}</p>
        <Button icon={<PackagePlus size={15} />} onClick={() => setRecording(true)}>
          {t('releases.recordButton')}
        </Button>
        {recorded && (
          <div className="k-release-result" role="status" data-testid="release-result">
            <p>
              <strong>{t('releases.recorded', { version: recorded.release.version })}</strong>{' '}
              {recorded.rechecks.length
                ? t('releases.listed', { count: recorded.rechecks.length })
                : t('releases.listedNone')}
            </p>
            {recorded.rechecks.length > 0 && (
              <RecheckList
                items={recorded.rechecks}
                onOpen={(id) => navigate('answers', id)}
                testId="release-rechecks"
              />
            )}
          </div>
        )}
        {releases.isPending ? (
          <Loading />
        ) : releases.isError ? (
          <ErrorMessage error={releases.error} />
        ) : recordedReleases.length === 0 ? (
          <p className="faint">{t('releases.none')}</p>
        ) : (
          <ol className="k-releases" data-testid="release-list">
            {recordedReleases.map((r) => (
              <li key={r.id} data-testid={`release-${r.version}`}>
                <div className="k-releases__head">
                  <strong>{r.version}</strong>
                  <span className="muted">{fmt.date(r.releasedOn)}</span>
                  {r.open > 0 ? (
                    <Badge tone="warning">{t('releases.open', { count: r.open, listed: r.listed })}</Badge>
                  ) : r.listed > 0 ? (
                    <Badge tone="ok">{t('releases.allRechecked', { count: r.listed })}</Badge>
                  ) : null}
                  <IconButton
                    label={t('releases.remove', { version: r.version })}
                    icon={<Trash2 size={14} />}
                    onClick={() => setRemoving(r)}
                  />
                </div>
                <div className="k-releases__changed">
                  {r.capabilities.length ? (
                    r.capabilities.map((c) => <Badge key={c.id}>{c.title}</Badge>)
                  ) : (
                    <span className="faint">{t('releases.nothingChanged')}</span>
                  )}
                </div>
                {r.note && <p className="k-releases__note">{r.note}</p>}
              </li>
            ))}
          </ol>
        )}
        {knownVersions.length > 0 && (
          <p className="faint k-releases__known">
            {t('releases.known', { versions: knownVersions.join(', ') })}
          </p>
        )}
      </div>
      {recording && (
        <RecordReleaseDialog
          onClose={() => setRecording(false)}
          onRecorded={(result) => {
            setRecording(false);
            setRecorded(result);
            toast.show(t('releases.recorded', { version: result.release.version }), { tone: 'ok' });
          }}
        />
      )}
      <Dialog
        open={removing !== null}
        title={t('releases.removeTitle', { version: removing?.version ?? '' })}
        onClose={() => setRemoving(null)}
        footer={
          <>
            <Button onClick={() => setRemoving(null)}>{t('common:cancel')}</Button>
            <Button
              variant="danger"
              onClick={() => {
                if (!removing) return;
                remove.mutate({ id: removing.id });
                if (recorded?.release.id === removing.id) setRecorded(null);
                setRemoving(null);
              }}
            >
              {t('releases.removeConfirm')}
            </Button>
          </>
        }
      >
        <p>{t('releases.removeText', { count: removing?.open ?? 0 })}</p>
      </Dialog>
      {remove.isError && <ErrorMessage error={remove.error} />}
    </Card>
  );
}
