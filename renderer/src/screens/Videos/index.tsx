import { Clapperboard, Film } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/hooks';
import { EmptyState, ErrorMessage, ListItem, Loading, PageHeader, SplitView } from '../../components';
import { useFormat } from '../../hooks/useFormat';
import type { ScreenProps } from '../../shell/ScreenView';

export default function Videos({ id, navigate }: ScreenProps) {
  const { t } = useTranslation('videos');
  const fmt = useFormat();
  const media = useApi('media:list', {});
  const videos = (media.data ?? []).filter((m) => m.kind === 'video');
  const selected = videos.find((v) => v.id === id) ?? null;

  if (media.isPending) return <Loading />;
  if (media.isError) return <ErrorMessage error={media.error} />;
  return (
    <div className="k-screen" data-testid="screen-videos">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      {videos.length === 0 ? (
        <EmptyState icon={<Clapperboard size={40} />} title={t('emptyTitle')}>
          {t('emptyText')}
        </EmptyState>
      ) : (
        <SplitView
          list={videos.map((v) => (
            <ListItem
              key={v.id}
              selected={v.id === id}
              onSelect={() => navigate('videos', v.id)}
              title={v.originalName}
              meta={
                <>
                  <span>{fmt.duration(v.durationS)}</span>
                  {v.width && <span>{`${v.width}×${v.height}`}</span>}
                  <span>{fmt.bytes(v.size)}</span>
                </>
              }
            />
          ))}
          detail={
            selected ? (
              <div className="k-detail">
                <h2 className="k-detail__title">{selected.originalName}</h2>
              </div>
            ) : (
              <EmptyState icon={<Film size={36} />} title={t('selectTitle')} />
            )
          }
        />
      )}
    </div>
  );
}
