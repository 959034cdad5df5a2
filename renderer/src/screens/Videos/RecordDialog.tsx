import { Circle, Pause, Play, Settings, Square, Trash2 } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '@shared/domain/video';
import { useApi, useApiMutation } from '../../api/hooks';
import { Button, Dialog, ErrorMessage, SelectField } from '../../components';
import { timecode } from './timecode';
import { useLevel, useRecorder } from './useRecorder';

/** "2026-11-23 10.42": a name that sorts by time and is safe as a file name. */
function stamp(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}.${pad(d.getMinutes())}`;
}

/** Record a screen or window with narration: microphone and level, countdown, pause, stop. */
export function RecordDialog({
  open,
  onClose,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: (r: ImportResult) => void;
}) {
  const { t } = useTranslation('videos');
  const recorder = useRecorder((result) => {
    onSaved(result);
    onClose();
  });
  const [mics, setMics] = useState<MediaDeviceInfo[]>([]);
  const [micId, setMicId] = useState<string>('default');
  const [countdownS, setCountdownS] = useState(3);
  const [preview, setPreview] = useState<MediaStream | null>(null);
  const screenAccess = useApi('app:screenAccess', {}, { enabled: open });
  // Asked again each time the dialog opens and when the vendor comes back from System Settings.
  const recheck = screenAccess.refetch;
  useEffect(() => {
    if (!open) return;
    void recheck();
    const onFocus = () => void recheck();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [open, recheck]);
  const openSettings = useApiMutation('app:openScreenSettings');
  // macOS without consent would record a black screen: say so and where to allow it, before starting.
  const blocked = screenAccess.data?.status === 'denied' || screenAccess.data?.status === 'restricted';
  const idle = recorder.state === 'idle';
  const listening = open && idle && micId !== 'none';
  const level = useLevel(listening ? preview : null);

  // Ask for the microphone while the dialog is open: device names and a live level.
  useEffect(() => {
    if (!listening) return;
    let stream: MediaStream | null = null;
    let cancelled = false;
    navigator.mediaDevices
      ?.getUserMedia({ audio: micId === 'default' ? true : { deviceId: { exact: micId } } })
      .then(async (s) => {
        if (cancelled) return s.getTracks().forEach((track) => track.stop());
        stream = s;
        setPreview(s);
        setMics((await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'audioinput'));
      })
      .catch(() => setPreview(null));
    return () => {
      cancelled = true;
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [listening, micId]);

  const close = () => {
    if (recorder.state === 'recording' || recorder.state === 'paused') return;
    onClose();
  };

  return (
    <Dialog open={open} title={t('recorder.title')} onClose={close} width={520}>
      <div className="k-recorder" data-testid="recorder">
        {idle ? (
          <>
            <p className="faint">{t('recorder.intro')}</p>
            {blocked && (
              <div className="k-recorder__consent" role="alert" data-testid="recorder-screen-denied">
                <p>{t('recorder.screenDenied')}</p>
                <Button icon={<Settings size={14} />} onClick={() => openSettings.mutate({})}>
                  {t('recorder.openScreenSettings')}
                </Button>
              </div>
            )}
            {screenAccess.data?.status === 'not-determined' && (
              <p className="faint" data-testid="recorder-screen-ask">
                {t('recorder.screenAsk')}
              </p>
            )}
            <SelectField
              label={t('recorder.microphone')}
              value={micId}
              options={[
                {
                  value: 'default',
                  label: mics.find((m) => m.deviceId === 'default')?.label || t('recorder.microphone'),
                },
                ...mics
                  .filter((m) => m.deviceId !== 'default')
                  .map((m) => ({ value: m.deviceId, label: m.label || m.deviceId.slice(0, 8) })),
                { value: 'none', label: t('recorder.noMicrophone') },
              ]}
              onChange={(e) => setMicId(e.target.value)}
              data-testid="recorder-mic"
            />
            <div className="k-field__label">{t('recorder.level')}</div>
            <div
              className="k-level"
              role="meter"
              aria-label={t('recorder.level')}
              aria-valuemin={0}
              aria-valuemax={1}
              aria-valuenow={Math.round(level * 100) / 100}
            >
              <div className="k-level__bar" style={{ width: `${Math.round(level * 100)}%` }} />
            </div>
            <SelectField
              label={t('recorder.countdown')}
              value={String(countdownS)}
              options={[0, 3, 5].map((n) => ({
                value: String(n),
                label: n ? t('recorder.seconds', { count: n }) : t('recorder.countdownOff'),
              }))}
              onChange={(e) => setCountdownS(Number(e.target.value))}
              data-testid="recorder-countdown"
            />
            <Button
              variant="primary"
              icon={<Circle size={14} fill="currentColor" />}
              data-testid="recorder-start"
              disabled={blocked}
              onClick={() => {
                void recorder.start({
                  microphoneId: micId === 'none' ? null : micId === 'default' ? '' : micId,
                  countdownS,
                  name: t('recorder.name', { date: stamp() }),
                });
              }}
            >
              {t('recorder.start')}
            </Button>
          </>
        ) : recorder.state === 'countdown' ? (
          <div className="k-recorder__countdown" data-testid="recorder-countdown-running">
            {t('recorder.starting', { count: recorder.countdown })}
          </div>
        ) : recorder.state === 'saving' ? (
          <div className="k-recorder__status">{t('recorder.saving')}</div>
        ) : (
          <>
            <div className="k-recorder__status" data-testid="recorder-status">
              <span className={`k-rec-dot ${recorder.state === 'paused' ? 'is-paused' : ''}`} />
              {recorder.state === 'paused' ? t('recorder.paused') : t('recorder.recording')}
              <span className="mono" data-testid="recorder-elapsed">
                {t('recorder.elapsed', { time: timecode(recorder.elapsedS, false) })}
              </span>
            </div>
            <div className="k-recorder__actions">
              {recorder.state === 'paused' ? (
                <Button icon={<Play size={14} />} onClick={recorder.resume} data-testid="recorder-resume">
                  {t('recorder.resume')}
                </Button>
              ) : (
                <Button icon={<Pause size={14} />} onClick={recorder.pause} data-testid="recorder-pause">
                  {t('recorder.pause')}
                </Button>
              )}
              <Button
                variant="primary"
                icon={<Square size={13} fill="currentColor" />}
                onClick={() => void recorder.stop(true, t('recorder.name', { date: stamp() }))}
                data-testid="recorder-stop"
              >
                {t('recorder.stop')}
              </Button>
              <Button
                variant="danger"
                icon={<Trash2 size={14} />}
                onClick={() => void recorder.stop(false, '')}
              >
                {t('recorder.discard')}
              </Button>
            </div>
          </>
        )}
        {recorder.error !== null && (
          <ErrorMessage
            error={
              recorder.error instanceof DOMException
                ? {
                    code: 'INVALID_INPUT',
                    messageKey:
                      recorder.error.name === 'NotAllowedError'
                        ? 'videos:recorder.denied'
                        : 'videos:recorder.unsupported',
                    detail: recorder.error.message,
                  }
                : recorder.error
            }
          />
        )}
      </div>
    </Dialog>
  );
}
