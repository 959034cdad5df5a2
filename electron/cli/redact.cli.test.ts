import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeFrames, meanDeviation, useTempDir, makeVideo, readFrameIds } from '../core/testing';
import { parseRegion } from './commands/video';
import { kotae } from './testing';

// kotae trim with redactions, a zoom and clean narration: the same services as the app.

const tempDir = useTempDir('kotae-cli-redact-');

describe('reading a region from the command line', () => {
  it('takes A-B@x,y,w,h with an optional style, and nothing else', () => {
    expect(parseRegion('0:05-0:10@0.1,0.2,0.3,0.1:box', 'r1', 'redaction')).toEqual({
      id: 'r1', startS: 5, endS: 10, rect: { x: 0.1, y: 0.2, w: 0.3, h: 0.1 }, rectTo: null, style: 'box',
    });
    expect(parseRegion('1-2@0,0,.5,.5', 'z1', 'zoom')).toEqual({ id: 'z1', startS: 1, endS: 2, rect: { x: 0, y: 0, w: 0.5, h: 0.5 }, easeS: 0.5 });
    for (const bad of ['1-2@0.5,0.5,0.9,0.2', '1-2@a,b,c,d', '1-2', '1-2@0.1,0.1,0.1,0.1:glow', '1-2@0.1,0.1,0.1', '1-2@1e-1,0,0.1,0.1', '1-2@0,0,0.1,0.1:box:x']) {
      expect(() => parseRegion(bad, 'r', 'redaction'), bad).toThrow(expect.objectContaining({ messageKey: 'cli:trim.badRegion' }));
    }
    expect(() => parseRegion('1-2@0,0,0.5,0.5:box', 'z', 'zoom')).toThrow(expect.objectContaining({ messageKey: 'cli:trim.badRegion' }));
  });
});

describe('kotae trim --redact --zoom --clean-narration', () => {
  it('hides the box over its span, says what was re-encoded, and refuses a region it cannot read', async () => {
    const dir = tempDir();
    const lib = path.join(dir, 'lib');
    expect(kotae('init', '--library', lib).code).toBe(0);
    const file = await makeVideo(dir, 'key.mp4', { durationS: 3, gop: 30 });
    const out = path.join(dir, 'out.mp4');
    const run = kotae(
      'trim', '--library', lib, file, '--from', '0', '--to', '3', '--mode', 'smart',
      '--redact', '1-2@0.25,0.25,0.5,0.5:box', '--zoom', '2.2-2.6@0.5,0.5,0.5,0.5', '--clean-narration', '--out', out,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('re-encoded: redaction');
    expect(run.stdout).toContain('Hidden parts 1, zooms 1');
    expect(run.stdout).toContain('Narration cleaned');
    const frames = await decodeFrames(out, 320, 180);
    expect(frames).toHaveLength(90);
    const box = { x: 84, y: 50, w: 152, h: 80 };
    expect(meanDeviation(frames[45]!, 'y', box, 16)).toBeLessThan(2);
    expect(meanDeviation(frames[29]!, 'y', box, 16)).toBeGreaterThan(20);
    expect((await readFrameIds(out)).slice(0, 30)).toEqual(Array.from({ length: 30 }, (_, i) => i));

    const refused = kotae('trim', '--library', lib, file, '--from', '0', '--to', '3', '--redact', '1-2@0.5,0.5,0.9,0.2', '--out', path.join(dir, 'x.mp4'));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('is not a part of the picture over a time');
    const overlapping = kotae('trim', '--library', lib, file, '--from', '0', '--to', '3', '--zoom', '0-2@0,0,0.5,0.5', '--zoom', '1-3@0,0,0.5,0.5', '--out', path.join(dir, 'x.mp4'));
    expect(overlapping.code).toBe(1);
    expect(overlapping.stderr).toContain('Two zooms overlap in time');
  }, 300_000);
});
