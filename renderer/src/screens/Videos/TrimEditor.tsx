import { Redo2, Undo2 } from 'lucide-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Chapter, Clip, Rect } from '@shared/domain/clip';
import type { VideoDetail } from '@shared/domain/video';
import {
  editDuration,
  frameIndexAt,
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
import { RegionOverlay } from './RegionOverlay';
import { RegionsPanel } from './RegionsPanel';
import {
  addRegion,
  findRegion,
  removeRegion,
  setRegionEnd,
  updateRegion,
  type RegionKind,
  type RegionRef,
} from './regionEdit';
import { RenderPanel } from './RenderPanel';
import { Transport } from './Transport';
import { Timeline } from './Timeline';
import { isTyping, timecode } from './timecode';
import { useClipEditor } from './useClipEditor';
import { usePreviewPlayback } from './usePreviewPlayback';

function newChapterId(): string {
  return Math.random().toString(36).slice(2, 10);
}

/** Preview, transport, timeline, chapters and render of one clip. */
export function TrimEditor({
  clip,
  video,
  startS = null,
}: {
  clip: Clip;
  video: VideoDetail;
  startS?: number | null;
}) {
  const { t } = useTranslation('videos');
  const editor = useClipEditor(clip);
  const { edit, change } = editor;
  const thumbnails = useApi('media:thumbnails', { assetId: clip.assetId }, { staleTime: Infinity });
  const waveform = useApi('media:waveform', { assetId: clip.assetId }, { staleTime: Infinity });
  const durationS = video.probe.durationS;
  const frames = video.frameTimes;
  const [playable, setPlayable] = useState(true);
  const [actual, setActual] = useState<{ startS: number; endS: number }[] | null>(null);
  // The redaction or zoom being worked on (I/O and Delete act on it), and the rectangle being drawn.
  const [selected, setSelected] = useState<RegionRef | null>(null);
  const [tool, setTool] = useState<RegionKind | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const selectedRegion = findRegion(edit, selected);
  // An undo can take the selected region away.
  if (selected && !selectedRegion) setSelected(null);
  const { videoRef, current, setCurrent, playing, setPlaying, rate, seek, play, pause } = usePreviewPlayback(
    edit.segments,
    durationS,
    startS ?? edit.segments[0]?.startS ?? 0,
  );

  const frameAt = useCallback((s: number) => snapToFrame(frames, s), [frames]);
  const here = frameAt(current);

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
  const frameS = endOfFrame(here) - here || 1 / 30;
  const lastFrameBefore = useCallback(
    (t: number) => frames[Math.max(0, frameIndexAt(frames, t - 0.001))] ?? t,
    [frames],
  );
  const rotated = (video.probe.video?.rotation ?? 0) % 180 !== 0;
  const picture = {
    width: (rotated ? video.probe.video?.height : video.probe.video?.width) ?? 16,
    height: (rotated ? video.probe.video?.width : video.probe.video?.height) ?? 9,
  };

  const regionActions = {
    create: (kind: RegionKind, rect: Rect) => {
      setTool(null);
      const added = addRegion(edit, kind, rect, here, durationS);
      if (!added) {
        setNotice(t('regions.zoomTaken'));
        return;
      }
      setNotice(null);
      change(() => added.edit);
      setSelected(added.ref);
    },
    move: (ref: RegionRef, patch: { rect?: Rect; rectTo?: Rect }) =>
      change((e) => updateRegion(e, ref, patch)),
    setIn: (ref: RegionRef) => change((e) => setRegionEnd(e, ref, 'in', here, frameS, durationS)),
    setOut: (ref: RegionRef) =>
      change((e) => setRegionEnd(e, ref, 'out', endOfFrame(here), frameS, durationS)),
    remove: (ref: RegionRef) => {
      setSelected(null);
      change((e) => removeRegion(e, ref));
    },
  };

  // In and out points are the cut's, or the selected redaction's or zoom's.
  const actions = {
    setIn: () =>
      selected
        ? regionActions.setIn(selected)
        : change((e) => ({ ...e, segments: setInPoint(e.segments, here) })),
    setOut: () =>
      selected
        ? regionActions.setOut(selected)
        : change((e) => ({ ...e, segments: setOutPoint(e.segments, endOfFrame(here)) })),
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
          pictureS: null,
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
      else if (key === 'escape' && (tool || selected)) {
        setTool(null);
        setSelected(null);
      } else if (selected && (key === 'delete' || key === 'backspace')) regionActions.remove(selected);
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
      .map((c, i) => ({
        startS: c.startS,
        endS: sorted[i + 1]?.startS ?? durationS,
        text: byChapter.get(c.id) ?? '',
      }))
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
        <IconButton
          label={t('transport.undo')}
          icon={<Undo2 size={16} />}
          onClick={editor.undo}
          disabled={!editor.canUndo}
        />
        <IconButton
          label={t('transport.redo')}
          icon={<Redo2 size={16} />}
          onClick={editor.redo}
          disabled={!editor.canRedo}
        />
        <span className="k-trim__status faint" aria-live="polite">
          {editor.saving ? t('saving') : t('saved')}
        </span>
      </div>
      {editor.error !== null && <ErrorMessage error={editor.error} />}
      <div className="k-trim__top">
        <div className="k-trim__preview">
          {/* The stage has the picture's shape, so the rectangles drawn over it lie on the picture. */}
          <div
            className="k-trim__stage"
            style={{
              aspectRatio: `${picture.width} / ${picture.height}`,
              maxWidth: `calc(360px * ${picture.width / picture.height})`,
            }}
          >
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
            <RegionOverlay
              picture={picture}
              redactions={edit.redactions}
              zooms={edit.zooms}
              currentS={here}
              lastFrameBefore={lastFrameBefore}
              selected={selected}
              tool={tool}
              onSelect={setSelected}
              onCreate={regionActions.create}
              onChange={regionActions.move}
            />
            {tool && (
              <div className="k-trim__drawhint" aria-hidden>
                {t(tool === 'zoom' ? 'regions.drawZoomHint' : 'regions.drawHint')}
              </div>
            )}
          </div>
          {!playable && <div className="k-trim__noplay">{t('noSource')}</div>}
          <Transport
            playing={playing}
            here={here}
            canRemovePart={inPart && edit.segments.length >= 2}
            onBack={() => seek(current - 1)}
            onStep={stepFrame}
            onPlay={() => play(1)}
            onPause={pause}
            actions={actions}
            tool={tool}
            onTool={(next) => {
              setNotice(null);
              setTool(next);
            }}
          />
          <div className="k-trim__facts faint">
            <span>
              {t('sourceInfo', {
                width: video.asset.width,
                height: video.asset.height,
                fps: Math.round(v.fps * 100) / 100,
                codec: v.codec,
              })}
            </span>
            <span data-testid="edit-duration">
              {t('editDuration', { duration: timecode(editDuration(edit.segments)) })}
            </span>
            <span>{t('parts', { count: edit.segments.length })}</span>
          </div>
        </div>
        <RenderPanel
          clip={clip}
          edit={edit}
          video={video}
          onPlan={setActual}
          flush={editor.flush}
          change={change}
        />
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
        redactions={edit.redactions}
        zooms={edit.zooms}
        selected={selected}
        onRegion={(ref, startS) => {
          pause();
          setSelected(ref);
          seek(startS);
        }}
      />
      <p className="k-trim__keys faint">{t('keys')}</p>
      {notice && (
        <p className="k-plan__fallback" role="status">
          {notice}
        </p>
      )}
      <div className="k-trim__panels">
        <RegionsPanel
          edit={edit}
          change={change}
          selected={selected}
          onSelect={setSelected}
          tool={tool}
          onJump={(s) => {
            pause();
            seek(s);
          }}
        />
        <ChaptersPanel
          edit={edit}
          change={change}
          onJump={(c) => seek(c.startS)}
          durationS={durationS}
          currentS={here}
        />
      </div>
    </div>
  );
}
