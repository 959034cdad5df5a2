import {
  ChevronLeft,
  ChevronRight,
  Flag,
  Pause,
  Play,
  Redo2,
  RotateCcw,
  Scissors,
  SkipBack,
  SquareArrowDown,
  SquareArrowUp,
  Trash2,
  Undo2,
} from 'lucide-react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Chapter, Clip } from '@shared/domain/clip';
import type { VideoDetail } from '@shared/domain/video';
import {
  editDuration,
  frameIndexAt,
  nextPlayableTime,
  removeRange,
  segmentAt,
  setInPoint,
  setOutPoint,
  snapToFrame,
  splitAt,
} from '@shared/clips/timeline';
import { webVtt } from '@shared/clips/webvtt';
import { mediaUrl } from '../../api/client';
import { useApi } from '../../api/hooks';
import { ErrorMessage, IconButton, TextField } from '../../components';
import { ChaptersPanel } from './ChaptersPanel';
import { RenderPanel } from './RenderPanel';
import { Timeline } from './Timeline';
import { isTyping, timecode } from './timecode';
import { useClipEditor } from './useClipEditor';

function newChapterId(): string {
  return Math.random().toString(36).slice(2, 10);
}

/** Preview, transport, timeline, chapters and render of one clip. */
export function TrimEditor({ clip, video, startS = null }: { clip: Clip; video: VideoDetail; startS?: number | null }) {
  const { t } = useTranslation('videos');
  const editor = useClipEditor(clip);
  const { edit, change } = editor;
  const thumbnails = useApi('media:thumbnails', { assetId: clip.assetId }, { staleTime: Infinity });
  const waveform = useApi('media:waveform', { assetId: clip.assetId }, { staleTime: Infinity });
  const durationS = video.probe.durationS;
  const frames = video.frameTimes;
  const videoRef = useRef<HTMLVideoElement>(null);
  const [current, setCurrent] = useState(() => startS ?? edit.segments[0]?.startS ?? 0);
  const [playing, setPlaying] = useState(false);
  const [rate, setRate] = useState(1);
  const [playable, setPlayable] = useState(true);
  const segmentsRef = useRef(edit.segments);
  useLayoutEffect(() => {
    segmentsRef.current = edit.segments;
  }, [edit.segments]);
  const [actual, setActual] = useState<{ startS: number; endS: number }[] | null>(null);

  const frameAt = useCallback((s: number) => snapToFrame(frames, s), [frames]);
  const here = frameAt(current);

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

  const play = useCallback(
    (speed = 1) => {
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
    },
    [],
  );
  const pause = useCallback(() => {
    videoRef.current?.pause();
    setPlaying(false);
  }, []);

  const stepFrame = (delta: number) => {
    pause();
    const i = frameIndexAt(frames, current);
    const next = frames[Math.min(frames.length - 1, Math.max(0, i + delta))];
    if (next !== undefined) seek(next);
  };
  const endOfFrame = (s: number) => {
    const i = frameIndexAt(frames, s);
    return i + 1 < frames.length ? frames[i + 1]! : durationS;
  };

  const actions = {
    setIn: () => change((e) => ({ ...e, segments: setInPoint(e.segments, here) })),
    setOut: () => change((e) => ({ ...e, segments: setOutPoint(e.segments, endOfFrame(here)) })),
    split: () => change((e) => ({ ...e, segments: splitAt(e.segments, here) })),
    removePart: () =>
      change((e) => {
        const i = segmentAt(e.segments, current);
        if (i < 0 || e.segments.length < 2) return e;
        const s = e.segments[i]!;
        return { ...e, segments: removeRange(e.segments, s.startS, s.endS) };
      }),
    restore: () => change((e) => ({ ...e, segments: [{ startS: 0, endS: durationS }] })),
    addChapter: () =>
      change((e) => {
        if (e.chapters.some((c) => Math.abs(c.startS - here) < 1e-3)) return e;
        const chapter: Chapter = {
          id: newChapterId(),
          title: t('chapters.defaultTitle', { n: e.chapters.length + 1 }),
          startS: here,
          stepId: null,
        };
        return { ...e, chapters: [...e.chapters, chapter].sort((a, b) => a.startS - b.startS) };
      }),
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target) || event.altKey) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      let handled = true;
      if (mod && key === 'z') (event.shiftKey ? editor.redo : editor.undo)();
      else if (mod && key === 'y') editor.redo();
      else if (mod) handled = false;
      else if (key === ' ' || key === 'k') (playing ? pause : () => play(1))();
      else if (key === 'l') play(playing ? Math.min(4, rate * 2) : 1);
      else if (key === 'j') {
        pause();
        seek(current - 1);
      } else if (key === 'arrowleft') (event.shiftKey ? () => seek(current - 1) : () => stepFrame(-1))();
      else if (key === 'arrowright') (event.shiftKey ? () => seek(current + 1) : () => stepFrame(1))();
      else if (key === 'i') actions.setIn();
      else if (key === 'o') actions.setOut();
      else if (key === 's') actions.split();
      else if (key === 'delete' || key === 'backspace') actions.removePart();
      else if (key === 'm') actions.addChapter();
      else if (key === 'home') seek(edit.segments[0]!.startS);
      else if (key === 'end') seek(edit.segments[edit.segments.length - 1]!.endS - 0.001);
      else handled = false;
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  // Captions in the preview: each chapter's caption while the chapter plays (source time).
  const captionsUrl = useMemo(() => {
    const byChapter = new Map(edit.captions.map((c) => [c.chapterId, c.text]));
    const sorted = [...edit.chapters].sort((a, b) => a.startS - b.startS);
    const cues = sorted
      .map((c, i) => ({ startS: c.startS, endS: sorted[i + 1]?.startS ?? durationS, text: byChapter.get(c.id) ?? '' }))
      .filter((c) => c.text.trim());
    return cues.length ? URL.createObjectURL(new Blob([webVtt(cues)], { type: 'text/vtt' })) : null;
  }, [edit.captions, edit.chapters, durationS]);
  useEffect(() => () => void (captionsUrl && URL.revokeObjectURL(captionsUrl)), [captionsUrl]);

  const v = video.probe.video!;
  const inPart = segmentAt(edit.segments, current) >= 0;
  return (
    <div className="k-trim" data-testid="trim-editor">
      <div className="k-trim__head">
        <TextField
          label={t('clipTitle')}
          value={edit.title}
          onChange={(e) => {
            const title = e.target.value;
            change((x) => ({ ...x, title }));
          }}
          data-testid="clip-title"
        />
        <IconButton label={t('transport.undo')} icon={<Undo2 size={16} />} onClick={editor.undo} disabled={!editor.canUndo} />
        <IconButton label={t('transport.redo')} icon={<Redo2 size={16} />} onClick={editor.redo} disabled={!editor.canRedo} />
        <span className="k-trim__status faint" aria-live="polite">
          {editor.saving ? t('saving') : t('saved')}
        </span>
      </div>
      {editor.error !== null && <ErrorMessage error={editor.error} />}
      <div className="k-trim__top">
        <div className="k-trim__preview">
          <video
            ref={videoRef}
            src={mediaUrl(video.asset.sha256)}
            crossOrigin="anonymous"
            className="k-trim__video"
            preload="auto"
            data-testid="preview-video"
            aria-label={t('preview')}
            onLoadedMetadata={() => seek(current)}
            onError={() => setPlayable(false)}
            onPause={() => setPlaying(false)}
            onSeeked={(e) => !playing && setCurrent(Math.max(0, e.currentTarget.currentTime - 0.0005))}
          >
            {captionsUrl && <track kind="subtitles" src={captionsUrl} default label="Captions" />}
          </video>
          {!playable && <div className="k-trim__noplay">{t('noSource')}</div>}
          <div className="k-trim__transport" role="toolbar" aria-label={t('preview')}>
            <IconButton label={t('transport.back')} icon={<SkipBack size={16} />} onClick={() => seek(current - 1)} />
            <IconButton label={t('transport.prevFrame')} icon={<ChevronLeft size={16} />} onClick={() => stepFrame(-1)} />
            {playing ? (
              <IconButton label={t('transport.pause')} icon={<Pause size={18} />} onClick={pause} data-testid="pause" />
            ) : (
              <IconButton label={t('transport.play')} icon={<Play size={18} />} onClick={() => play(1)} data-testid="play" />
            )}
            <IconButton label={t('transport.nextFrame')} icon={<ChevronRight size={16} />} onClick={() => stepFrame(1)} />
            <span className="k-trim__time mono" data-testid="current-time">
              {timecode(here)}
            </span>
            <span className="k-trim__spacer" />
            <IconButton label={t('transport.setIn')} icon={<SquareArrowDown size={16} />} onClick={actions.setIn} data-testid="set-in" />
            <IconButton label={t('transport.setOut')} icon={<SquareArrowUp size={16} />} onClick={actions.setOut} data-testid="set-out" />
            <IconButton label={t('transport.split')} icon={<Scissors size={16} />} onClick={actions.split} data-testid="split" />
            <IconButton
              label={t('transport.removePart')}
              icon={<Trash2 size={16} />}
              onClick={actions.removePart}
              disabled={!inPart || edit.segments.length < 2}
              data-testid="remove-part"
            />
            <IconButton label={t('transport.addChapter')} icon={<Flag size={16} />} onClick={actions.addChapter} data-testid="add-chapter" />
            <IconButton label={t('transport.restore')} icon={<RotateCcw size={16} />} onClick={actions.restore} />
          </div>
          <div className="k-trim__facts faint">
            <span>{t('sourceInfo', { width: video.asset.width, height: video.asset.height, fps: Math.round(v.fps * 100) / 100, codec: v.codec })}</span>
            <span data-testid="edit-duration">{t('editDuration', { duration: timecode(editDuration(edit.segments)) })}</span>
            <span>{t('parts', { count: edit.segments.length })}</span>
          </div>
        </div>
        <RenderPanel clip={clip} edit={edit} video={video} onPlan={setActual} flush={editor.flush} change={change} />
      </div>
      <Timeline
        durationS={durationS}
        segments={edit.segments}
        actual={edit.renderMode === 'lossless' ? actual : null}
        chapters={edit.chapters}
        currentS={current}
        thumbnails={thumbnails.data ?? null}
        waveform={waveform.data ?? null}
        onSeek={(s) => {
          pause();
          seek(frameAt(s));
        }}
        onChapter={(c) => seek(c.startS)}
      />
      <p className="k-trim__keys faint">{t('keys')}</p>
      <ChaptersPanel edit={edit} change={change} onJump={(c) => seek(c.startS)} durationS={durationS} />
    </div>
  );
}
