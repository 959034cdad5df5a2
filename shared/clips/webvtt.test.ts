import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cueAt, cuesFromData, parseWebVtt, vttText, webVtt } from './webvtt';

describe('parseWebVtt', () => {
  it('reads cues with hours, settings, identifiers and multi-line text; skips notes and bad timings', () => {
    const vtt = [
      'WEBVTT - title',
      '',
      'NOTE this is a note',
      '',
      'intro',
      '00:00:01.000 --> 00:00:02.250 align:start',
      'Line one',
      'Line two',
      '',
      '01:02:03.5 --> 01:02:04.000',
      'Late',
      '',
      'xx --> yy',
      'broken',
    ].join('\r\n');
    expect(parseWebVtt(vtt)).toEqual([
      { startS: 1, endS: 2.25, text: 'Line one\nLine two' },
      { startS: 3723.5, endS: 3724, text: 'Late' },
    ]);
  });
});

describe('webVtt and parseWebVtt', () => {
  it('give back the cues they wrote, markup characters included (no "&amp;" on the customer\'s screen)', () => {
    const cues = [
      { startS: 0, endS: 1.5, text: 'Save & close <Ctrl+S>' },
      { startS: 1.5, endS: 3, text: '設定 > 公開\nthen "OK"' },
    ];
    expect(parseWebVtt(webVtt(cues))).toEqual(cues);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(100_000), fc.integer({ min: 1, max: 5_000 }), fc.string({ minLength: 1 })), {
          maxLength: 8,
        }),
        (raw) => {
          const written = raw.map(([start, length, text]) => ({
            startS: start / 1000,
            endS: (start + length) / 1000,
            text,
          }));
          const kept = written
            .filter((c) => vttText(c.text) !== '' && !c.text.includes('-->'))
            .map((c) => ({ ...c, text: vttText(c.text) }));
          const back = parseWebVtt(webVtt(written.filter((c) => !c.text.includes('-->'))));
          expect(back.map((c) => vttText(c.text))).toEqual(kept.map((c) => c.text));
          expect(back.map((c) => [c.startS, c.endS])).toEqual(kept.map((c) => [c.startS, c.endS]));
        },
      ),
    );
  });
});

describe('cueAt', () => {
  const cues = [
    { startS: 0, endS: 2, text: 'a' },
    { startS: 2, endS: 4, text: 'b' },
    { startS: 5, endS: 6, text: 'c' },
  ];
  it('is one cue at a time, a cue covering [start, end)', () => {
    expect(cueAt(cues, 0)?.text).toBe('a');
    expect(cueAt(cues, 1.999)?.text).toBe('a');
    expect(cueAt(cues, 2)?.text).toBe('b');
    expect(cueAt(cues, 4)).toBeNull();
    expect(cueAt(cues, 4.5)).toBeNull();
    expect(cueAt(cues, 5.5)?.text).toBe('c');
    expect(cueAt(cues, 6)).toBeNull();
    expect(cueAt([], 1)).toBeNull();
  });
});

describe('cuesFromData', () => {
  it("keeps the well-formed cues of a page's data, sorted, and nothing of malformed data", () => {
    expect(
      cuesFromData(
        JSON.stringify([[2, 4, 'b'], [0, 2, 'a'], [5, 5, 'empty'], ['x', 1, 'bad'], [1, 2, 3], 'junk']),
      ),
    ).toEqual([
      { startS: 0, endS: 2, text: 'a' },
      { startS: 2, endS: 4, text: 'b' },
    ]);
    expect(cuesFromData('{"not":"a list"}')).toEqual([]);
    expect(cuesFromData('[[0, 1, "a"]')).toEqual([]);
    expect(cuesFromData(undefined)).toEqual([]);
  });
});
