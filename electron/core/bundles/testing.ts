import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { findNodes, plainText, type AnswerDocument, type VideoNode } from '../../../shared/answers/document';
import { createLibrary, seedDemo, type Library } from '../library';
import { RenderedClip } from '../../../shared/domain/clip';

// A library with an answer that has everything a bundle carries: steps with a screenshot and a
// video link, a rendered clip (real H.264/AAC from ffmpeg's test sources) with chapters tied to
// steps and captions. Used by the bundle tests, the Playwright viewer spec and the benchmark.

export const FFMPEG = '/usr/bin/ffmpeg';

export function makeTestVideo(file: string, seconds = 6, size = '320x240'): void {
  execFileSync(FFMPEG, [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `testsrc2=size=${size}:rate=25:duration=${seconds}`,
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=440:duration=${seconds}`,
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    '-b:a',
    '64k',
    '-shortest',
    '-movflags',
    '+faststart',
    file,
  ]);
}

export function makeTestImage(file: string): void {
  execFileSync(FFMPEG, [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=480x270',
    '-frames:v',
    '1',
    file,
  ]);
}

export async function storeMedia(
  library: Library,
  file: string,
  meta: {
    kind: 'video' | 'image';
    mime: string;
    ext: string;
    durationS?: number;
    width?: number;
    height?: number;
  },
): Promise<{ id: number; sha256: string }> {
  const stored = await library.media.addFile(file, meta.ext);
  const id = library.mutate({ action: 'media.imported', entity: 'media' }, (db) =>
    Number(
      db
        .prepare(
          `INSERT INTO media_assets (sha256, kind, original_name, mime, ext, size, duration_s, width, height, created_at, crc32)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          stored.sha256,
          meta.kind,
          path.basename(file),
          meta.mime,
          meta.ext,
          statSync(file).size,
          meta.durationS ?? null,
          meta.width ?? null,
          meta.height ?? null,
          library.now(),
          stored.crc32,
        ).lastInsertRowid,
    ),
  );
  return { id, sha256: stored.sha256 };
}

export interface BundleFixture {
  library: Library;
  answerId: number;
  clipId: number;
  customerId: number;
  customerName: string;
  questionId: number;
  stepIds: string[];
  screenshotSha: string;
}

export interface FixtureOptions {
  /** A video file to use instead of generating a small one (the benchmark's 200 MB). */
  videoFile?: string;
  videoDurationS?: number;
  /** Leave the clip unrendered (no output asset). */
  unrendered?: boolean;
}

/** The demo library plus, on the first demo answer, a screenshot, a clip and links to it. */
export async function makeBundleFixture(
  root: string,
  work: string,
  options: FixtureOptions = {},
): Promise<BundleFixture> {
  const library = createLibrary(root, { seed: seedDemo });
  const videoFile = options.videoFile ?? path.join(work, 'clip.mp4');
  if (!options.videoFile) makeTestVideo(videoFile);
  const imageFile = path.join(work, 'shot.png');
  makeTestImage(imageFile);
  const video = await storeMedia(library, videoFile, {
    kind: 'video',
    mime: 'video/mp4',
    ext: 'mp4',
    durationS: options.videoDurationS ?? 6,
    width: 320,
    height: 240,
  });
  const image = await storeMedia(library, imageFile, { kind: 'image', mime: 'image/png', ext: 'png' });

  const answer = library.db
    .prepare("SELECT id, doc FROM answers WHERE slug = 'images-not-shown-on-smartphones'")
    .get() as { id: number; doc: string };
  const doc = JSON.parse(answer.doc) as AnswerDocument;
  const steps = findNodes(doc, 'kotae-step');
  const now = library.now();
  const durationS = options.videoDurationS ?? 6;
  const chapters = [
    { id: 'c1', title: 'カメラの設定', startS: 0, stepId: steps[0]!.stepId },
    { id: 'c2', title: '画像を差し替える', startS: 2, stepId: steps[1]!.stepId },
    { id: 'c3', title: 'アップロード', startS: 4, stepId: steps[2]!.stepId },
  ];
  // What the clips service records after a render (shared/domain/clip.ts: RenderedClip), with the
  // whole file kept, so output time equals source time.
  const captionsVtt = (
    await library.media.addBuffer(
      Buffer.from(
        'WEBVTT\n\n00:00.000 --> 00:02.000\n設定を開きます\n\n00:02.000 --> 00:04.000\n画像を選びます\n',
      ),
      'vtt',
    )
  ).sha256;
  const chaptersVtt = (await library.media.addBuffer(Buffer.from('WEBVTT\n'), 'vtt')).sha256;
  const rendered = RenderedClip.parse({
    assetId: video.id,
    sha256: video.sha256,
    mode: 'accurate',
    requestedMode: 'accurate',
    fallback: null,
    segments: [{ startS: 0, endS: durationS }],
    chapters: chapters.map((c, i) => ({
      title: c.title,
      startS: c.startS,
      endS: chapters[i + 1]?.startS ?? durationS,
      stepId: c.stepId,
    })),
    chaptersVtt,
    captionsVtt,
    durationS,
    width: 320,
    height: 240,
    renderedAt: now,
  });
  const clipId = library.mutate({ action: 'clip.created', entity: 'clip' }, (db) =>
    Number(
      db
        .prepare(
          `INSERT INTO clips (asset_id, answer_id, title, segments, chapters, captions, render_mode, output_asset_id, rendered, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, '[]', 'accurate', ?, ?, ?, ?)`,
        )
        .run(
          video.id,
          answer.id,
          'JPEG に変えてアップロードし直す',
          JSON.stringify([{ startS: 0, endS: durationS }]),
          JSON.stringify(chapters),
          options.unrendered ? null : video.id,
          options.unrendered ? null : JSON.stringify(rendered),
          now,
          now,
        ).lastInsertRowid,
    ),
  );

  steps[0]!.screenshot = { sha256: image.sha256, ext: 'png', alt: 'カメラの設定画面' };
  steps[2]!.videoLink = { clipId, timeS: 4 };
  const videoNode: VideoNode = {
    type: 'kotae-video',
    version: 1,
    clipId,
    title: 'JPEG に変えてアップロードし直す',
  };
  const lastStep = doc.root.children.indexOf(steps[steps.length - 1]!);
  doc.root.children.splice(lastStep + 1, 0, videoNode);
  library.mutate({ action: 'answer.updated', entity: 'answer', answerId: answer.id }, (db) =>
    db
      .prepare('UPDATE answers SET doc = ?, plain_text = ?, updated_at = ? WHERE id = ?')
      .run(JSON.stringify(doc), plainText(doc), now, answer.id),
  );

  const question = library.db
    .prepare(
      `SELECT q.id, q.customer_id, c.name FROM answer_questions aq JOIN questions q ON q.id = aq.question_id
       JOIN customers c ON c.id = q.customer_id WHERE aq.answer_id = ? LIMIT 1`,
    )
    .get(answer.id) as { id: number; customer_id: number; name: string };
  return {
    library,
    answerId: answer.id,
    clipId,
    customerId: question.customer_id,
    customerName: question.name,
    questionId: question.id,
    stepIds: steps.map((s) => s.stepId),
    screenshotSha: image.sha256,
  };
}
export { rawZip } from './zip/rawZip';
export type { RawEntry, RawZipOptions } from './zip/rawZip';
export { sha256Of } from './manifest';
export { signatureFile } from './signature';
