import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportResult } from '@shared/domain/video';
import { call } from '../../api/client';

// Screen recording in the window: getDisplayMedia for the screen (Electron answers it with
// desktopCapturer in the main process), getUserMedia for the narration, MediaRecorder to encode.
// Chunks go to the core as they come (one a second), in order, so the recording is on disk while
// it is made; stop remuxes it into a seekable file.

export type RecorderState = 'idle' | 'countdown' | 'recording' | 'paused' | 'saving';

/** Formats the browser can record, best first: H.264 keeps lossless and smart cuts possible. */
const FORMATS = [
  'video/mp4;codecs=avc1.42E01F,mp4a.40.2',
  'video/x-matroska;codecs=avc1,opus',
  'video/webm;codecs=h264,opus',
  'video/webm;codecs=vp9,opus',
  'video/webm;codecs=vp8,opus',
  'video/webm',
];

export function pickFormat(): string {
  return FORMATS.find((f) => typeof MediaRecorder !== 'undefined' && MediaRecorder.isTypeSupported(f)) ?? '';
}

async function toBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Microphone level 0–1 from an analyser, updated every animation frame. */
export function useLevel(stream: MediaStream | null): number {
  const [level, setLevel] = useState(0);
  const active = !!stream && stream.getAudioTracks().length > 0;
  useEffect(() => {
    if (!stream || !active) return;
    const ctx = new AudioContext();
    const analyser = ctx.createAnalyser();
    analyser.fftSize = 512;
    ctx.createMediaStreamSource(stream).connect(analyser);
    const data = new Float32Array(analyser.fftSize);
    let raf = 0;
    const tick = () => {
      analyser.getFloatTimeDomainData(data);
      let sum = 0;
      for (const v of data) sum += v * v;
      setLevel(Math.min(1, Math.sqrt(sum / data.length) * 4));
      raf = requestAnimationFrame(tick);
    };
    tick();
    return () => {
      cancelAnimationFrame(raf);
      void ctx.close();
    };
  }, [stream, active]);
  return active ? level : 0;
}

export function useRecorder(onSaved: (result: ImportResult) => void) {
  const [state, setState] = useState<RecorderState>('idle');
  const [countdown, setCountdown] = useState(0);
  const [elapsedS, setElapsedS] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const recorder = useRef<MediaRecorder | null>(null);
  const streams = useRef<MediaStream[]>([]);
  const uploads = useRef<Promise<unknown>>(Promise.resolve());
  const recordingId = useRef<string | null>(null);
  const seq = useRef(0);
  const timer = useRef<number | undefined>(undefined);

  const release = useCallback(() => {
    for (const s of streams.current) s.getTracks().forEach((track) => track.stop());
    streams.current = [];
    window.clearInterval(timer.current);
  }, []);

  useEffect(() => release, [release]);

  const finish = useCallback(
    async (save: boolean, name: string) => {
      const rec = recorder.current;
      if (!rec) return;
      setState('saving');
      if (rec.state !== 'inactive') {
        await new Promise<void>((resolve) => {
          rec.addEventListener('stop', () => resolve(), { once: true });
          rec.stop();
        });
      }
      release();
      recorder.current = null;
      try {
        await uploads.current;
        const id = recordingId.current!;
        if (save) onSaved(await call('recording:finish', { id, name }));
        else await call('recording:discard', { id });
      } catch (err) {
        setError(err);
      } finally {
        recordingId.current = null;
        setState('idle');
      }
    },
    [onSaved, release],
  );

  const start = useCallback(
    async (options: { microphoneId: string | null; countdownS: number; name: string }) => {
      setError(null);
      let display: MediaStream;
      try {
        display = await navigator.mediaDevices.getDisplayMedia({ video: { frameRate: 30 }, audio: false });
      } catch (err) {
        setError(err);
        return;
      }
      streams.current = [display];
      const tracks = [...display.getVideoTracks()];
      if (options.microphoneId !== null) {
        try {
          const mic = await navigator.mediaDevices.getUserMedia({
            audio: options.microphoneId ? { deviceId: { exact: options.microphoneId } } : true,
          });
          streams.current.push(mic);
          tracks.push(...mic.getAudioTracks());
        } catch (err) {
          release();
          setError(err);
          return;
        }
      }
      for (let n = options.countdownS; n > 0; n--) {
        setState('countdown');
        setCountdown(n);
        await new Promise((r) => setTimeout(r, 1000));
      }
      const mimeType = pickFormat();
      const { id } = await call('recording:start', { mimeType });
      recordingId.current = id;
      seq.current = 0;
      uploads.current = Promise.resolve();
      // Keyframes every 2 s keep lossless cuts close to where the vendor wants them.
      const rec = new MediaRecorder(new MediaStream(tracks), {
        ...(mimeType ? { mimeType } : {}),
        videoBitsPerSecond: 4_000_000,
        videoKeyFrameIntervalDuration: 2000,
      } as MediaRecorderOptions);
      rec.ondataavailable = (event) => {
        if (event.data.size === 0) return;
        const n = seq.current++;
        // One at a time and in order: the core refuses a chunk out of sequence.
        uploads.current = uploads.current.then(async () =>
          call('recording:append', { id, seq: n, data: await toBase64(event.data) }),
        );
        uploads.current.catch((err: unknown) => setError(err));
      };
      // Sharing stopped from the browser's own bar: save what was recorded.
      display.getVideoTracks()[0]?.addEventListener('ended', () => void finish(true, options.name));
      recorder.current = rec;
      rec.start(1000);
      setElapsedS(0);
      const began = Date.now();
      let pausedMs = 0;
      let pausedAt = 0;
      timer.current = window.setInterval(() => {
        if (rec.state === 'paused') {
          if (!pausedAt) pausedAt = Date.now();
          return;
        }
        if (pausedAt) {
          pausedMs += Date.now() - pausedAt;
          pausedAt = 0;
        }
        setElapsedS((Date.now() - began - pausedMs) / 1000);
      }, 250);
      setState('recording');
    },
    [finish, release],
  );

  const pause = useCallback(() => {
    recorder.current?.pause();
    setState('paused');
  }, []);
  const resume = useCallback(() => {
    recorder.current?.resume();
    setState('recording');
  }, []);

  return {
    state,
    countdown,
    elapsedS,
    error,
    start,
    pause,
    resume,
    stop: finish,
    clearError: () => setError(null),
  };
}
