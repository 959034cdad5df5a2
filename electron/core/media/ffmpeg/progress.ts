// ffmpeg's `-progress pipe:1` output: blocks of key=value lines, each ending with `progress=continue`
// or `progress=end`. We read out_time (how much OUTPUT has been written) and divide by the output's
// length. fluent-ffmpeg's own percentage divides by the INPUT's duration, which is wrong as soon as
// the input is trimmed (a 10 s cut of a 10 min file would stop at 1.7 %).

export interface ProgressReading {
  /** Seconds of output written so far; null when ffmpeg has not said yet (N/A). */
  outTimeS: number | null;
  /** ffmpeg wrote `progress=end`. */
  ended: boolean;
}

/** Splits a chunk into complete lines, carrying an unfinished last line over to the next call. */
export function splitLines(carry: string, chunk: string): { lines: string[]; carry: string } {
  const text = carry + chunk;
  const parts = text.split(/\r?\n/);
  return { lines: parts.slice(0, -1), carry: parts[parts.length - 1] ?? '' };
}

function parseClock(value: string): number | null {
  const match = /^(-)?(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(value.trim());
  if (!match) return null;
  const seconds = Number(match[2]) * 3600 + Number(match[3]) * 60 + Number(match[4]);
  return match[1] ? -seconds : seconds;
}

/** The latest reading in these lines (later keys win), merged into the previous one. */
export function readProgress(lines: readonly string[], previous: ProgressReading): ProgressReading {
  let { outTimeS, ended } = previous;
  // The microsecond keys are exact; out_time (a clock string) only counts when they are missing.
  let exact = false;
  for (const line of lines) {
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim();
    if (key === 'out_time_us' || key === 'out_time_ms') {
      // Both keys carry microseconds (out_time_ms is misnamed in ffmpeg).
      const us = Number(value);
      if (value !== 'N/A' && Number.isFinite(us)) {
        outTimeS = us / 1e6;
        exact = true;
      }
    } else if (key === 'out_time' && !exact) {
      const s = parseClock(value);
      if (s !== null) outTimeS = s;
    } else if (key === 'progress') {
      ended = value === 'end';
      exact = false;
    }
  }
  return { outTimeS, ended };
}

/** Fraction 0–1 of the output written; 1 once ffmpeg says it ended. */
export function progressFraction(reading: ProgressReading, outputDurationS: number): number {
  if (reading.ended) return 1;
  if (reading.outTimeS === null || !(outputDurationS > 0)) return 0;
  return Math.min(1, Math.max(0, reading.outTimeS / outputDurationS));
}
