import { describe, expect, it } from 'vitest';
import { argumentList } from '../runner';
import { clickDelayS, measureNarrationInvocation, narrationFilters, parseLoudnorm } from './narration';

// Clean narration's builders: the measuring pass, reading its result, and the applying pass.

const measurement = {
  input_i: '-27.61',
  input_tp: '-9.08',
  input_lra: '3.50',
  input_thresh: '-38.05',
  output_i: '-16.20',
  output_tp: '-1.50',
  output_lra: '2.90',
  output_thresh: '-26.60',
  normalization_type: 'dynamic',
  target_offset: '0.20',
};

describe('clean narration arguments', () => {
  it('measure the kept sound, cleaned as it will be, and let loudnorm print its findings', () => {
    const inv = measureNarrationInvocation({ path: '/v/-a.mp4' }, [
      { seekS: 0, startS: 0.5, endS: 1.5 },
      { seekS: 2, startS: 2.2, endS: 3 },
    ]);
    const args = argumentList(inv, true);
    const graph = args[args.indexOf('-filter_complex') + 1]!;
    expect(graph).toContain('[a0][a1]concat=n=2:v=0:a=1,highpass=f=90');
    expect(graph).toContain('loudnorm=I=-16:TP=-1.5:LRA=11:print_format=json[aout]');
    expect(args.slice(args.lastIndexOf('-loglevel'), args.lastIndexOf('-loglevel') + 2)).toEqual(['-loglevel', 'info']);
    expect(args.filter((a) => a === 'file:/v/-a.mp4')).toHaveLength(2);
    expect(args.slice(-3)).toEqual(['-f', 'null', '-']);
  });

  it('read the last JSON block of the log, and nothing from a silent or broken one', () => {
    const log = `[Parsed_loudnorm_5 @ 0x55] \n${JSON.stringify(measurement, null, 2)}\n`;
    expect(parseLoudnorm(`Stream mapping: {x}\n${log}`)).toMatchObject({ input_i: '-27.61', target_offset: '0.20' });
    expect(parseLoudnorm(log.replace('-27.61', '-inf'))).toBeNull();
    expect(parseLoudnorm('no json here')).toBeNull();
    expect(parseLoudnorm('{"input_i": 1')).toBeNull();
  });

  it('apply the measured values linearly, take the cleanup’s delay off the front, and keep the length', () => {
    const f = narrationFilters(parseLoudnorm(JSON.stringify(measurement)), 0.025, 12.5);
    expect(f).toBe(
      'highpass=f=90:p=2,highpass=f=90:p=2,afftdn=nr=20:nf=-40:tn=1,atrim=start=0.025,asetpts=PTS-STARTPTS,' +
        'loudnorm=I=-16:TP=-1.5:LRA=11:measured_I=-27.61:measured_TP=-9.08:measured_LRA=3.50:measured_thresh=-38.05' +
        ':offset=0.20:linear=true:print_format=none,aresample=48000,apad=whole_dur=12.5,atrim=end=12.5',
    );
    // Silence has nothing to measure: cleaned, not levelled; no delay, nothing trimmed.
    expect(narrationFilters(null, 0, 3)).toBe('highpass=f=90:p=2,highpass=f=90:p=2,afftdn=nr=20:nf=-40:tn=1,aresample=48000,apad=whole_dur=3,atrim=end=3');
  });

  it('find how late a click comes out', () => {
    const rate = 48000;
    const click = (delayS: number) => {
      const s = new Float32Array(rate * 1.5);
      for (let i = 0; i < rate * 0.02; i++) s[Math.round((0.5 + delayS) * rate) + i] = Math.sin((2 * Math.PI * 1000 * i) / rate) * 0.5;
      return s;
    };
    expect(clickDelayS(click(0))).toBe(0);
    expect(clickDelayS(click(0.025))).toBe(0.025);
    expect(clickDelayS(new Float32Array(100))).toBe(0);
  });
});
