import { Clapperboard, X } from 'lucide-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Clip, ClipEdit, RenderMode } from '@shared/domain/clip';
import type { VideoDetail } from '@shared/domain/video';
import { call, mediaUrl } from '../../api/client';
import { useApi } from '../../api/hooks';
import { Badge, Button, Card, ErrorMessage, ProgressBar, SelectField, TextField } from '../../components';
import { useJob } from '../../jobs/useJob';
import { RenderedVideoActions } from './RenderedVideoActions';
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
  const planInput = {
    assetId: clip.assetId,
    segments: edit.segments,
    renderMode: edit.renderMode,
    options: edit.options,
    redactions: edit.redactions,
    zooms: edit.zooms,
  };
  const plan = useApi('clips:plan', planInput, { placeholderData: (previous) => previous });
  const lossless = useApi(
    'clips:plan',
    { ...planInput, renderMode: 'lossless' },
    { placeholderData: (previous) => previous },
  );
  const losslessRefused = lossless.data?.refused ? lossless.data.fallback : null;
  // A redaction or zoom is the edit's doing, not the video's: say what to choose instead.
  const losslessWhy =
    losslessRefused === 'redaction' || losslessRefused === 'zoom'
      ? t(`errors.losslessRefused.${losslessRefused}`)
      : losslessRefused
        ? `${t('render.lossless')}: ${t('render.unavailable')} — ${t(`fallback.${losslessRefused}`)}`
        : null;
  const render = useJob('render');
  const job = render.job;

  useEffect(() => {
    onPlan(plan.data ? plan.data.segments.map((s) => s.actual) : null);
  }, [plan.data, onPlan]);

  const start = () =>
    render.start(async () => {
      await flush();
      return call('clips:render', { id: clip.id });
    });

  const running = render.running && job !== null;
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
                title={unavailable ? (losslessWhy ?? '') : t(`render.${mode}Help`)}
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
        {losslessWhy && (
          <p className="k-mode__why" data-testid="lossless-unavailable">
            {losslessWhy}
          </p>
        )}
      </fieldset>

      {p && (
        <div className="k-plan" data-testid="render-plan">
          <div className="k-field__label">{t('render.plan')}</div>
          {p.fallback && !p.refused && (
            <p className="k-plan__fallback" data-testid="plan-fallback">
              {t(p.requestedMode === 'lossless' ? 'render.fallbackLossless' : 'render.fallback', {
                reason: t(`fallback.${p.fallback}`),
              })}
            </p>
          )}
          <ul className="k-plan__list">
            {p.segments.map((s, i) => {
              const moved =
                Math.abs(s.actual.startS - s.requested.startS) > 1e-3 ||
                Math.abs(s.actual.endS - s.requested.endS) > 1e-3;
              return (
                <li key={i} data-testid="plan-segment">
                  <span className="mono">
                    {t('render.planActual', { from: timecode(s.actual.startS), to: timecode(s.actual.endS) })}
                  </span>{' '}
                  {moved ? (
                    <Badge tone="warning">{t('render.planSnapped')}</Badge>
                  ) : (
                    <Badge tone="ok">{t('render.planExact')}</Badge>
                  )}
                  {moved && (
                    <div className="faint mono">
                      {t('render.planRequested', {
                        from: timecode(s.requested.startS),
                        to: timecode(s.requested.endS),
                      })}
                    </div>
                  )}
                  {p.mode === 'smart' && (
                    // What is copied and what re-encoded, and why (a cut's edge, a redaction, a zoom).
                    <ul className="k-plan__parts">
                      {s.parts.map((part, j) => (
                        <li
                          key={j}
                          className={`k-plan__part k-plan__part--${part.kind}`}
                          data-testid="plan-part"
                          data-kind={part.kind}
                        >
                          <span className="mono">
                            {timecode(part.startS)} – {timecode(part.endS)}
                          </span>{' '}
                          {part.kind === 'copy'
                            ? t('render.partCopy')
                            : t('render.partEncode', {
                                why: part.why.map((w) => t(`render.why.${w}`)).join(t('render.whyJoin')),
                              })}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ul>
          <div className="faint" data-testid="plan-output">
            {t('render.planOutput', {
              duration: timecode(p.outputDurationS),
              width: p.width,
              height: p.height,
            })}{' '}
            · {t('render.reencoded', { percent: Math.round(p.reencodedShare * 100) })} ·{' '}
            {t(
              p.cleanNarration
                ? 'render.audioClean'
                : p.audio === 'copy'
                  ? 'render.audioCopy'
                  : p.audio === 'encode'
                    ? 'render.audioEncode'
                    : 'render.audioNone',
            )}
          </div>
          {(p.redactions > 0 || p.zooms > 0) && (
            <div className="faint" data-testid="plan-regions">
              {t('render.planRegions', {
                list: [
                  ...(p.redactions ? [t('render.planRedactions', { count: p.redactions })] : []),
                  ...(p.zooms ? [t('render.planZooms', { count: p.zooms })] : []),
                ].join(t('render.whyJoin')),
              })}
            </div>
          )}
          {p.zooms > 0 && !p.zoomEased && <p className="k-plan__fallback">{t('render.zoomNotEased')}</p>}
        </div>
      )}
      {plan.isError && <ErrorMessage error={plan.error} />}

      <label className="k-check">
        <input
          type="checkbox"
          checked={edit.options.cleanNarration}
          disabled={running}
          onChange={(e) => {
            const cleanNarration = e.target.checked;
            change((x) => ({ ...x, options: { ...x.options, cleanNarration } }));
          }}
          data-testid="clean-narration"
        />
        <span>
          {t('render.cleanNarration')}
          <span className="k-field__hint">{t('render.cleanNarrationHint')}</span>
        </span>
      </label>

      <details className="k-render__options">
        <summary>{t('render.options')}</summary>
        <SelectField
          label={t('render.resolution')}
          value={edit.options.resolution}
          disabled={running}
          options={[
            { value: 'source', label: t('render.resolutionSource') },
            ...(['2160', '1080', '720', '480'] as const)
              .filter(
                (h) => Number(h) < Math.min(video.asset.width ?? 0, video.asset.height ?? 0) || h === '480',
              )
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
            change((x) => ({
              ...x,
              options: { ...x.options, targetSizeMb: e.target.value && n >= 1 ? n : null },
            }));
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
          <ProgressBar
            value={job.progress}
            label={t('render.running', { percent: Math.round(job.progress * 100) })}
          />
          {job.etaS !== null && <span className="faint">{t('render.eta', { seconds: job.etaS })}</span>}
          <Button size="sm" icon={<X size={13} />} onClick={() => void render.cancel()}>
            {t('render.cancel')}
          </Button>
        </div>
      ) : (
        <Button
          variant="primary"
          icon={<Clapperboard size={15} />}
          onClick={() => void start()}
          disabled={!!p?.refused || plan.isError}
          data-testid="render-start"
        >
          {t('render.start')}
        </Button>
      )}
      {job?.status === 'failed' && job.error && <ErrorMessage error={job.error} title={t('render.failed')} />}
      {render.startError !== null && <ErrorMessage error={render.startError} title={t('render.failed')} />}

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
            {rendered.captionsVtt && (
              <track kind="subtitles" src={mediaUrl(rendered.captionsVtt)} label="Captions" />
            )}
          </video>
          <p className="faint">{t('render.resultHint')}</p>
          <RenderedVideoActions clipId={clip.id} />
        </div>
      )}
    </Card>
  );
}
