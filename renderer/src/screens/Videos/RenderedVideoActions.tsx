import { FolderOpen, Save, X } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { Button, ErrorMessage, ProgressBar } from '../../components';
import { useJob } from '../../jobs/useJob';

/** "Save video as…" (a copy where the vendor chooses, as a job) and "Show in folder" for a rendered clip. */
export function RenderedVideoActions({ clipId }: { clipId: number }) {
  const { t } = useTranslation('videos');
  const save = useJob('saveVideo');
  const [showError, setShowError] = useState<unknown>(null);
  const percent = Math.round((save.job?.progress ?? 0) * 100);
  return (
    <div className="k-render__actions" data-testid="rendered-video-actions">
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Button
          size="sm"
          icon={<Save size={14} />}
          disabled={save.running}
          onClick={() => {
            save.reset();
            void save.start(() => call('clips:saveVideoAs', { id: clipId }));
          }}
        >
          {t('render.saveAs')}
        </Button>
        <Button
          size="sm"
          variant="ghost"
          icon={<FolderOpen size={14} />}
          onClick={() => {
            setShowError(null);
            call('clips:showVideo', { id: clipId }).catch(setShowError);
          }}
        >
          {t('render.showInFolder')}
        </Button>
      </div>
      {save.running && (
        <div style={{ display: 'flex', gap: 8, alignItems: 'center', marginTop: 6 }}>
          <div style={{ flex: 1 }}>
            <ProgressBar value={save.job?.progress ?? null} label={t('render.saving', { percent })} />
          </div>
          <Button size="sm" variant="ghost" icon={<X size={13} />} onClick={() => void save.cancel()}>
            {t('render.saveCancel')}
          </Button>
        </div>
      )}
      {save.result && (
        <p role="status" data-testid="video-saved">
          {t('render.saved', { file: save.result.file })}
        </p>
      )}
      {save.job?.status === 'failed' && save.job.error && <ErrorMessage error={save.job.error} />}
      {save.startError !== null && <ErrorMessage error={save.startError} />}
      {showError !== null && <ErrorMessage error={showError} />}
    </div>
  );
}
