import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Chapter, Redaction, Segment, ZoomRegion } from '@shared/domain/clip';
import type { ThumbnailStrip, Waveform } from '@shared/domain/video';
import { mediaUrl } from '../../api/client';
import type { RegionRef } from './regionEdit';
import { timecode } from './timecode';

export interface TimelineProps {
  durationS: number;
  segments: readonly Segment[];
  /** Where the cuts really fall (lossless snaps to keyframes), drawn as dashed edges. */
  actual: readonly Segment[] | null;
  chapters: readonly Chapter[];
  currentS: number;
  thumbnails: ThumbnailStrip | null;
  waveform: Waveform | null;
  onSeek: (seconds: number) => void;
  onChapter: (chapter: Chapter) => void;
  redactions: readonly Redaction[];
  zooms: readonly ZoomRegion[];
  selected: RegionRef | null;
  /** A region's bar was clicked: select it (and go to its start). */
  onRegion: (ref: RegionRef, startS: number) => void;
}

function removedRanges(segments: readonly Segment[], durationS: number): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const s of segments) {
    if (s.startS > at) out.push({ startS: at, endS: s.startS });
    at = Math.max(at, s.endS);
  }
  if (at < durationS) out.push({ startS: at, endS: durationS });
  return out.filter((r) => r.endS - r.startS > 1e-4);
}

function tickStep(durationS: number, widthPx: number): number {
  const wanted = durationS / Math.max(1, widthPx / 90);
  return [0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600].find((s) => s >= wanted) ?? 1200;
}

function WaveformCanvas({ peaks, width }: { peaks: number[]; width: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas || width <= 0) return;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(36 * ratio);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.fillStyle = getComputedStyle(canvas).color;
    const mid = canvas.height / 2;
    const step = canvas.width / Math.max(1, peaks.length);
    peaks.forEach((p, i) => {
      const h = Math.max(1, p * mid * 0.95);
      ctx.fillRect(i * step, mid - h, Math.max(1, step - 0.5), h * 2);
    });
  }, [peaks, width]);
  return <canvas ref={ref} className="k-cut-timeline__wave" style={{ width, height: 36 }} aria-hidden />;
}

