import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Segment } from '@shared/domain/clip';
import { nextPlayableTime } from '@shared/clips/timeline';

/**
 * The trim editor's preview as it plays the edit: seeking to a frame, playing at a speed, and
 * skipping the removed parts while playing (it stops at the end of the edit).
 */
export function usePreviewPlayback(segments: readonly Segment[], durationS: number, startS: number) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const [current, setCurrent] = useState(startS);
  const [playing, setPlaying] = useState(false);
  const [rate, setRate] = useState(1);
  const segmentsRef = useRef(segments);
  useLayoutEffect(() => {
    segmentsRef.current = segments;
  }, [segments]);

  const seek = useCallback(
    (s: number) => {
      const target = Math.min(Math.max(0, s), durationS);
      const v = videoRef.current;
      // Half a millisecond into the frame, so the browser shows this frame and not the one before.
      if (v) v.currentTime = target + 0.0005;
      setCurrent(target);
    },
    [durationS],
  );

  // While playing, removed parts are skipped and playback stops at the end of the edit.
  useEffect(() => {
    if (!playing) return;
    let raf = 0;
    const tick = () => {
      const v = videoRef.current;
      if (v) {
        const now = v.currentTime;
        const next = nextPlayableTime(segmentsRef.current, now);
        if (next === null) {
          v.pause();
          setPlaying(false);
        } else if (next - now > 0.001) {
          v.currentTime = next;
        }
        setCurrent(v.currentTime);
      }
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [playing]);

  const play = useCallback((speed = 1) => {
    const v = videoRef.current;
    if (!v) return;
    const next = nextPlayableTime(segmentsRef.current, v.currentTime);
    if (next === null) v.currentTime = segmentsRef.current[0]!.startS + 0.0005;
    else if (next !== v.currentTime) v.currentTime = next + 0.0005;
    v.playbackRate = speed;
    setRate(speed);
    void v.play().then(
      () => setPlaying(true),
      () => setPlaying(false),
    );
  }, []);
  const pause = useCallback(() => {
    videoRef.current?.pause();
    setPlaying(false);
  }, []);

  return { videoRef, current, setCurrent, playing, setPlaying, rate, seek, play, pause };
}
