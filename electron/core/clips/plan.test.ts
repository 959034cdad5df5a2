import { describe, expect, it } from 'vitest';
import type { MediaProbe } from '../../../shared/domain/video';
import { indexFrames } from '../media/testing';
import { planRender, summarisePlan } from './plan';

// A synthetic 30 fps H.264 stream with B-frames in pyramid (I P B B per mini-GOP, decode order
// I P3 B1 B2 ...) and a keyframe every 30 frames: the planner must find where a copy can start
// (keyframes) and end (after each P frame's group), without running ffmpeg.
function stream(frames = 120, gop = 30) {
  const fd = 1 / 30;
  const packets: { pts: number; dts: number; duration: number; key: boolean }[] = [];
  let dts = -2 * fd;
  for (let g = 0; g < frames; g += gop) {
    packets.push({ pts: g * fd, dts, duration: fd, key: true });
    dts += fd;
    for (let i = g + 1; i < Math.min(g + gop, frames); i += 3) {
      const p = Math.min(i + 2, g + gop - 1, frames - 1);
      packets.push({ pts: p * fd, dts, duration: fd, key: false });
      dts += fd;
      for (let b = i; b < p; b++) {
        packets.push({ pts: b * fd, dts, duration: fd, key: false });
        dts += fd;
      }
    }
  }
  return { ...indexFrames(packets, fd), audio: { firstS: 0, count: 188, packetS: 1024 / 48000, regular: true } };
}

const probe: MediaProbe = {
  formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
  durationS: 4,
  startTimeS: 0,
  sizeBytes: 1,
  video: {
    codec: 'h264', profile: 'High', level: 30, width: 320, height: 180, pixelFormat: 'yuv420p', fps: 30,
    variableFrameRate: false, rotation: 0, reorderDelay: 2, fieldOrder: 'progressive', bitRate: null,
  },
  audio: { codec: 'aac', sampleRate: 48000, channels: 1, startS: 0, bitRate: null },
};
const opts = { resolution: 'source' as const, targetSizeMb: null, burnCaptions: false, cleanNarration: false };

