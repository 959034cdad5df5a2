import { useRef, useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rect, Redaction, ZoomRegion } from '@shared/domain/clip';
import { regionRectAt, showsAt, type RegionKind, type RegionRef } from './regionEdit';

// Redaction and zoom rectangles drawn over the preview, where the vendor draws, moves and resizes
// them with the mouse. It lies exactly on the picture (the stage has the picture's shape), so a
// rectangle is kept as shares of the picture and means the same place at any size. A drag changes
// only a draft here; the edit (and its undo history) gets one change when the button is released.

type Handle = 'nw' | 'ne' | 'sw' | 'se';
const HANDLES: Handle[] = ['nw', 'ne', 'sw', 'se'];
const MIN = 0.01;

interface Drag {
  mode: 'draw' | 'move' | Handle;
  kind: RegionKind;
  ref: RegionRef | null;
  /** Which of a followed redaction's two positions is moved. */
  end: 'rect' | 'rectTo';
  start: { x: number; y: number };
  origin: Rect;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

function dragged(d: Drag, x: number, y: number): Rect {
  const o = d.origin;
  if (d.mode === 'draw') {
    const x0 = clamp(Math.min(d.start.x, x), 0, 1);
    const y0 = clamp(Math.min(d.start.y, y), 0, 1);
    return {
      x: x0,
      y: y0,
      w: clamp(Math.abs(x - d.start.x), 0, 1 - x0),
      h: clamp(Math.abs(y - d.start.y), 0, 1 - y0),
    };
  }
  const dx = x - d.start.x;
  const dy = y - d.start.y;
  if (d.mode === 'move') return { ...o, x: clamp(o.x + dx, 0, 1 - o.w), y: clamp(o.y + dy, 0, 1 - o.h) };
  let left = o.x;
  let top = o.y;
  let right = o.x + o.w;
  let bottom = o.y + o.h;
  if (d.mode.includes('w')) left = clamp(left + dx, 0, right - MIN);
  if (d.mode.includes('e')) right = clamp(right + dx, left + MIN, 1);
  if (d.mode.includes('n')) top = clamp(top + dy, 0, bottom - MIN);
  if (d.mode.includes('s')) bottom = clamp(bottom + dy, top + MIN, 1);
  return { x: left, y: top, w: right - left, h: bottom - top };
}

export interface RegionOverlayProps {
  picture: { width: number; height: number };
  redactions: readonly Redaction[];
  zooms: readonly ZoomRegion[];
  currentS: number;
  /** Start of the last frame before source time t (a followed redaction arrives there). */
  lastFrameBefore: (t: number) => number;
  selected: RegionRef | null;
  /** Drawing a new rectangle of this kind, or null. */
  tool: RegionKind | null;
  onSelect: (ref: RegionRef | null) => void;
  onCreate: (kind: RegionKind, rect: Rect) => void;
  onChange: (ref: RegionRef, patch: { rect?: Rect; rectTo?: Rect }) => void;
}

export function RegionOverlay(props: RegionOverlayProps) {
  const { t } = useTranslation('videos');
  const { picture, currentS, selected, tool } = props;
  const ref = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const [draft, setDraft] = useState<Rect | null>(null);

  const point = (e: PointerEvent) => {
    const box = ref.current!.getBoundingClientRect();
    return { x: (e.clientX - box.left) / box.width, y: (e.clientY - box.top) / box.height };
  };

  const visible = [
    ...props.redactions.map((r) => ({ kind: 'redaction' as const, region: r as Redaction | ZoomRegion })),
    ...props.zooms.map((z) => ({ kind: 'zoom' as const, region: z as Redaction | ZoomRegion })),
  ]
    .filter(
      ({ kind, region }) =>
        showsAt(region, currentS) || (selected?.kind === kind && selected.id === region.id),
    )
    .map(({ kind, region }) => ({
      kind,
      region,
      rect: regionRectAt(region, kind, currentS, props.lastFrameBefore(region.endS), picture),
      on: showsAt(region, currentS),
    }));

  const begin = (e: PointerEvent, d: Omit<Drag, 'start'>) => {
    e.preventDefault();
    e.stopPropagation();
    ref.current!.setPointerCapture(e.pointerId);
    setDrag({ ...d, start: point(e) });
    setDraft(d.origin);
  };

  /** A followed redaction moves the position nearer the playhead: its first or its last frame. */
  const endFor = (region: Redaction | ZoomRegion, kind: RegionKind): Drag['end'] => {
    if (kind !== 'redaction' || !(region as Redaction).rectTo) return 'rect';
    return currentS - region.startS > props.lastFrameBefore(region.endS) - currentS ? 'rectTo' : 'rect';
  };

  /** What a drag starts from: a zoom as shown (the picture's shape), a redaction's chosen position. */
  const originOf = (region: Redaction | ZoomRegion, kind: RegionKind, shown: Rect, end: Drag['end']): Rect =>
    kind === 'zoom' ? shown : end === 'rectTo' ? (region as Redaction).rectTo! : region.rect;

  const finish = () => {
    if (!drag || !draft) return;
    if (drag.mode === 'draw') {
      if (draft.w >= MIN && draft.h >= MIN) props.onCreate(drag.kind, draft);
    } else if (
      drag.ref &&
      (['x', 'y', 'w', 'h'] as const).some((k) => Math.abs(draft[k] - drag.origin[k]) > 1e-6)
    ) {
      props.onChange(drag.ref, { [drag.end]: draft });
    }
    setDrag(null);
    setDraft(null);
  };

  return (
    <div
      ref={ref}
      className={`k-regions ${tool ? 'is-drawing' : ''}`}
      data-testid="region-overlay"
      onPointerDown={(e) => {
        if (tool)
          begin(e, { mode: 'draw', kind: tool, ref: null, end: 'rect', origin: { x: 0, y: 0, w: 0, h: 0 } });
        else if (selected) props.onSelect(null);
      }}
      onPointerMove={(e) => {
        if (!drag) return;
        const p = point(e);
        setDraft(dragged(drag, p.x, p.y));
      }}
      onPointerUp={finish}
      onPointerCancel={() => {
        setDrag(null);
        setDraft(null);
      }}
    >
      {visible.map(({ kind, region, rect, on }) => {
        const isSelected = selected?.kind === kind && selected.id === region.id;
        const moving = drag?.ref?.id === region.id && drag.ref.kind === kind && draft;
        const shown = moving ? draft : rect;
        const style = kind === 'redaction' ? (region as Redaction).style : 'zoom';
        return (
          <div
            key={`${kind}-${region.id}`}
            role="button"
            tabIndex={0}
            aria-label={t(kind === 'redaction' ? 'regions.redactionKeys' : 'regions.zoomKeys')}
            aria-pressed={isSelected}
            onFocus={() => !isSelected && props.onSelect({ kind, id: region.id })}
            onKeyDown={(e) => {
              // Arrows move it (Shift: change its size) by a hundredth of the picture; the editor's
              // own arrow keys (frame by frame) wait until the rectangle loses focus.
              const step = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[
                e.key
              ];
              if (!step) return;
              e.preventDefault();
              e.stopPropagation();
              const end = endFor(region, kind);
              const origin = originOf(region, kind, rect, end);
              const ref = { kind, id: region.id };
              const d: Drag = {
                mode: e.shiftKey ? 'se' : 'move',
                kind,
                ref,
                end,
                start: { x: 0, y: 0 },
                origin,
              };
              const next = dragged(d, step[0]! * 0.01, step[1]! * 0.01);
              props.onChange(ref, { [end]: next });
            }}
            className={`k-region k-region--${style} ${isSelected ? 'is-selected' : ''} ${on ? '' : 'is-off'}`}
            style={{
              left: `${shown.x * 100}%`,
              top: `${shown.y * 100}%`,
              width: `${shown.w * 100}%`,
              height: `${shown.h * 100}%`,
            }}
            data-testid={`region-${kind}`}
            data-id={region.id}
            title={t(kind === 'redaction' ? 'regions.redactionTitle' : 'regions.zoomTitle')}
            onPointerDown={(e) => {
              if (tool) return; // drawing goes on over existing rectangles
              props.onSelect({ kind, id: region.id });
              const end = endFor(region, kind);
              begin(e, {
                mode: 'move',
                kind,
                ref: { kind, id: region.id },
                end,
                origin: originOf(region, kind, rect, end),
              });
            }}
          >
            {isSelected &&
              HANDLES.map((h) => (
                <span
                  key={h}
                  className={`k-region__handle k-region__handle--${h}`}
                  data-testid={`region-handle-${h}`}
                  onPointerDown={(e) => {
                    if (tool) return;
                    const end = endFor(region, kind);
                    begin(e, {
                      mode: h,
                      kind,
                      ref: { kind, id: region.id },
                      end,
                      origin: originOf(region, kind, rect, end),
                    });
                  }}
                />
              ))}
          </div>
        );
      })}
      {drag?.mode === 'draw' && draft && (
        <div
          className={`k-region k-region--${drag.kind === 'zoom' ? 'zoom' : 'blur'} is-selected`}
          style={{
            left: `${draft.x * 100}%`,
            top: `${draft.y * 100}%`,
            width: `${draft.w * 100}%`,
            height: `${draft.h * 100}%`,
          }}
          data-testid="region-draft"
        />
      )}
    </div>
  );
}
