import { Clapperboard, Film, FolderOpen, Video } from 'lucide-react';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportOutcome } from '@shared/api/media';
import type { ImportResult } from '@shared/domain/video';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import {
  Badge,
  Button,
  EmptyState,
  ErrorMessage,
  ListItem,
  Loading,
  PageHeader,
  SplitView,
  useToast,
} from '../../components';
import { useFormat } from '../../hooks/useFormat';
import type { ScreenProps } from '../../shell/ScreenView';
import { PendingRecordings } from './PendingRecordings';
import { RecordDialog } from './RecordDialog';
import { VirtualList } from '../../components/VirtualList';
import { timecode } from './timecode';
import { TrimEditor } from './TrimEditor';
import './videos.css';

/**
 * `#/videos/<clipId>/<seconds>` opens a clip at a moment: what an answer step's "show in the
 * video" link uses (the chapter of a step: clips:list({ answerId }) and the chapter's startS).
 */
function startFromHash(): number | null {
  const value = Number(window.location.hash.split('/')[3]);
  return Number.isFinite(value) && value >= 0 ? value : null;
}

function ClipDetail({ id }: { id: number }) {
  const clip = useApi('clips:get', { id });
  const video = useApi(
    'media:video',
    { assetId: clip.data?.assetId ?? 0 },
    { enabled: !!clip.data, staleTime: Infinity },
  );
  if (clip.isError) return <ErrorMessage error={clip.error} />;
  if (video.isError) return <ErrorMessage error={video.error} />;
  if (!clip.data || !video.data) return <Loading />;
  // One editor per clip: switching clips starts from that clip's saved edit.
  return <TrimEditor key={clip.data.id} clip={clip.data} video={video.data} startS={startFromHash()} />;
}

export default function Videos({ id, navigate }: ScreenProps) {
  const { t } = useTranslation('videos');
  const fmt = useFormat();
  const toast = useToast();
  const clips = useApi('clips:list', {});
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [recording, setRecording] = useState(false);

  const report = (outcome: ImportOutcome) => {
    if (outcome.imported.length) {
      toast.show(t('imported', { count: outcome.imported.length }), { tone: 'ok' });
      navigate('videos', outcome.imported[0]!.clipId);
    }
    for (const f of outcome.failed) {
      toast.show(<ErrorMessage error={f.error} title={t('importFailed', { name: f.name })} />, {
        tone: 'danger',
        timeoutMs: 15_000,
      });
    }
  };
  const run = async (work: () => Promise<ImportOutcome>) => {
    setBusy(true);
    try {
      report(await work());
    } catch (err) {
      toast.show(<ErrorMessage error={err} />, { tone: 'danger', timeoutMs: 15_000 });
    } finally {
      setBusy(false);
    }
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const paths = [...event.dataTransfer.files].map((f) => window.kotae.pathForFile(f)).filter(Boolean);
    if (paths.length) void run(() => call('media:import', { paths }));
  };
  const onRecorded = (result: ImportResult) => {
    toast.show(t('recorder.saved'), { tone: 'ok' });
    navigate('videos', result.clipId);
  };

  const list = clips.data ?? [];
  return (
    <div
      className={`k-screen k-videos ${dragging ? 'is-dragging' : ''}`}
      data-testid="screen-videos"
      onDragOver={(e) => {
        if ([...e.dataTransfer.types].includes('Files')) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={(e) => e.currentTarget === e.target && setDragging(false)}
      onDrop={onDrop}
    >
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <>
            <Button icon={<Video size={15} />} onClick={() => setRecording(true)} data-testid="record-open">
              {t('record')}
            </Button>
            <Button
              variant="primary"
              icon={<FolderOpen size={15} />}
              disabled={busy}
              onClick={() => void run(() => call('media:chooseImport', {}))}
              data-testid="import-videos"
            >
              {busy ? t('importing') : t('import')}
            </Button>
          </>
        }
      />
      <PendingRecordings onSaved={onRecorded} />
      {dragging && (
        <div className="k-videos__drop" aria-hidden>
          {t('dropHint')}
        </div>
      )}
      {clips.isPending ? (
        <Loading />
      ) : clips.isError ? (
        <ErrorMessage error={clips.error} />
      ) : list.length === 0 ? (
        <EmptyState icon={<Clapperboard size={40} />} title={t('emptyTitle')}>
          {t('emptyText')} {t('dropHint')}
        </EmptyState>
      ) : (
        <SplitView
          listWidth={300}
          list={
            // One Tab stop, the arrow keys between the clips (VirtualList).
            <VirtualList
              label={t('title')}
              count={list.length}
              estimateSize={() => 60}
              getKey={(i) => list[i]!.id}
              selectedIndex={list.some((c) => c.id === id) ? list.findIndex((c) => c.id === id) : null}
              renderRow={(i, roving) => {
                const c = list[i]!;
                return (
                  <ListItem
                    selected={c.id === id}
                    roving={roving}
                    onSelect={() => navigate('videos', c.id)}
                    title={c.title || c.sourceName}
                    testId="clip-item"
                    trailing={
                      c.rendered ? (
                        <Badge tone={c.stale ? 'warning' : 'ok'}>
                          {c.stale ? t('stale') : t('rendered')}
                        </Badge>
                      ) : undefined
                    }
                    meta={
                      <>
                        <span>{t('editDuration', { duration: timecode(c.editDurationS, false) })}</span>
                        <span>{t(`render.${c.renderMode}`)}</span>
                        <span>{fmt.date(c.updatedAt)}</span>
                      </>
                    }
                  />
                );
              }}
            />
          }
          detail={
            id && list.some((c) => c.id === id) ? (
              <ClipDetail id={id} />
            ) : (
              <EmptyState icon={<Film size={36} />} title={t('selectTitle')} />
            )
          }
        />
      )}
      <RecordDialog open={recording} onClose={() => setRecording(false)} onSaved={onRecorded} />
    </div>
  );
}
