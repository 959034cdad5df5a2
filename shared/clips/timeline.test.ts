import { describe, expect, it } from 'vitest';
import {
  editDuration,
  frameIndexAt,
  nextPlayableTime,
  normalizeSegments,
  outputCaptions,
  outputChapters,
  outputToSource,
  removeRange,
  segmentsFromCuts,
  setInPoint,
  setOutPoint,
  snapToFrame,
  sourceToOutput,
  splitAt,
} from './timeline';
import { vttText, vttTimestamp, webVtt } from './webvtt';

const seg = (startS: number, endS: number) => ({ startS, endS });

describe('the edit as kept ranges', () => {
  it('normalises: sorted, merged, empty ones dropped', () => {
    expect(normalizeSegments([seg(5, 6), seg(1, 3), seg(2, 4), seg(7, 7)])).toEqual([seg(1, 4), seg(5, 6)]);
  });

  it('in and out points trim the ends; split and remove make a hole in the middle', () => {
    let s = [seg(0, 10)];
    s = setInPoint(s, 1);
    s = setOutPoint(s, 9);
    expect(s).toEqual([seg(1, 9)]);
    s = splitAt(s, 4);
    s = splitAt(s, 6);
    expect(s).toEqual([seg(1, 4), seg(4, 6), seg(6, 9)]);
    s = removeRange(s, 4, 6);
    expect(s).toEqual([seg(1, 4), seg(6, 9)]);
    expect(editDuration(s)).toBe(6);
    // Moving the in point past the hole drops the first part.
    expect(setInPoint(s, 7)).toEqual([seg(7, 9)]);
  });

  it('from/to with cuts, as the CLI takes them', () => {
    expect(segmentsFromCuts(1, 10, [seg(3, 4), seg(6, 7)])).toEqual([seg(1, 3), seg(4, 6), seg(7, 10)]);
  });

  it('maps source time to output time and back, across the holes', () => {
    const s = [seg(1, 4), seg(6, 9)];
    expect(sourceToOutput(s, 2)).toBe(1);
    expect(sourceToOutput(s, 5)).toBe(3); // in the hole: where the next part starts
    expect(sourceToOutput(s, 7)).toBe(4);
    expect(outputToSource(s, 4)).toBe(7);
    expect(outputToSource(s, 100)).toBe(9);
  });

  it('plays the edit: skips holes, stops after the end', () => {
    const s = [seg(1, 4), seg(6, 9)];
    expect(nextPlayableTime(s, 0)).toBe(1);
    expect(nextPlayableTime(s, 2)).toBe(2);
    expect(nextPlayableTime(s, 4.5)).toBe(6);
    expect(nextPlayableTime(s, 9)).toBeNull();
  });

  it('snaps to the frame that shows at a time', () => {
    const frames = [0, 0.04, 0.08, 0.12];
    expect(frameIndexAt(frames, 0.05)).toBe(1);
    expect(snapToFrame(frames, 0.079999)).toBe(0.08);
    expect(snapToFrame(frames, 10)).toBe(0.12);
  });

  it('puts chapters on the output timeline; one in a removed part starts where the next part does', () => {
    const s = [seg(1, 4), seg(6, 9)];
    const chapters = outputChapters(s, [
      { id: 'b', title: 'Second', startS: 5, stepId: 'x' },
      { id: 'a', title: 'First', startS: 1, stepId: null },
      { id: 'z', title: 'After the end', startS: 9.5, stepId: null },
    ]);
    expect(chapters).toEqual([
      { id: 'a', title: 'First', startS: 0, endS: 3, stepId: null },
      { id: 'b', title: 'Second', startS: 3, endS: 6, stepId: 'x' },
    ]);
    expect(outputCaptions(chapters, [{ chapterId: 'b', text: ' Click Save ' }])).toEqual([{ startS: 3, endS: 6, text: 'Click Save' }]);
  });
});

describe('WebVTT', () => {
  it('writes timestamps and escapes cue text', () => {
    expect(vttTimestamp(3725.5)).toBe('01:02:05.500');
    expect(vttText('a < b & c --> d\n\n  e ')).toBe('a &lt; b &amp; c --&gt; d\ne');
    expect(webVtt([{ startS: 0, endS: 1.5, text: '手順 1' }, { startS: 2, endS: 2, text: 'empty' }])).toBe(
      'WEBVTT\n\n1\n00:00:00.000 --> 00:00:01.500\n手順 1\n',
    );
    expect(webVtt([])).toBe('WEBVTT\n\n');
  });
});
