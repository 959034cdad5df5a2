import { z } from 'zod';
import type { FfmpegInput, FfmpegInvocation } from '../runner';
import { fileUrl, secs } from './common';
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

// afftdn hands the sound on late by its analysis window: 25 ms in ffmpeg 5.1 (whatever the sample
// rate), nothing in 4.1 (which drops those samples instead). Picture and sound must stay together,
// so the render measures the delay of the ffmpeg in use once, with a click, and cuts it off again.
const CLICK_AT_S = 0.5;

/** A click at CLICK_AT_S through the cleanup, written as mono float samples at 48 kHz. */
export function cleanupDelayInvocation(outputFile: string): FfmpegInvocation {
  return {
    // Our own synthetic sound (no file is read): a 20 ms 1 kHz tone.
    inputs: [{ options: ['-f', 'lavfi'], url: `aevalsrc='0.5*sin(2*PI*1000*t)*between(t,${CLICK_AT_S},${CLICK_AT_S + 0.02})':s=48000:d=1.5` }],
    outputs: [{ options: ['-af', cleanupFilters(), '-ac', '1', '-c:a', 'pcm_f32le', '-f', 'f32le'], url: fileUrl(outputFile) }],
  };
}

/** How late the click comes out (seconds, to the millisecond): where its energy is centred. */
export function clickDelayS(samples: Float32Array, sampleRate = 48000): number {
  let weighted = 0;
  let total = 0;
  samples.forEach((v, i) => {
    weighted += i * v * v;
    total += v * v;
  });
  if (total === 0) return 0;
  const centre = weighted / total / sampleRate;
  return Math.max(0, Math.round((centre - (CLICK_AT_S + 0.01)) * 1000) / 1000);
}

/**
 * The second pass with the first pass's values (or, for silence, the cleanup alone), the cleanup's
 * delay cut off the front, back to 48 kHz (loudnorm works at 192 kHz to find true peaks and hands
 * that rate on), and exactly `durationS` long again (silence where the delay took sound off the end).
 */
export function narrationFilters(measured: LoudnormMeasurement | null, delayS: number, durationS: number): string {
  const chain = [cleanupFilters()];
  if (delayS > 0) chain.push(`atrim=start=${secs(delayS)}`, 'asetpts=PTS-STARTPTS');
  if (measured) {
    const m = measured;
    chain.push(
      `loudnorm=${target()}:measured_I=${m.input_i}:measured_TP=${m.input_tp}:measured_LRA=${m.input_lra}` +
        `:measured_thresh=${m.input_thresh}:offset=${m.target_offset}:linear=true:print_format=none`,
    );
  }
  chain.push('aresample=48000', `apad=whole_dur=${secs(durationS)}`, `atrim=end=${secs(durationS)}`);
  return chain.join(',');
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
