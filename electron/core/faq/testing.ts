import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { Library } from '../library';
import { decideFinding } from './decisions';
import { prepare } from './prepare';
import type { AnswerDocument, VideoNode } from '../../../shared/answers/document';
import {
  SearchClient,
  parseSearchFile,
  type BucketData,
  type SearchMeta,
  type StoreData,
} from '../../../shared/faq';

// Test and bench fixture: a real video clip with chapters attached to an answer, as the video
// issue's renderer leaves it (a media asset for the source, one for the output, a clips row, a
// kotae-video node in the answer). Takes the raw database and media folder, so a Playwright spec
// can use it while the app under test holds the library lock.

export function ffmpegPath(): string {
  if (existsSync('/usr/bin/ffmpeg')) return '/usr/bin/ffmpeg';
  return (createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string }).path;
}

/** A short H.264 + AAC MP4 (test pattern and a tone), as a render would produce. */
export function makeTestVideo(file: string, seconds = 4): void {
  // An argument array (no shell): the template has no spaces inside any one argument.
  const args =
    `-v error -y -f lavfi -i testsrc2=size=320x180:rate=25:duration=${seconds} -f lavfi -i sine=frequency=440:duration=${seconds} ` +
    '-c:v libx264 -pix_fmt yuv420p -preset ultrafast -c:a aac -shortest -movflags +faststart';
  execFileSync(ffmpegPath(), [...args.split(' '), file], { stdio: 'ignore' });
}

function store(db: Database, mediaDir: string, file: string, name: string): { id: number; sha256: string } {
  const data = readFileSync(file);
  const sha256 = createHash('sha256').update(data).digest('hex');
  const target = path.join(mediaDir, sha256.slice(0, 2), `${sha256}.mp4`);
  if (!existsSync(target)) {
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(file, target);
    chmodSync(target, 0o444);
  }
  db.prepare(
    `INSERT OR IGNORE INTO media_assets (sha256, kind, original_name, mime, ext, size, duration_s, width, height, created_at)
     VALUES (?, 'video', ?, 'video/mp4', 'mp4', ?, 4, 320, 180, ?)`,
  ).run(sha256, name, statSync(file).size, new Date().toISOString());
  const row = db.prepare('SELECT id FROM media_assets WHERE sha256 = ?').get(sha256) as { id: number };
  return { id: row.id, sha256 };
}

export interface ClipFixture {
  clipId: number;
  sha256: string;
  chapters: string[];
}

/**
 * Adds a clip with three chapters to the answer and places it at the top of the answer's text.
 * Chapters are in source time; the kept segment starts at 0.5 s, so the FAQ must map them.
 */
export function addClipToAnswer(
  db: Database,
  mediaDir: string,
  answerId: number,
  chapters = ['設定を開く', '画像を差し替える', '表示を確かめる'],
): ClipFixture {
  const dir = path.join(os.tmpdir(), `kotae-clip-${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  try {
    makeTestVideo(path.join(dir, 'source.mp4'), 5);
    makeTestVideo(path.join(dir, 'render.mp4'), 4);
    const source = store(db, mediaDir, path.join(dir, 'source.mp4'), 'screen-recording.mp4');
    const output = store(db, mediaDir, path.join(dir, 'render.mp4'), 'clip.mp4');
    const now = new Date().toISOString();
    const clipId = Number(
      db
        .prepare(
          `INSERT INTO clips (asset_id, answer_id, title, segments, chapters, captions, output_asset_id, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          source.id,
          answerId,
          '手順の動画',
          JSON.stringify([{ startS: 0.5, endS: 4.5 }]),
          JSON.stringify(
            chapters.map((title, i) => ({ id: `c${i}`, title, startS: 0.5 + i * 1.2, stepId: null })),
          ),
          JSON.stringify([{ chapterId: 'c0', text: '「設定」を開きます' }]),
          output.id,
          now,
          now,
        ).lastInsertRowid,
    );
    const row = db.prepare('SELECT doc FROM answers WHERE id = ?').get(answerId) as { doc: string };
    const doc = JSON.parse(row.doc) as AnswerDocument;
    const video: VideoNode = { type: 'kotae-video', version: 1, clipId, title: '手順の動画' };
    doc.root.children.splice(1, 0, video);
    db.prepare('UPDATE answers SET doc = ?, updated_at = ? WHERE id = ?').run(
      JSON.stringify(doc),
      now,
      answerId,
    );
    return { clipId, sha256: output.sha256, chapters };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Decides every open privacy finding of the library the same way (tests and the bench). */
export async function decideAll(
  library: Library,
  decision: 'redact' | 'not_personal' = 'redact',
): Promise<number> {
  const open = (await prepare(library)).findings.filter((f) => f.decision === null);
  for (const f of open) decideFinding(library, { ...f, decision });
  return open.length;
}

/** Every file of a published site by path (content as latin1, byte for byte). */
export function siteFiles(out: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.set(path.relative(out, full).split(path.sep).join('/'), readFileSync(full, 'latin1'));
    }
  };
  walk(out);
  return files;
}

/** The site's search engine, reading the published files as the browser would. */
export function siteSearch(out: string): SearchClient {
  const read = (rel: string) => parseSearchFile(readFileSync(path.join(out, rel), 'utf8'))!.args;
  return new SearchClient({
    meta: async () => read('search/meta.js')[0] as SearchMeta,
    bucket: async (n) => read(`search/b/${n}.js`)[1] as BucketData,
    store: async (n) => read(`search/s/${n}.js`)[1] as StoreData,
  });
}
