import { execFileSync, spawnSync } from 'node:child_process';
import { testTools } from './videos';

// Reading sound back for the clean-narration tests: loudness as ffmpeg's EBU R128 meter measures
// it, and the level of a stretch of samples.

export const SAMPLE_RATE = 48000;

/** Integrated loudness (LUFS) of a file's first audio stream, by ffmpeg's ebur128 filter. */
export async function integratedLoudness(file: string): Promise<number> {
  const tools = await testTools();
  const run = spawnSync(tools.ffmpeg.path, ['-hide_banner', '-nostats', '-i', file, '-map', '0:a:0', '-af', 'ebur128', '-f', 'null', '-'], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  // The summary at the end: "Integrated loudness:\n    I:         -16.0 LUFS".
  const found = [...run.stderr.matchAll(/I:\s+(-?[\d.]+) LUFS/g)].pop();
  if (!found) throw new Error(`no loudness in ffmpeg's output:\n${run.stderr.slice(-2000)}`);
  return Number(found[1]);
}

/** The first audio stream as mono float samples at 48 kHz. */
export async function monoSamples(file: string): Promise<Float32Array> {
  const tools = await testTools();
  const raw = execFileSync(tools.ffmpeg.path, ['-v', 'error', '-i', file, '-map', '0:a:0', '-ac', '1', '-ar', String(SAMPLE_RATE), '-f', 'f32le', '-'], {
    maxBuffer: 1 << 28,
  });
  return new Float32Array(raw.buffer, raw.byteOffset, Math.floor(raw.length / 4));
}

/** RMS level in dBFS of the samples between two times. */
export function levelDb(samples: Float32Array, fromS: number, toS: number): number {
  let sum = 0;
  const a = Math.floor(fromS * SAMPLE_RATE);
  const b = Math.min(samples.length, Math.floor(toS * SAMPLE_RATE));
  for (let i = a; i < b; i++) sum += samples[i]! * samples[i]!;
  return 10 * Math.log10(sum / Math.max(1, b - a) + 1e-20);
}

/** When the sound first rises above a share of its loudest sample (seconds). */
export function onsetS(samples: Float32Array, share = 0.25): number {
  let peak = 0;
  for (const s of samples) peak = Math.max(peak, Math.abs(s));
  const i = samples.findIndex((s) => Math.abs(s) > peak * share);
  return i / SAMPLE_RATE;
}

/** RMS envelope in windows of `windowS` seconds. */
function envelope(samples: Float32Array, windowS: number): number[] {
  const size = Math.round(windowS * SAMPLE_RATE);
  const out: number[] = [];
  for (let at = 0; at + size <= samples.length; at += size) {
    let sum = 0;
    for (let i = at; i < at + size; i++) sum += samples[i]! * samples[i]!;
    out.push(Math.sqrt(sum / size));
  }
  return out;
}

/**
 * How late `b` is against `a` (seconds, negative = early): the shift that best lines up their
 * loudness envelopes (normalised correlation, 2 ms steps, within ±maxS). Gain and filtering do not
 * move it; a delay does.
 */
export function envelopeLagS(a: Float32Array, b: Float32Array, maxS = 0.2): number {
  const step = 0.002;
  const ea = envelope(a, step);
  const eb = envelope(b, step);
  const mean = (e: number[]) => e.reduce((x, y) => x + y, 0) / e.length;
  const ma = mean(ea);
  const mb = mean(eb);
  let best = 0;
  let bestScore = -Infinity;
  const maxLag = Math.round(maxS / step);
  for (let lag = -maxLag; lag <= maxLag; lag++) {
    let num = 0;
    let da = 0;
    let db = 0;
    for (let i = 0; i < ea.length; i++) {
      const j = i + lag;
      if (j < 0 || j >= eb.length) continue;
      num += (ea[i]! - ma) * (eb[j]! - mb);
      da += (ea[i]! - ma) ** 2;
      db += (eb[j]! - mb) ** 2;
    }
    const score = num / Math.sqrt(da * db || 1);
    if (score > bestScore) {
      bestScore = score;
      best = lag;
    }
  }
  return best * step;
}
