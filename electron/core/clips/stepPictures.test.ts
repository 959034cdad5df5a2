import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentOf, step } from '../../../shared/answers/document';
import { jobResultOf } from '../../../shared/api/jobResults';
import type { Clip, StepPicturesResult } from '../../../shared/domain/clip';
import { createHandlers, dispatch, type HandlerTable } from '../api';
import { resolveMediaRequest } from '../media';
import { Studio } from '../studio';
import { testDialogs, decodeFrames, meanDeviation, useTempDir, makeVideo, readFrameIds } from '../testing';
import { pictureFrame } from './stepPictures';

// Redactions and zooms as part of a clip (saved, checked, making a render out of date), and step
// pictures taken from the rendered file: the frame the vendor picked on each linked chapter, or
// the last one before the next chapter, with the redaction in place.

const tempDir = useTempDir('kotae-pictures-');

function studio() {
  const dir = tempDir();
  const s = new Studio({
    userDataDir: path.join(dir, 'user'),
    systemLocale: 'en-US',
    shell: 'harness',
    appVersion: '0.0.0',
    platform: 'linux',
    dialogs: testDialogs(),
  });
  s.start();
  return { s, dir, h: createHandlers(s) };
}

async function ok<T>(h: HandlerTable, channel: string, input: unknown): Promise<T> {
  const r = await dispatch(h, channel, input);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/** Takes the answer's step pictures as the window does: a job, followed to its end. */
async function stepPictures(s: Studio, h: HandlerTable, answerId: number): Promise<StepPicturesResult> {
  const { jobId } = await ok<{ jobId: string }>(h, 'clips:stepPictures', { answerId });
  while (s.jobs.get(jobId)?.status === 'running') await new Promise((r) => setTimeout(r, 20));
  const result = jobResultOf('stepPictures', s.jobs.get(jobId));
  if (!result) throw new Error(`stepPictures: ${JSON.stringify(s.jobs.get(jobId))}`);
  return result;
}

const rect = { x: 0.25, y: 0.25, w: 0.5, h: 0.5 };
const box = { x: 84, y: 49, w: 152, h: 82 }; // inside rect on 320×180
const options = { resolution: 'source', targetSizeMb: null, burnCaptions: false, cleanNarration: false };

describe('a chapter’s picture moment', () => {
  const times = Array.from({ length: 120 }, (_, i) => i / 30);
  it('defaults to the last frame before the next chapter, and takes the frame showing at the picked moment', () => {
    expect(pictureFrame(times, { startS: 0, endS: 2 }, [{ startS: 0, endS: 4 }], null)).toBeCloseTo(59 / 30, 6);
    expect(pictureFrame(times, { startS: 2, endS: 3 }, [{ startS: 0, endS: 4 }], 2.51)).toBeCloseTo(75 / 30, 6);
    // Source time through the cuts (output 1 s = source 2 s), and kept inside its chapter.
    expect(pictureFrame(times, { startS: 0.5, endS: 1.5 }, [{ startS: 0, endS: 0.5 }, { startS: 1.5, endS: 4 }], 2)).toBeCloseTo(1, 6);
    expect(pictureFrame(times, { startS: 0.5, endS: 1.5 }, [{ startS: 0, endS: 4 }], 3.5)).toBeCloseTo(44 / 30, 6);
    expect(pictureFrame(times, { startS: 4, endS: 4 }, [{ startS: 0, endS: 4 }], null)).toBeNull();
  });
});

describe('redactions and zooms in a clip', () => {
  it('are saved with it, checked, and make its render out of date; a picture moment does not', async () => {
    const { s, dir, h } = studio();
    const file = await makeVideo(dir, 'a.mp4', { durationS: 2 });
    const { imported } = await ok<{ imported: { clipId: number; assetId: number }[] }>(h, 'media:import', { paths: [file] });
    const { clipId, assetId } = imported[0]!;
    const base = await ok<Clip>(h, 'clips:get', { id: clipId });
    const edit = {
      title: base.title,
      answerId: null,
      segments: base.segments,
      chapters: [{ id: 'c1', title: 'One', startS: 0, stepId: null }],
      captions: [],
      renderMode: 'smart',
      options,
      // A redaction past the end is cut to the video.
      redactions: [{ id: 'r1', startS: 0.5, endS: 9, rect, rectTo: { ...rect, x: 0.5 }, style: 'pixelate' }],
      zooms: [{ id: 'z1', startS: 0.2, endS: 0.8, rect }],
    };
    const saved = await ok<Clip>(h, 'clips:update', { id: clipId, edit });
    expect(saved.redactions).toEqual([{ ...edit.redactions[0], endS: 2 }]);
    expect(saved.zooms).toEqual([{ ...edit.zooms[0], easeS: 0.5 }]);
    expect((await ok<Clip>(h, 'clips:get', { id: clipId })).redactions).toHaveLength(1);

    // Two zooms at once cannot be shown: refused with a message, nothing changed.
    const overlap = await dispatch(h, 'clips:update', {
      id: clipId,
      edit: { ...edit, zooms: [...edit.zooms, { id: 'z2', startS: 0.7, endS: 1, rect }] },
    });
    expect(overlap).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', messageKey: 'videos:errors.zoomOverlap' } });
    // A rectangle outside the picture never gets in.
    const outside = await dispatch(h, 'clips:update', {
      id: clipId,
      edit: { ...edit, redactions: [{ ...edit.redactions[0], rect: { x: 0.8, y: 0, w: 0.5, h: 0.5 } }] },
    });
    expect(outside).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await ok<Clip>(h, 'clips:get', { id: clipId })).zooms).toHaveLength(1);

    // The plan counts them; lossless says a redaction needs smart or accurate.
    const plan = await ok<{ redactions: number; zooms: number; refused: boolean; fallback: string }>(h, 'clips:plan', {
      assetId, segments: saved.segments, renderMode: 'lossless', options, redactions: saved.redactions, zooms: saved.zooms,
    });
    expect(plan).toMatchObject({ redactions: 1, zooms: 1, refused: true, fallback: 'redaction' });

    const { jobId } = await ok<{ jobId: string }>(h, 'clips:render', { id: clipId });
    while (s.jobs.get(jobId)?.status === 'running') await new Promise((r) => setTimeout(r, 50));
    expect(s.jobs.get(jobId)?.status).toBe('done');
    const moment = await ok<Clip>(h, 'clips:update', { id: clipId, edit: { ...edit, chapters: [{ ...edit.chapters[0], pictureS: 1 }] } });
    expect(moment.stale).toBe(false);
    const moved = await ok<Clip>(h, 'clips:update', { id: clipId, edit: { ...edit, redactions: [{ ...edit.redactions[0], style: 'box' }] } });
    expect(moved.stale).toBe(true);
    await s.close();
  }, 120_000);
});

