import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentOf, step } from '../../../shared/answers/document';
import { createHandlers, dispatch, type HandlerTable } from '../api';
import { resolveMediaRequest } from '../media';
import { Studio } from '../studio';
import { useTempDir, makeVideo, readFrameIds, testDialogs } from '../testing';

// The video channels as the window calls them: import, edit, plan, render as a job, recording.
const tempDir = useTempDir('kotae-clips-');

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

describe('video channels', () => {
  it('import several files: the good ones come in, the bad one is reported, nothing half-done', async () => {
    const { s, dir, h } = studio();
    const a = await makeVideo(dir, 'a.mp4', { durationS: 2 });
    const bad = path.join(dir, 'bad.mp4');
    writeFileSync(bad, '');
    const out = await ok<{ imported: { clipId: number; name: string }[]; failed: { name: string; error: { messageKey: string } }[] }>(
      h, 'media:import', { paths: [a, bad] },
    );
    expect(out.imported.map((i) => i.name)).toEqual(['a.mp4']);
    expect(out.failed).toEqual([{ name: 'bad.mp4', error: expect.objectContaining({ messageKey: 'videos:errors.empty' }) }]);
    const list = await ok<unknown[]>(h, 'clips:list', {});
    expect(list).toHaveLength(1);
    await s.close();
  });

  it('edit, plan, render as a job: the clip records the file, its chapters and captions as WebVTT', async () => {
    const { s, dir, h } = studio();
    const file = await makeVideo(dir, 'howto.mp4', { durationS: 4, gop: 30 });
    const { imported } = await ok<{ imported: { clipId: number; assetId: number }[] }>(h, 'media:import', { paths: [file] });
    const { clipId, assetId } = imported[0]!;
    const library = s.library();
    // An answer with one step to link a chapter to.
    const doc = documentOf([step('Open Settings', 'The settings page opens', { stepId: 'step-1' })]);
    const answerId = Number(
      library.db
        .prepare("INSERT INTO answers (title, slug, doc, created_at, updated_at) VALUES ('How to', 'how-to', ?, 'now', 'now')")
        .run(JSON.stringify(doc)).lastInsertRowid,
    );
    const edit = {
      title: 'How to open settings',
      answerId,
      segments: [{ startS: 0.5, endS: 1.5 }, { startS: 2, endS: 9 }],
      chapters: [
        { id: 'c1', title: 'Start', startS: 0.5, stepId: null },
        { id: 'c2', title: 'Open Settings', startS: 2.5, stepId: 'step-1' },
      ],
      captions: [{ chapterId: 'c2', text: 'Click <Settings> & wait' }],
      renderMode: 'smart',
      options: { resolution: 'source', targetSizeMb: null, burnCaptions: false, cleanNarration: false },
    };
    const saved = await ok<{ segments: unknown }>(h, 'clips:update', { id: clipId, edit });
    // The out point past the end is clipped to the video.
    expect(saved.segments).toEqual([{ startS: 0.5, endS: 1.5 }, { startS: 2, endS: 4 }]);
    const plan = await ok<{ mode: string; outputDurationS: number }>(h, 'clips:plan', {
      assetId, segments: saved.segments, renderMode: 'smart', options: edit.options,
    });
    expect(plan.mode).toBe('smart');
    expect(plan.outputDurationS).toBeCloseTo(3, 6);

    const { jobId } = await ok<{ jobId: string }>(h, 'clips:render', { id: clipId });
    while (s.jobs.get(jobId)?.status === 'running') await new Promise((r) => setTimeout(r, 50));
    expect(s.jobs.get(jobId)).toMatchObject({ status: 'done', progress: 1 });
    const clip = await ok<{ rendered: { assetId: number; sha256: string; chapters: unknown[]; chaptersVtt: string; captionsVtt: string; mode: string }; stale: boolean }>(
      h, 'clips:get', { id: clipId },
    );
    expect(clip.stale).toBe(false);
    expect(clip.rendered.mode).toBe('smart');
    expect(clip.rendered.chapters).toEqual([
      { title: 'Start', startS: 0, endS: 1.5, stepId: null },
      { title: 'Open Settings', startS: 1.5, endS: 3, stepId: 'step-1' },
    ]);
    const served = resolveMediaRequest(library, `/${clip.rendered.sha256}`)!;
    expect(served.mime).toBe('video/mp4');
    const ids = await readFrameIds(served.file);
    expect(ids).toHaveLength(90);
    expect(ids[0]).toBe(15);
    const chaptersVtt = readFileSync(resolveMediaRequest(library, `/${clip.rendered.chaptersVtt}`)!.file, 'utf8');
    expect(chaptersVtt).toBe('WEBVTT\n\n1\n00:00:00.000 --> 00:00:01.500\nStart\n\n2\n00:00:01.500 --> 00:00:03.000\nOpen Settings\n');
    const captionsVtt = readFileSync(resolveMediaRequest(library, `/${clip.rendered.captionsVtt}`)!.file, 'utf8');
    expect(captionsVtt).toContain('00:00:01.500 --> 00:00:03.000\nClick &lt;Settings&gt; &amp; wait');
    // The source is never written to.
    expect(statSync(file).size).toBe(readFileSync(file).length);
    // Choosing another answer for the clip changes nothing in its file: the render stays current.
    const otherAnswer = Number(
      library.db
        .prepare("INSERT INTO answers (title, slug, doc, created_at, updated_at) VALUES ('Other', 'other', '{}', 'now', 'now')")
        .run().lastInsertRowid,
    );
    // (The editor unlinks the chapters from the old answer's steps; the render's chapters follow.)
    const unlinked = edit.chapters.map((c) => ({ ...c, stepId: null }));
    await ok(h, 'clips:update', { id: clipId, edit: { ...edit, answerId: otherAnswer, chapters: unlinked } });
    const moved = await ok<{ stale: boolean; rendered: { chapters: { stepId: string | null }[] } }>(h, 'clips:get', { id: clipId });
    expect(moved.stale).toBe(false);
    expect(moved.rendered.chapters.map((c) => c.stepId)).toEqual([null, null]);
    await ok(h, 'clips:update', { id: clipId, edit: { ...edit, answerId: otherAnswer } });
    expect((await ok<{ rendered: { chapters: { stepId: string | null }[] } }>(h, 'clips:get', { id: clipId })).rendered.chapters.map((c) => c.stepId)).toEqual([null, 'step-1']);
    // Editing what goes into the file after a render marks it stale until the next render, and a
    // later change of answer does not make it current again.
    await ok(h, 'clips:update', { id: clipId, edit: { ...edit, answerId: otherAnswer, title: 'Changed' } });
    expect((await ok<{ stale: boolean }>(h, 'clips:get', { id: clipId })).stale).toBe(true);
    await ok(h, 'clips:update', { id: clipId, edit: { ...edit, title: 'Changed' } });
    expect((await ok<{ stale: boolean }>(h, 'clips:get', { id: clipId })).stale).toBe(true);
    // The thumbnail strip and waveform are made once and served like any media file.
    const strip = await ok<{ sha256: string; count: number }>(h, 'media:thumbnails', { assetId });
    expect(resolveMediaRequest(library, `/${strip.sha256}`)?.mime).toBe('image/jpeg');
    const wave = await ok<{ peaks: number[] }>(h, 'media:waveform', { assetId });
    expect(Math.max(...wave.peaks)).toBeGreaterThan(0.3);
    expect(library.db.prepare("SELECT count(*) FROM log_entries WHERE action LIKE 'clip.%'").pluck().get()).toBeGreaterThanOrEqual(3);
    await s.close();
  });

  it('recording: chunks are appended in order as they come, then remuxed into a seekable clip', async () => {
    const { s, dir, h } = studio();
    const live = await makeVideo(dir, 'live.webm', { durationS: 2, codec: 'vp8', live: true });
    const data = readFileSync(live);
    const { id } = await ok<{ id: string }>(h, 'recording:start', { mimeType: 'video/webm;codecs=vp8,opus' });
    const size = Math.ceil(data.length / 4);
    for (let seq = 0; seq < 4; seq++) {
      await ok(h, 'recording:append', { id, seq, data: data.subarray(seq * size, (seq + 1) * size).toString('base64') });
    }
    // A chunk out of order would corrupt the file: refused.
    const gap = await dispatch(h, 'recording:append', { id, seq: 9, data: 'AAAA' });
    expect(gap).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // Until it is finished, the recording is listed for recovery (as after a crash).
    expect(await ok<{ id: string }[]>(h, 'recording:pending', {})).toEqual([expect.objectContaining({ id, bytes: data.length })]);
    const result = await ok<{ assetId: number; clipId: number }>(h, 'recording:finish', { id, name: 'Recording 1' });
    const video = await ok<{ probe: { durationS: number; formatName: string }; keyframes: number[] }>(h, 'media:video', { assetId: result.assetId });
    expect(video.probe.durationS).toBeGreaterThan(1.9);
    expect(video.keyframes.length).toBeGreaterThan(0);
    expect(await ok<unknown[]>(h, 'recording:pending', {})).toEqual([]);
    await s.close();
  });
});
