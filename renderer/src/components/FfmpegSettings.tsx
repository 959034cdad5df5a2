import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, useApiMutation } from '../api/hooks';
import { ErrorMessage } from './ErrorMessage';
import { TextField } from './Field';
import { Card } from './Page';

/** Settings card: which ffmpeg and ffprobe the video tools use, and a path of the vendor's choice. */
export function FfmpegSettings() {
  const { t } = useTranslation('videos');
  const tools = useApi('media:tools', {});
  const settings = useApi('settings:get', {});
  const update = useApiMutation('settings:update');
  const [draft, setDraft] = useState<{ ffmpegPath?: string; ffprobePath?: string }>({});
  if (!settings.data) return null;
  const save = (key: 'ffmpegPath' | 'ffprobePath') => {
    const value = draft[key];
    if (value === undefined) return;
    // The tools are asked again with everything else on screen once the setting is saved.
    update.mutate({ [key]: value.trim() || null });
  };
  const info = tools.data;
  return (
    <Card title={t('tools.title')}>
      <p className="faint">{t('tools.intro')}</p>
      {info && (
        <dl className="k-dl" data-testid="ffmpeg-info">
          {(['ffmpeg', 'ffprobe'] as const).map((name) => (
            <div key={name} style={{ display: 'contents' }}>
              <dt>{name}</dt>
              <dd className="mono">
                {info[name]
                  ? `${info[name].path} (${info[name].version}, ${t(`tools.source.${info[name].source}`)})`
                  : t('tools.missing')}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {info?.ffmpeg && !info.ffmpeg.exactCopyCuts && (
        <p className="k-plan__fallback" data-testid="ffmpeg-old">
          {t('tools.old')}
        </p>
      )}
      {info && info.rejected.length > 0 && (
        <details>
          <summary className="faint">{t('tools.rejected', { count: info.rejected.length })}</summary>
          <ul className="faint mono">
            {info.rejected.map((r) => (
              <li key={`${r.source}${r.path}`}>
                {r.path}: {r.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      {tools.isError && <ErrorMessage error={tools.error} />}
      {(['ffmpegPath', 'ffprobePath'] as const).map((key) => (
        <TextField
          key={key}
          label={t(`tools.${key}`)}
          placeholder={t('tools.auto')}
          value={draft[key] ?? settings.data[key] ?? ''}
          onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))}
          onBlur={() => save(key)}
        />
      ))}
    </Card>
  );
}
