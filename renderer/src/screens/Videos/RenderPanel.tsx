import { Clapperboard, X } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Clip, ClipEdit, RenderMode } from '@shared/domain/clip';
import type { JobState } from '@shared/domain/job';
import type { VideoDetail } from '@shared/domain/video';
import { call, mediaUrl, onEvent } from '../../api/client';
import { useApi } from '../../api/hooks';
import { Badge, Button, Card, ErrorMessage, ProgressBar, SelectField, TextField } from '../../components';
import { timecode } from './timecode';

const MODES: RenderMode[] = ['smart', 'accurate', 'lossless'];

/** Render mode (each explained), where the cuts will really fall, options, and the result. */
export function RenderPanel({
  clip,
  edit,
  video,
  onPlan,
  flush,
  change,
}: {
  clip: Clip;
  edit: ClipEdit;
  video: VideoDetail;
  onPlan: (actual: { startS: number; endS: number }[] | null) => void;
  flush: () => Promise<void>;
  change: (update: (e: ClipEdit) => ClipEdit) => void;
}) {
  const { t } = useTranslation('videos');
  const planInput = { assetId: clip.assetId, segments: edit.segments, renderMode: edit.renderMode, options: edit.options };
  const plan = useApi('clips:plan', planInput, { placeholderData: (previous) => previous });
  const lossless = useApi('clips:plan', { ...planInput, renderMode: 'lossless' }, { placeholderData: (previous) => previous });
  const losslessRefused = lossless.data?.refused ? lossless.data.fallback : null;
  const [job, setJob] = useState<JobState | null>(null);
  const [startError, setStartError] = useState<unknown>(null);

  useEffect(() => {
    onPlan(plan.data ? plan.data.segments.map((s) => s.actual) : null);
  }, [plan.data, onPlan]);

  useEffect(() => {
    if (!job || job.status !== 'running') return;
    return onEvent('job:update', (state) => {
      if (state.id === job.id) setJob(state);
    });
  }, [job]);

  const start = async () => {
    setStartError(null);
    try {
      await flush();
      const { jobId } = await call('clips:render', { id: clip.id });
      setJob({ id: jobId, kind: 'render', phase: '', progress: 0, status: 'running', startedAt: '', finishedAt: null, etaS: null, error: null });
    } catch (err) {
      setStartError(err);
    }
  };

  const running = job?.status === 'running';
  const p = plan.data;
  const rendered = clip.rendered;
  return (
    <Card title={t('render.title')} className="k-render" actions={<Clapperboard size={16} aria-hidden />}>
      <fieldset className="k-modes" disabled={running}>
        <legend className="k-field__label">{t('render.mode')}</legend>
        <div className="k-modes__options" role="radiogroup" aria-label={t('render.mode')}>
          {MODES.map((mode) => {
            const unavailable = mode === 'lossless' && !!losslessRefused;
            return (
              <label
                key={mode}
                className={`k-mode ${edit.renderMode === mode ? 'is-selected' : ''} ${unavailable ? 'is-unavailable' : ''}`}
                title={unavailable ? `${t('render.unavailable')}: ${t(`fallback.${losslessRefused}`)}` : t(`render.${mode}Help`)}
              >
                <input
                  type="radio"
                  name={`mode-${clip.id}`}
                  value={mode}
                  checked={edit.renderMode === mode}
                  disabled={unavailable}
                  onChange={() => change((e) => ({ ...e, renderMode: mode }))}
                  data-testid={`mode-${mode}`}
                />
                {t(`render.${mode}`)}
              </label>
            );
          })}
        </div>
        <p className="k-mode__help" data-testid="mode-help">
          {t(`render.${edit.renderMode}Help`)}
        </p>
        {losslessRefused && (
          <p className="k-mode__why" data-testid="lossless-unavailable">
            {t('render.lossless')}: {t('render.unavailable')} — {t(`fallback.${losslessRefused}`)}
          </p>
        )}
      </fieldset>

      {p && (
        <div className="k-plan" data-testid="render-plan">
          <div className="k-field__label">{t('render.plan')}</div>
          {p.fallback && !p.refused && (
            <p className="k-plan__fallback" data-testid="plan-fallback">
              {t(p.requestedMode === 'lossless' ? 'render.fallbackLossless' : 'render.fallback', { reason: t(`fallback.${p.fallback}`) })}
            </p>
          )}
          <ul className="k-plan__list">
            {p.segments.map((s, i) => {
              const moved = Math.abs(s.actual.startS - s.requested.startS) > 1e-3 || Math.abs(s.actual.endS - s.requested.endS) > 1e-3;
              return (
                <li key={i} data-testid="plan-segment">
                  <span className="mono">{t('render.planActual', { from: timecode(s.actual.startS), to: timecode(s.actual.endS) })}</span>{' '}
                  {moved ? (
                    <Badge tone="warning">{t('render.planSnapped')}</Badge>
                  ) : (
                    <Badge tone="ok">{t('render.planExact')}</Badge>
                  )}
                  {moved && (
                    <div className="faint mono">{t('render.planRequested', { from: timecode(s.requested.startS), to: timecode(s.requested.endS) })}</div>
                  )}
                </li>
              );
            })}
          </ul>
          <div className="faint" data-testid="plan-output">
            {t('render.planOutput', { duration: timecode(p.outputDurationS), width: p.width, height: p.height })} ·{' '}
            {t('render.reencoded', { percent: Math.round(p.reencodedShare * 100) })} ·{' '}
            {t(p.audio === 'copy' ? 'render.audioCopy' : p.audio === 'encode' ? 'render.audioEncode' : 'render.audioNone')}
          </div>
        </div>
      )}
      {plan.isError && <ErrorMessage error={plan.error} />}

      <details className="k-render__options">
        <summary>{t('render.options')}</summary>
        <SelectField
          label={t('render.resolution')}
          value={edit.options.resolution}
          disabled={running}
          options={[
            { value: 'source', label: t('render.resolutionSource') },
            ...(['2160', '1080', '720', '480'] as const)
              .filter((h) => Number(h) < Math.min(video.asset.width ?? 0, video.asset.height ?? 0) || h === '480')
              .map((h) => ({ value: h, label: `${h}p` })),
          ]}
          onChange={(e) => {
            const resolution = e.target.value as ClipEdit['options']['resolution'];
            change((x) => ({ ...x, options: { ...x.options, resolution } }));
          }}
        />
        <TextField
          label={t('render.targetSize')}
          hint={t('render.targetSizeHint')}
          type="number"
          min={1}
          inputMode="numeric"
          disabled={running}
          value={edit.options.targetSizeMb ?? ''}
          onChange={(e) => {
            const n = Number(e.target.value);
            change((x) => ({ ...x, options: { ...x.options, targetSizeMb: e.target.value && n >= 1 ? n : null } }));
          }}
        />
        <label className="k-check">
          <input
            type="checkbox"
            checked={edit.options.burnCaptions}
            disabled={running}
            onChange={(e) => {
              const burnCaptions = e.target.checked;
              change((x) => ({ ...x, options: { ...x.options, burnCaptions } }));
            }}
          />
          <span>
            {t('render.burnCaptions')}
            <span className="k-field__hint">{t('render.burnCaptionsHint')}</span>
          </span>
        </label>
      </details>

      {running ? (
        <div className="k-render__running" data-testid="render-running">
          <span>{t('render.running', { percent: Math.round(job.progress * 100) })}</span>
          <ProgressBar value={job.progress} label={t('render.running', { percent: Math.round(job.progress * 100) })} />
          {job.etaS !== null && <span className="faint">{t('render.eta', { seconds: job.etaS })}</span>}
          <Button size="sm" icon={<X size={13} />} onClick={() => void call('jobs:cancel', { id: job.id })}>
            {t('render.cancel')}
          </Button>
        </div>
      ) : (
        <Button
          variant="primary"
          icon={<Clapperboard size={15} />}
          onClick={() => void start()}
          disabled={!!(p?.refused) || plan.isError}
          data-testid="render-start"
        >
          {t('render.start')}
        </Button>
      )}
      {job?.status === 'failed' && job.error && <ErrorMessage error={job.error} title={t('render.failed')} />}
      {startError !== null && <ErrorMessage error={startError} title={t('render.failed')} />}

      {rendered && (
        <div className="k-render__result" data-testid="render-result">
          <div className="k-field__label">
            {t('render.result')}: {t('render.done', { duration: timecode(rendered.durationS) })}
          </div>
          {clip.stale && <p className="k-plan__fallback">{t('render.outdated')}</p>}
          {rendered.fallback && rendered.mode !== rendered.requestedMode && (
            <p className="faint" data-testid="render-result-fallback">
              {t(rendered.requestedMode === 'lossless' ? 'render.fallbackLossless' : 'render.fallback', {
                reason: t(`fallback.${rendered.fallback}`),
              })}
            </p>
          )}
          {/* Media come from another origin (kotae-media://): without crossOrigin the chapter and
              caption tracks are blocked as cross-origin, and the video loads them in CORS mode. */}
          <video
            key={rendered.sha256}
            src={mediaUrl(rendered.sha256)}
            crossOrigin="anonymous"
            controls
            preload="metadata"
            className="k-render__video"
            data-testid="result-video"
          >
            <track kind="chapters" src={mediaUrl(rendered.chaptersVtt)} default />
            {rendered.captionsVtt && <track kind="subtitles" src={mediaUrl(rendered.captionsVtt)} label="Captions" />}
          </video>
          <p className="faint">{t('render.resultHint')}</p>
        </div>
      )}
    </Card>
  );
}
