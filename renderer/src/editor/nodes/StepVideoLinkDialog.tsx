import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/hooks';
import { Button, Dialog, SelectField, TextField } from '../../components';

function parseTime(text: string): number | null {
  const match = /^\s*(?:(\d+):)?(\d{1,2}(?:\.\d+)?)\s*$/.exec(text);
  if (!match) return null;
  return Number(match[1] ?? 0) * 60 + Number(match[2]);
}

function formatTime(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;
}

/** Points a step at a moment of a clip: which clip, and when (m:ss). */
export function StepVideoLinkDialog({
  current,
  onClose,
  onSave,
}: {
  current: { clipId: number; timeS: number } | null;
  onClose: () => void;
  onSave: (link: { clipId: number; timeS: number }) => void;
}) {
  const { t } = useTranslation(['answers', 'common']);
  const clips = useApi('answers:clipChoices', {});
  const [clipId, setClipId] = useState(current ? String(current.clipId) : '');
  const [time, setTime] = useState(current ? formatTime(current.timeS) : '0:00');
  const seconds = parseTime(time);
  const chosen = clips.data?.find((c) => String(c.id) === clipId);
  return (
    <Dialog
      open
      title={t('editor.step.linkVideo')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
          <Button
            variant="primary"
            disabled={!chosen || seconds === null}
            onClick={() => chosen && seconds !== null && onSave({ clipId: chosen.id, timeS: seconds })}
          >
            {t('editor.step.linkVideoSave')}
          </Button>
        </>
      }
    >
      {clips.data && clips.data.length === 0 ? (
        <p>{t('editor.video.noClips')}</p>
      ) : (
        <>
          <SelectField
            label={t('editor.video.clip')}
            value={clipId}
            onChange={(e) => setClipId(e.target.value)}
            options={[
              { value: '', label: t('editor.video.choose') },
              ...(clips.data ?? []).map((c) => ({ value: String(c.id), label: c.title || `#${c.id}` })),
            ]}
          />
          <TextField
            label={t('editor.video.time')}
            value={time}
            onChange={(e) => setTime(e.target.value)}
            hint={seconds === null ? t('editor.video.timeHint') : undefined}
          />
        </>
      )}
    </Dialog>
  );
}
