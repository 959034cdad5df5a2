import { describe, expect, it } from 'vitest';
import { adtsFrames, pickAudioFrames } from './adts';

function adts(lengths: number[]): Uint8Array {
  const out: number[] = [];
  for (const len of lengths) {
    const h = [0xff, 0xf1, 0x50, 0x80 | ((len >> 11) & 3), (len >> 3) & 0xff, ((len & 7) << 5) | 0x1f, 0xfc];
    out.push(...h, ...new Array(len - 7).fill(0));
  }
  return Uint8Array.from(out);
}

describe('ADTS', () => {
  it('splits a stream into frames by their headers', () => {
    expect(adtsFrames(adts([20, 9, 300]))).toEqual([
      { offset: 0, length: 20 },
      { offset: 20, length: 9 },
      { offset: 29, length: 300 },
    ]);
    expect(adtsFrames(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]))).toEqual([]);
  });

  it('keeps sound within half a frame of the picture across many cuts', () => {
    const packetS = 1024 / 48000;
    const audio = { firstS: 0, count: 10_000, packetS };
    const segments = Array.from({ length: 40 }, (_, i) => ({ startS: i * 3.7 + 0.013 * i, endS: i * 3.7 + 1.234 + 0.0071 * i }));
    const pick = pickAudioFrames(segments, audio);
    let video = 0;
    let audioPos = pick.offsetS;
    segments.forEach((s, i) => {
      const r = pick.ranges[i]!;
      const frameStart = audio.firstS + r.first * packetS;
      // The sound that plays with this segment's first picture came from (almost) the same moment.
      expect(Math.abs(audioPos - video - (frameStart - s.startS))).toBeLessThanOrEqual(packetS / 2 + 1e-9);
      audioPos += r.count * packetS;
      video += s.endS - s.startS;
      expect(Math.abs(audioPos - video)).toBeLessThanOrEqual(packetS / 2 + 1e-9);
    });
  });

  it('starts the track late when the sound starts after the picture', () => {
    const pick = pickAudioFrames([{ startS: 0, endS: 2 }], { firstS: 0.7, count: 100, packetS: 0.02 });
    expect(pick.offsetS).toBeCloseTo(0.7, 6);
    expect(pick.ranges[0]).toEqual({ first: 0, count: 65 });
  });
});
