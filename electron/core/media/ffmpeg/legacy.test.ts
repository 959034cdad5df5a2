import { describe, expect, it } from 'vitest';
import { audioTrim } from './args/render';
import { legacyOptions, needsLegacyArgs } from './legacy';
import { argumentList } from './runner';

describe('arguments for ffmpeg older than 5.0', () => {
  it('applies to libavformat 58 and older only', () => {
    expect(needsLegacyArgs(58)).toBe(true);
    expect(needsLegacyArgs(59)).toBe(false);
  });

  it('spells -fps_mode as -vsync, drops -stats_period and bounds apad by the atrim after it', () => {
    expect(
      legacyOptions(
        argumentList(
          {
            inputs: [{ url: 'file:a' }],
            outputs: [{ options: ['-fps_mode', 'passthrough'], url: 'file:b' }],
          },
          true,
        ),
      ),
    ).toEqual([
      '-hide_banner',
      '-nostats',
      '-loglevel',
      'error',
      '-y',
      '-progress',
      'pipe:1',
      '-i',
      'file:a',
      '-vsync',
      'passthrough',
      'file:b',
    ]);
    const graph = audioTrim(0, 1, 1.5, 3.25, 'a');
    expect(graph).toContain('apad=whole_dur=1.75');
    expect(legacyOptions(['-filter_complex', graph])[1]).toContain('apad,atrim=end=1.75');
  });
});