/** The edit on a time axis: pictures, sound, kept and removed parts, chapters, the playhead. */
export function Timeline(props: TimelineProps) {
  const { t } = useTranslation('videos');
  const { durationS, segments, actual, chapters, currentS, thumbnails, waveform, onSeek, onChapter } = props;
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const dragging = useRef(false);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    setWidth(el.clientWidth);
    return () => observer.disconnect();
  }, []);

  const x = (s: number) => (durationS > 0 ? (s / durationS) * width : 0);
  const timeAt = (clientX: number) => {
    const rect = ref.current!.getBoundingClientRect();
    return Math.min(durationS, Math.max(0, ((clientX - rect.left) / rect.width) * durationS));
  };
  const step = tickStep(durationS, width);
  const ticks: number[] = [];
  for (let s = 0; s <= durationS + 1e-6 && width > 0; s += step) ticks.push(s);

  return (
    <div className="k-cut-timeline" data-testid="timeline">
      <div className="k-cut-timeline__ruler" aria-hidden>
        {ticks.map((s) => (
          <span key={s} className="k-cut-timeline__tick" style={{ left: x(s) }}>
            {timecode(s, false)}
          </span>
        ))}
      </div>
      <div
        ref={ref}
        className="k-cut-timeline__track"
        role="slider"
        tabIndex={-1}
        aria-label={t('playhead')}
        aria-valuemin={0}
        aria-valuemax={Math.round(durationS * 1000) / 1000}
        aria-valuenow={Math.round(currentS * 1000) / 1000}
        aria-valuetext={timecode(currentS)}
        onPointerDown={(e) => {
          if ((e.target as HTMLElement).closest('.k-cut-timeline__chapter')) return;
          dragging.current = true;
          e.currentTarget.setPointerCapture(e.pointerId);
          onSeek(timeAt(e.clientX));
        }}
        onPointerMove={(e) => dragging.current && onSeek(timeAt(e.clientX))}
        onPointerUp={() => (dragging.current = false)}
      >
        <div
          className="k-cut-timeline__thumbs"
          style={thumbnails ? { backgroundImage: `url(${mediaUrl(thumbnails.sha256)})` } : undefined}
          data-testid="timeline-thumbnails"
        />
        {waveform && waveform.peaks.length > 0 ? (
          <WaveformCanvas peaks={waveform.peaks} width={width} />
        ) : (
          <div className="k-cut-timeline__wave k-cut-timeline__wave--none" />
        )}
        {removedRanges(segments, durationS).map((r) => (
          <div
            key={`r${r.startS}`}
            className="k-cut-timeline__removed"
            style={{ left: x(r.startS), width: x(r.endS) - x(r.startS) }}
            title={t('removed')}
          />
        ))}
        {segments.map((s, i) => (
          <div
            key={`k${s.startS}`}
            className="k-cut-timeline__kept"
            style={{ left: x(s.startS), width: x(s.endS) - x(s.startS) }}
            data-testid="timeline-kept"
            data-start={s.startS}
            data-end={s.endS}
            title={`${t('kept')} ${i + 1}: ${timecode(s.startS)} – ${timecode(s.endS)}`}
          />
        ))}
        {actual?.map((s) => (
          <div
            key={`a${s.startS}`}
            className="k-cut-timeline__actual"
            style={{ left: x(s.startS), width: x(s.endS) - x(s.startS) }}
            data-testid="timeline-actual"
          />
        ))}
        {chapters.map((c, i) => (
          <button
            type="button"
            key={c.id}
            className="k-cut-timeline__chapter"
            style={{ left: x(c.startS) }}
            title={c.title || String(i + 1)}
            onClick={() => onChapter(c)}
            data-testid="timeline-chapter"
          >
            {i + 1}
          </button>
        ))}
        <div
          className="k-cut-timeline__playhead"
          style={{ left: x(currentS) }}
          data-testid="timeline-playhead"
        />
      </div>
      {(['redaction', 'zoom'] as const).map((kind) => {
        const regions: readonly (Redaction | ZoomRegion)[] =
          kind === 'redaction' ? props.redactions : props.zooms;
        const label = t(kind === 'redaction' ? 'timeline.redactions' : 'timeline.zooms');
        return (
          <div
            key={kind}
            className={`k-cut-timeline__lane k-cut-timeline__lane--${kind}`}
            role="group"
            aria-label={label}
            data-testid={`lane-${kind}`}
          >
            <span className="k-cut-timeline__lane-label" aria-hidden>
              {label}
            </span>
            {regions.map((r, i) => {
              const selected = props.selected?.kind === kind && props.selected.id === r.id;
              const name = t(kind === 'redaction' ? 'regions.redactionN' : 'regions.zoomN', { n: i + 1 });
              return (
                <button
                  type="button"
                  key={r.id}
                  className={`k-cut-timeline__region ${selected ? 'is-selected' : ''}`}
                  style={{ left: x(r.startS), width: Math.max(3, x(r.endS) - x(r.startS)) }}
                  title={`${name}: ${timecode(r.startS)} – ${timecode(r.endS)}`}
                  aria-label={`${name}: ${timecode(r.startS)} – ${timecode(r.endS)}`}
                  aria-pressed={selected}
                  onClick={() => props.onRegion({ kind, id: r.id }, r.startS)}
                  data-testid={`timeline-${kind}`}
                  data-start={r.startS}
                  data-end={r.endS}
                />
              );
            })}
            <div className="k-cut-timeline__lane-playhead" style={{ left: x(currentS) }} aria-hidden />
          </div>
        );
      })}
    </div>
  );
}
