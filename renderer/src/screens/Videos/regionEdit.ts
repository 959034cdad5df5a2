import type { ClipEdit, Rect, Redaction, ZoomRegion } from '@shared/domain/clip';
import { boxToRect, rectAt, setSpanIn, setSpanOut, trackProgress, zoomBox } from '@shared/clips/regions';
import { TIME_EPSILON } from '@shared/clips/timeline';

// The redactions and zooms of an edit, as the trim editor changes them: every function takes the
// edit and returns a new one (so each change is one step of the editor's undo history).

export type RegionKind = 'redaction' | 'zoom';
export interface RegionRef {
  kind: RegionKind;
  id: string;
}

/** A new region lasts this long unless the video ends first. */
const NEW_SPAN_S = 3;

export function newRegionId(): string {
  return Math.random().toString(36).slice(2, 10);
}

export function findRegion(edit: ClipEdit, ref: RegionRef | null): Redaction | ZoomRegion | null {
  if (!ref) return null;
  return (ref.kind === 'redaction' ? edit.redactions : edit.zooms).find((r) => r.id === ref.id) ?? null;
}

/** Where a new zoom may start and end: not over another zoom (one picture, one enlargement). */
function zoomRoom(
  zooms: readonly ZoomRegion[],
  t: number,
  durationS: number,
  except?: string,
): { from: number; to: number } | null {
  const others = zooms.filter((z) => z.id !== except);
  if (others.some((z) => t >= z.startS - TIME_EPSILON && t < z.endS - TIME_EPSILON)) return null;
  const from = Math.max(0, ...others.filter((z) => z.endS <= t + TIME_EPSILON).map((z) => z.endS));
  const to = Math.min(durationS, ...others.filter((z) => z.startS >= t - TIME_EPSILON).map((z) => z.startS));
  return { from, to };
}

/** Adds a region drawn at source time t; null when a zoom is already there. */
export function addRegion(
  edit: ClipEdit,
  kind: RegionKind,
  rect: Rect,
  t: number,
  durationS: number,
): { edit: ClipEdit; ref: RegionRef } | null {
  const id = newRegionId();
  if (kind === 'redaction') {
    const redaction: Redaction = {
      id,
      startS: t,
      endS: Math.min(durationS, t + NEW_SPAN_S),
      rect,
      rectTo: null,
      style: 'blur',
    };
    return { edit: { ...edit, redactions: [...edit.redactions, redaction] }, ref: { kind, id } };
  }
  const room = zoomRoom(edit.zooms, t, durationS);
  if (!room || room.to - t < 0.1) return null;
  const zoom: ZoomRegion = { id, startS: t, endS: Math.min(room.to, t + NEW_SPAN_S), rect, easeS: 0.5 };
  return { edit: { ...edit, zooms: [...edit.zooms, zoom] }, ref: { kind, id } };
}

export function updateRegion(
  edit: ClipEdit,
  ref: RegionRef,
  patch: Partial<Redaction> & Partial<ZoomRegion>,
): ClipEdit {
  if (ref.kind === 'redaction') {
    return {
      ...edit,
      redactions: edit.redactions.map((r) => (r.id === ref.id ? { ...r, ...patch, id: r.id } : r)),
    };
  }
  return { ...edit, zooms: edit.zooms.map((z) => (z.id === ref.id ? { ...z, ...patch, id: z.id } : z)) };
}

export function removeRegion(edit: ClipEdit, ref: RegionRef): ClipEdit {
  return ref.kind === 'redaction'
    ? { ...edit, redactions: edit.redactions.filter((r) => r.id !== ref.id) }
    : { ...edit, zooms: edit.zooms.filter((z) => z.id !== ref.id) };
}

/**
 * The in (I) or out (O) point of a region, as for a cut: its first frame, or the end of the frame
 * on screen. A zoom stops where the next zoom begins.
 */
export function setRegionEnd(
  edit: ClipEdit,
  ref: RegionRef,
  end: 'in' | 'out',
  t: number,
  frameS: number,
  durationS: number,
): ClipEdit {
  const region = findRegion(edit, ref);
  if (!region) return edit;
  let span = end === 'in' ? setSpanIn(region, t, frameS) : setSpanOut(region, t, frameS);
  span = { ...span, endS: Math.min(durationS, span.endS) };
  if (ref.kind === 'zoom') {
    const room = zoomRoom(edit.zooms, end === 'in' ? span.startS : region.startS, durationS, ref.id);
    if (!room) return edit;
    span = { ...span, startS: Math.max(room.from, span.startS), endS: Math.min(room.to, span.endS) };
  }
  if (span.endS - span.startS < TIME_EPSILON) return edit;
  return updateRegion(edit, ref, { startS: span.startS, endS: span.endS });
}

/** Whether a region shows at source time t. */
export function showsAt(region: { startS: number; endS: number }, t: number): boolean {
  return t >= region.startS - TIME_EPSILON && t < region.endS - TIME_EPSILON;
}

/**
 * Where a region's rectangle is on the picture at time t: a followed redaction between its two
 * positions (its last frame is the one before `endS`), a zoom as the part that will fill the picture.
 */
export function regionRectAt(
  region: Redaction | ZoomRegion,
  kind: RegionKind,
  t: number,
  lastFrameS: number,
  picture: { width: number; height: number },
): Rect {
  if (kind === 'zoom')
    return boxToRect(zoomBox(region.rect, picture.width, picture.height), picture.width, picture.height);
  const r = region as Redaction;
  return rectAt(r, trackProgress(t, r.startS, lastFrameS));
}