describe('planning a render', () => {
  const frames = stream();

  it('finds clean keyframes and the clean ends after each mini-GOP', () => {
    expect(frames.keyframes).toEqual([0, 30, 60, 90]);
    expect(frames.cleanEnds.slice(0, 4)).toEqual([1, 4, 7, 10]);
  });

  it('lossless snaps the in point back to a keyframe and the out point forward to a clean end', () => {
    const plan = planRender(probe, frames, [{ startS: 1.5, endS: 3.3 }], 'lossless', opts);
    expect(plan.mode).toBe('lossless');
    expect(plan.segments[0]).toMatchObject({ first: 30, end: 100 });
    expect(plan.segments[0]!.startS).toBeCloseTo(1, 6);
    expect(plan.segments[0]!.endS).toBeCloseTo(100 / 30, 6);
    expect(plan.audio).toBe('copy');
  });

  it('smart re-encodes only up to the next keyframe and from the last clean end', () => {
    const plan = planRender(probe, frames, [{ startS: 0.5, endS: 3.3 }], 'smart', opts);
    const parts = plan.segments[0]!.parts;
    expect(parts.map((p) => [p.kind, p.first, p.end])).toEqual([
      ['encode', 15, 30],
      ['copy', 30, 97],
      ['encode', 97, 99],
    ]);
    expect(summarisePlan(plan).reencodedShare).toBeCloseTo(17 / 84, 3);
  });

  it('smart falls back to accurate where copying cannot work, and says why', () => {
    const vp9 = { ...probe, video: { ...probe.video!, codec: 'vp9' } };
    expect(planRender(vp9, frames, [{ startS: 0, endS: 1 }], 'smart', opts)).toMatchObject({ mode: 'accurate', fallback: 'notH264', refused: false });
    expect(planRender(probe, frames, [{ startS: 0, endS: 1 }], 'smart', { ...opts, targetSizeMb: 5 })).toMatchObject({ mode: 'accurate', fallback: 'targetSize' });
    expect(planRender(probe, frames, [{ startS: 0, endS: 1 }], 'smart', { ...opts, resolution: '480' })).toMatchObject({ fallback: null });
    expect(planRender(probe, frames, [{ startS: 0, endS: 1 }], 'lossless', { ...opts, burnCaptions: true })).toMatchObject({ refused: true, fallback: 'burnCaptions' });
  });

  it('with an ffmpeg older than 5.0, lossless and smart render accurately (frame-exact, not snapped) and say why', () => {
    const old = { exactCopyCuts: false };
    for (const mode of ['lossless', 'smart'] as const) {
      const plan = planRender(probe, frames, [{ startS: 1.5, endS: 3.3 }], mode, opts, old);
      expect(plan).toMatchObject({ requestedMode: mode, mode: 'accurate', fallback: 'oldFfmpeg', refused: false });
      expect(plan.segments[0]).toMatchObject({ first: 45, end: 99 });
      expect(plan.segments[0]!.parts.every((p) => p.kind === 'encode')).toBe(true);
      expect(plan.audio).toBe('encode');
    }
    // A reason found in the source still comes first: lossless stays refused for it.
    const vp9 = { ...probe, video: { ...probe.video!, codec: 'vp9' } };
    expect(planRender(vp9, frames, [{ startS: 0, endS: 1 }], 'lossless', opts, old)).toMatchObject({ refused: true, fallback: 'notH264' });
    expect(planRender(probe, frames, [{ startS: 0, endS: 1 }], 'accurate', opts, old)).toMatchObject({ mode: 'accurate', fallback: null });
  });

  it('accurate keeps exactly the frames asked for, and aims for a size when asked', () => {
    const plan = planRender(probe, frames, [{ startS: 0.5, endS: 1 }, { startS: 2, endS: 2.5 }], 'accurate', { ...opts, targetSizeMb: 1 });
    expect(plan.segments.map((s) => [s.first, s.end])).toEqual([[15, 30], [60, 75]]);
    expect(plan.outputDurationS).toBeCloseTo(1, 6);
    expect(plan.video.videoKbps).toBe(Math.floor((1 * 8 * 1000 * 0.95) / 1 - 160));
  });

  it('refuses an edit with no frames in it', () => {
    expect(() => planRender(probe, frames, [{ startS: 10, endS: 11 }], 'accurate', opts)).toThrow();
  });

  const rect = { x: 0.1, y: 0.1, w: 0.2, h: 0.2 };
  const redaction = (startS: number, endS: number) => ({ id: `r${startS}`, startS, endS, rect, rectTo: null, style: 'blur' as const });

  it('smart re-encodes a redaction from the clean end at or before it to the keyframe after it, and copies the rest', () => {
    // Frames 40..49 (1.333 s up to 1.667 s): mid-GOP, between the keyframes at 30 and 60.
    const plan = planRender(probe, frames, [{ startS: 0, endS: 4 }], 'smart', opts, undefined, {
      redactions: [redaction(40 / 30, 50 / 30)],
      zooms: [],
    });
    const parts = plan.segments[0]!.parts;
    expect(parts.map((p) => [p.kind, p.first, p.end])).toEqual([
      ['copy', 0, 40],
      ['encode', 40, 60],
      ['copy', 60, 120],
    ]);
    expect(summarisePlan(plan)).toMatchObject({ redactions: 1, zooms: 0 });
    expect(summarisePlan(plan).reencodedShare).toBeCloseTo(20 / 120, 6);
    expect(summarisePlan(plan).segments[0]!.parts[1]!.why).toEqual(['redaction']);
    // Starting just after a clean end, the re-encode starts at that clean end (frame 41 → 40).
    const later = planRender(probe, frames, [{ startS: 0, endS: 4 }], 'smart', opts, undefined, { redactions: [redaction(41 / 30, 1.6)], zooms: [] });
    expect(later.segments[0]!.parts[1]).toMatchObject({ kind: 'encode', first: 40, end: 60 });
  });

  it('smart merges what touches: a redaction near an in point, a zoom past the last keyframe', () => {
    const zoom = { id: 'z', startS: 3.5, endS: 3.8, rect, easeS: 0.5 };
    const plan = planRender(probe, frames, [{ startS: 0.5, endS: 4 }], 'smart', opts, undefined, {
      redactions: [redaction(0.7, 1.2)],
      zooms: [zoom],
    });
    expect(plan.segments[0]!.parts.map((p) => [p.kind, p.first, p.end, p.kind === 'encode' ? p.why : []])).toEqual([
      ['encode', 15, 60, ['inPoint', 'redaction']],
      ['copy', 60, 103, []],
      ['encode', 103, 120, ['zoom']],
    ]);
    // Spans outside the kept frames do not count.
    const cut = planRender(probe, frames, [{ startS: 2, endS: 3 }], 'smart', opts, undefined, { redactions: [redaction(0.7, 1.2)], zooms: [zoom] });
    expect(summarisePlan(cut)).toMatchObject({ redactions: 0, zooms: 0 });
  });

  it('lossless says a redaction or a zoom needs smart or accurate; accurate re-encodes everything as before', () => {
    const regions = { redactions: [redaction(1, 2)], zooms: [] };
    expect(planRender(probe, frames, [{ startS: 0, endS: 4 }], 'lossless', opts, undefined, regions)).toMatchObject({
      refused: true,
      fallback: 'redaction',
    });
    expect(
      planRender(probe, frames, [{ startS: 0, endS: 4 }], 'lossless', opts, { exactCopyCuts: false }, { redactions: [], zooms: [{ id: 'z', startS: 1, endS: 2, rect, easeS: 0 }] }),
    ).toMatchObject({ refused: true, fallback: 'zoom' });
    const accurate = planRender(probe, frames, [{ startS: 0, endS: 4 }], 'accurate', opts, { exactCopyCuts: true, easedZoom: false }, regions);
    expect(accurate.segments[0]!.parts).toHaveLength(1);
    expect(summarisePlan(accurate)).toMatchObject({ redactions: 1, zoomEased: false });
  });

  it('clean narration re-encodes the sound in every mode, and only the sound', () => {
    for (const mode of ['lossless', 'smart', 'accurate'] as const) {
      const plan = planRender(probe, frames, [{ startS: 1, endS: 3 }], mode, { ...opts, cleanNarration: true });
      expect(plan).toMatchObject({ mode, audio: 'encode', cleanNarration: true });
    }
    expect(planRender(probe, frames, [{ startS: 1, endS: 3 }], 'lossless', opts).audio).toBe('copy');
    const silent = { ...probe, audio: null };
    expect(planRender(silent, frames, [{ startS: 1, endS: 3 }], 'smart', { ...opts, cleanNarration: true })).toMatchObject({ audio: 'none', cleanNarration: false });
  });
});
