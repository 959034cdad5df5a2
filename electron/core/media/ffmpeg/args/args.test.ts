import { describe, expect, it } from 'vitest';
import { argumentList } from '../runner';
import { fileUrl, secs, SOURCE_FORMATS, untrustedInput } from './common';
import { escapeMetadata, ffmetadata } from './metadata';
import { probeArgs } from './probe';
import {
  accurateInvocation,
  concatScript,
  copyPartInvocation,
  encodePartInvocation,
  finalMuxInvocation,
  seekTarget,
  videoTrim,
  x264Args,
} from './render';

const x264 = {
  profile: 'high' as const,
  level: null,
  reorderDelay: 2 as const,
  pixelFormat: 'yuv420p' as const,
  videoKbps: null,
};

describe('argument builders', () => {
  it('open sources as file: URLs, file protocol only, media demuxers only', () => {
    expect(fileUrl('/videos/-y.mp4')).toBe('file:/videos/-y.mp4');
    expect(fileUrl('/videos/concat:a|b.mp4')).toBe('file:/videos/concat:a|b.mp4');
    const args = probeArgs('/videos/-y.mp4');
    expect(args.slice(0, 4)).toEqual(untrustedInput());
    expect(args[args.length - 1]).toBe('file:/videos/-y.mp4');
    expect(SOURCE_FORMATS).not.toMatch(/hls|concat|image2|lavfi|http|pipe/);
    const inv = copyPartInvocation({ path: '/v/-i.mp4' }, { startS: 2, dtsCutS: 3.1 }, '/w/part.ts');
    const list = argumentList(inv, true);
    expect(list).toContain('file:/v/-i.mp4');
    expect(list[list.indexOf('file:/v/-i.mp4') - 1]).toBe('-i');
    expect(list).toContain('-protocol_whitelist');
    expect(list).not.toContain('-nostdin'); // stdin is our private pipe: `q` must reach ffmpeg
    expect(list.slice(list.indexOf('-progress'), list.indexOf('-progress') + 2)).toEqual([
      '-progress',
      'pipe:1',
    ]);
  });

  it('write seconds as plain decimals to the microsecond', () => {
    expect(secs(1)).toBe('1');
    expect(secs(2.0333333333)).toBe('2.033333');
    expect(secs(1e-7)).toBe('0');
    expect(secs(123456.5)).toBe('123456.5');
    expect(secs(-0.0000001)).toBe('0');
  });

  it('seek at or just after a keyframe, so ffmpeg lands on it and not on the one before', () => {
    expect(seekTarget(2.033333)).toBeGreaterThan(2.033333);
    expect(seekTarget(2.033333) - 2.033333).toBeLessThan(2e-6);
  });

  it('trim half a millisecond before frame times, relative to the seek', () => {
    expect(videoTrim(0, 2, 2.5, 3, 'v')).toBe(
      '[0:v:0]trim=start=0.499499:end=0.999499,setpts=PTS-STARTPTS[v]',
    );
  });

  it('match the source reordering for smart cuts', () => {
    expect(x264Args({ ...x264, reorderDelay: 0 })).toEqual(expect.arrayContaining(['-bf', '0']));
    expect(x264Args({ ...x264, reorderDelay: 1 }).join(' ')).toContain('-bf 2 -x264-params b-pyramid=none');
    expect(x264Args({ ...x264, reorderDelay: 2 }).join(' ')).toContain('-bf 3 -x264-params b-pyramid=normal');
    expect(x264Args({ ...x264, profile: 'baseline', reorderDelay: 2 })).toEqual(
      expect.arrayContaining(['-bf', '0']),
    );
    expect(x264Args({ ...x264, videoKbps: 800 }).join(' ')).toContain('-b:v 800k -maxrate 1200k');
  });

  it('encode parts into MPEG-TS with exact frame trims', () => {
    const inv = encodePartInvocation({ path: '/s.mp4' }, { seekS: 2, startS: 2.5, endS: 3 }, x264, '/w/p.ts');
    const out = inv.outputs[0]!.options;
    expect(out).toEqual(expect.arrayContaining(['-f', 'mpegts', '-fps_mode', 'passthrough']));
    expect(inv.inputs[0]!.options).toEqual(expect.arrayContaining(['-ss', secs(seekTarget(2))]));
  });

  it('name concat parts by bare, safe names with exact durations', () => {
    expect(concatScript([{ file: 'part-000.ts', durationS: 1.5 }])).toBe(
      "ffconcat version 1.0\nfile 'part-000.ts'\nduration 1.5\n",
    );
    expect(() => concatScript([{ file: "a'b.ts", durationS: 1 }])).toThrow();
    expect(() => concatScript([{ file: '/etc/passwd', durationS: 1 }])).toThrow();
  });

  it('reserve the moov up front for a lossless cut, and take chapters with their titles', () => {
    const inv = finalMuxInvocation({
      video: { kind: 'direct', src: { path: '/s.mp4' }, startS: 1, dtsCutS: 2 },
      audio: { kind: 'directCopy', src: { path: '/s.mp4' }, startS: 1, durationS: 1.2 },
      metadataFile: '/w/chapters.ffmeta',
      audioKbps: 160,
      moovBytes: 100000,
      title: 'x',
      outputFile: '/w/out.tmp',
    });
    const out = inv.outputs[0]!.options.join(' ');
    expect(out).toContain('-moov_size 100000');
    // One input, one pass: both streams stop at the video's decode-order cut.
    expect(inv.inputs).toHaveLength(2);
    expect(out).toContain('-map_metadata 1 -map_chapters 1');
    expect(out).toContain(`-c copy -t ${secs(2 - seekTarget(1))}`);
  });

  it('drop the source tags when there are no chapters, and draw captions by a bare file name', () => {
    const inv = accurateInvocation({
      src: { path: '/s.mp4' },
      segments: [
        { seekS: 0, startS: 0.5, endS: 1 },
        { seekS: 2, startS: 2, endS: 3 },
      ],
      audio: true,
      x264,
      audioKbps: 160,
      scale: { width: 1280, height: 720 },
      burnCaptions: 'captions.vtt',
      metadataFile: null,
      title: 'T',
      outputFile: '/o.tmp',
    });
    const out = inv.outputs[0]!.options;
    const graph = out[out.indexOf('-filter_complex') + 1]!;
    expect(graph).toContain('concat=n=2:v=1:a=1[vcat][aout]');
    expect(graph).toContain('[vcat]scale=1280:720,subtitles=filename=captions.vtt[vout]');
    expect(out.join(' ')).toContain('-map_metadata -1 -map_chapters -1');
    expect(() =>
      accurateInvocation({
        src: { path: '/s' },
        segments: [],
        audio: false,
        x264,
        audioKbps: 1,
        scale: null,
        burnCaptions: '../x.vtt',
        metadataFile: null,
        title: '',
        outputFile: '/o',
      }),
    ).toThrow();
  });

  it('escape chapter titles in ffmetadata', () => {
    expect(escapeMetadata('a=b;c#d\\e\nf')).toBe('a\\=b\\;c\\#d\\\\e\\\nf');
    const text = ffmetadata('T', [{ title: '手順 1', startS: 0, endS: 1.2345 }]);
    expect(text).toContain('[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=1235\ntitle=手順 1');
  });
});
