import { z } from 'zod';
import type { FfmpegInput, FfmpegInvocation } from '../runner';
import { audioTrim, decodeInput, type SourceRef } from './render';

// Clean narration (issue 21): hum and rumble off (highpass), steady noise down (afftdn, tracking
// the noise floor as it goes), then loudness evened by loudnorm in two passes, as its author
// recommends: the first pass only measures, the second applies the measured values with
// linear=true, which moves the whole track by one gain (no pumping) whenever the true-peak
// ceiling allows it. Targets: -16 LUFS integrated (what spoken-word platforms use), true peak
// -1.5 dBTP, loudness range 11 LU.

export const NARRATION_TARGET = { integratedLufs: -16, truePeakDb: -1.5, rangeLu: 11 } as const;

/** Hum (50/60 Hz and their low harmonics) and rumble off, then steady noise reduced by up to 20 dB. */
export function cleanupFilters(): string {
  // Two second-order high-passes at 90 Hz take 50 Hz hum down by about 20 dB and leave voices
  // (which start around 85 Hz for low voices, with most of their energy far above) intact.
  return 'highpass=f=90:p=2,highpass=f=90:p=2,afftdn=nr=20:nf=-40:tn=1';
}

function target(): string {
  const t = NARRATION_TARGET;
  return `I=${t.integratedLufs}:TP=${t.truePeakDb}:LRA=${t.rangeLu}`;
}

/** The first pass: measure only (loudnorm prints its findings as JSON when it ends). */
export function loudnormMeasureFilter(): string {
  return `loudnorm=${target()}:print_format=json`;
}

/** What loudnorm's first pass prints (numbers as strings; "-inf" for silence). */
export const LoudnormMeasurement = z.object({
  input_i: z.string(),
  input_tp: z.string(),
  input_lra: z.string(),
  input_thresh: z.string(),
  target_offset: z.string(),
});
export type LoudnormMeasurement = z.infer<typeof LoudnormMeasurement>;

/** The measurement in ffmpeg's log, or null when there is none or the sound is silent. */
export function parseLoudnorm(stderr: string): LoudnormMeasurement | null {
  const end = stderr.lastIndexOf('}');
  const start = end < 0 ? -1 : stderr.lastIndexOf('{', end);
  if (start < 0) return null;
  let json: unknown;
  try {
    json = JSON.parse(stderr.slice(start, end + 1));
  } catch {
    return null;
  }
  const parsed = LoudnormMeasurement.safeParse(json);
  if (!parsed.success) return null;
  const values = Object.values(parsed.data).map(Number);
  return values.every((v) => Number.isFinite(v)) ? parsed.data : null;
}

/**
 * The second pass with the first pass's values (or, for silence, the cleanup alone), back to
 * 48 kHz: loudnorm works at 192 kHz to find true peaks and hands that rate on.
 */
export function narrationFilters(measured: LoudnormMeasurement | null): string {
  if (!measured) return `${cleanupFilters()},aresample=48000`;
  const m = measured;
  return (
    `${cleanupFilters()},loudnorm=${target()}:measured_I=${m.input_i}:measured_TP=${m.input_tp}` +
    `:measured_LRA=${m.input_lra}:measured_thresh=${m.input_thresh}:offset=${m.target_offset}` +
    `:linear=true:print_format=none,aresample=48000`
  );
}

/**
 * The first pass over the sound the render will keep (the same trims, joined), cleaned as the
 * second pass will clean it, so the measurement is of what loudnorm will really receive.
 */
export function measureNarrationInvocation(
  src: SourceRef,
  segments: readonly { seekS: number; startS: number; endS: number }[],
): FfmpegInvocation {
  const inputs: FfmpegInput[] = segments.map((s) => decodeInput(src, s.seekS));
  const graph = segments.map((s, i) => audioTrim(i, s.seekS, s.startS, s.endS, `a${i}`));
  const labels = segments.map((_, i) => `[a${i}]`).join('');
  graph.push(`${labels}concat=n=${segments.length}:v=0:a=1,${cleanupFilters()},${loudnormMeasureFilter()}[aout]`);
  return {
    inputs,
    outputs: [
      {
        // loudnorm prints its measurement at the info level; the runner's default is errors only.
        options: ['-filter_complex', graph.join(';'), '-map', '[aout]', '-loglevel', 'info', '-f', 'null'],
        url: '-',
      },
    ],
  };
}
