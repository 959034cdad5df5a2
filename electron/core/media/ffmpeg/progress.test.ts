import { describe, expect, it } from 'vitest';
import { progressFraction, readProgress, splitLines } from './progress';

const block = (us: string, end = false) =>
  `frame=12\nfps=0.0\nout_time_us=${us}\nout_time_ms=${us}\nout_time=00:00:01.500000\nspeed=2.1x\nprogress=${end ? 'end' : 'continue'}\n`;

describe('-progress parsing', () => {
  it('reads out_time against the OUTPUT length (a 10 s cut of a 10 min file reaches 100 %)', () => {
    const r = readProgress(block('5000000').split('\n'), { outTimeS: null, ended: false });
    expect(r).toEqual({ outTimeS: 5, ended: false });
    expect(progressFraction(r, 10)).toBe(0.5);
  });

  it('keeps partial lines for the next chunk', () => {
    const text = block('2500000');
    const a = splitLines('', text.slice(0, 30));
    const b = splitLines(a.carry, text.slice(30));
    const r = readProgress([...a.lines, ...b.lines], { outTimeS: null, ended: false });
    expect(r.outTimeS).toBe(2.5);
  });

  it('ignores N/A and clamps negative start times and overshoot', () => {
    let r = readProgress(['out_time_us=N/A', 'out_time=-00:00:00.033000'], { outTimeS: null, ended: false });
    expect(progressFraction(r, 10)).toBe(0);
    r = readProgress(['out_time_us=12000000'], r);
    expect(progressFraction(r, 10)).toBe(1);
  });

  it('says 1 when ffmpeg reports the end, and 0 for an unknown length', () => {
    const r = readProgress(block('100', true).split('\n'), { outTimeS: null, ended: false });
    expect(progressFraction(r, 10)).toBe(1);
    expect(progressFraction({ outTimeS: 3, ended: false }, 0)).toBe(0);
  });
});