describe('step pictures from the recording', () => {
  it('puts the frame of each linked chapter, redaction in place, into its step; never from an out-of-date render', async () => {
    const { s, dir, h } = studio();
    const file = await makeVideo(dir, 'howto.mp4', { durationS: 4, gop: 30, grid: true });
    const { imported } = await ok<{ imported: { clipId: number }[] }>(h, 'media:import', { paths: [file] });
    const { clipId } = imported[0]!;
    const library = s.library();
    const doc = documentOf([
      step('Open Settings', 'The settings page opens', { stepId: 'step-1' }),
      step('Type your licence key', 'It is accepted', { stepId: 'step-2' }),
      step('Close', 'Done', { stepId: 'step-3' }),
    ]);
    const answerId = Number(
      library.db
        .prepare("INSERT INTO answers (title, slug, doc, created_at, updated_at) VALUES ('How to', 'how-to', ?, 'now', 'now')")
        .run(JSON.stringify(doc)).lastInsertRowid,
    );
    const edit = {
      title: 'Licence',
      answerId,
      segments: [{ startS: 0, endS: 4 }],
      chapters: [
        { id: 'c1', title: 'Open the settings', startS: 0, stepId: 'step-1' },
        { id: 'c2', title: 'Type the key', startS: 2, stepId: 'step-2', pictureS: 2.5 },
        { id: 'c3', title: 'Not a step', startS: 3, stepId: null },
      ],
      captions: [],
      renderMode: 'smart',
      options,
      // The licence key on screen from 1 s to 3.5 s.
      redactions: [{ id: 'key', startS: 1, endS: 3.5, rect, style: 'box' }],
    };
    await ok(h, 'clips:update', { id: clipId, edit });

    // Before any render there is nothing to take pictures from, and the result says so.
    expect(await stepPictures(s, h, answerId)).toEqual({
      pictures: [],
      skipped: [{ clipId, title: 'Licence', reason: 'notRendered' }],
    });

    const { jobId } = await ok<{ jobId: string }>(h, 'clips:render', { id: clipId });
    while (s.jobs.get(jobId)?.status === 'running') await new Promise((r) => setTimeout(r, 50));
    expect(s.jobs.get(jobId)?.status).toBe('done');

    const result = await stepPictures(s, h, answerId);
    expect(result.skipped).toEqual([]);
    expect(result.pictures.map((p) => [p.stepId, p.clipId, p.screenshot.ext, p.screenshot.alt])).toEqual([
      ['step-1', clipId, 'png', 'Open the settings'],
      ['step-2', clipId, 'png', 'Type the key'],
    ]);
    // Just before chapter 2 begins (frame 59), and at the moment picked on chapter 2 (frame 75).
    expect(result.pictures.map((p) => Math.round(p.atS * 30))).toEqual([59, 75]);
    for (const [i, picture] of result.pictures.entries()) {
      const stored = resolveMediaRequest(library, `/${picture.screenshot.sha256}`)!;
      expect(stored.mime).toBe('image/png');
      expect(await readFrameIds(stored.file)).toEqual([[59, 75][i]]);
      // Taken from the rendered file: the licence key is under the black box.
      const [frame] = await decodeFrames(stored.file, 320, 180);
      expect(meanDeviation(frame!, 'y', box, 16)).toBeLessThan(2);
    }
    expect(library.db.prepare("SELECT count(*) FROM media_assets WHERE kind = 'image'").pluck().get()).toBe(2);

    // The edit changes after the render: its file may lack what was just hidden. No pictures.
    await ok(h, 'clips:update', { id: clipId, edit: { ...edit, redactions: [...edit.redactions, { id: 'more', startS: 0, endS: 1, rect, style: 'blur' }] } });
    expect(await stepPictures(s, h, answerId)).toEqual({
      pictures: [],
      skipped: [{ clipId, title: 'Licence', reason: 'stale' }],
    });
    await s.close();
  }, 180_000);
});
