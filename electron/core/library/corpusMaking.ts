import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedDemo } from './demo';
import { createLibrary, DB_FILE, MEDIA_DIR } from './open';

// How the hostile-library corpus (corpus.ts, corpusOddFiles.ts) builds its folders.

/** A real library with the demo content, closed. */
export function demo(dir: string, name = 'lib'): string {
  const root = path.join(dir, name);
  createLibrary(root, { seed: seedDemo }).close();
  return root;
}

/** A folder holding only `library.sqlite` made by `fill`. */
export function withDatabase(dir: string, fill: (db: Database.Database) => void): string {
  const root = path.join(dir, 'lib');
  mkdirSync(root);
  const db = new Database(path.join(root, DB_FILE));
  fill(db);
  db.close();
  return root;
}

export function noise(length: number): Buffer {
  const out = Buffer.alloc(length);
  let x = 99;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}


/** A 1×1 PNG, stored as the library stores an image (named by its sha256, read-only). */
const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A demo library with one image row; returns the root and the image's path in media/. */
export function withImage(dir: string): { root: string; image: string } {
  const root = demo(dir);
  const sha256 = createHash('sha256').update(PIXEL_PNG).digest('hex');
  const image = path.join(root, MEDIA_DIR, sha256.slice(0, 2), `${sha256}.png`);
  mkdirSync(path.dirname(image), { recursive: true });
  writeFileSync(image, PIXEL_PNG, { mode: 0o444 });
  const db = new Database(path.join(root, DB_FILE));
  db.prepare(
    `INSERT INTO media_assets (sha256, kind, original_name, mime, ext, size, created_at)
     VALUES (?, 'image', 'screenshot.png', 'image/png', 'png', ?, '2026-11-23T09:00:00Z')`,
  ).run(sha256, PIXEL_PNG.length);
  db.pragma('journal_mode = DELETE');
  db.close();
  return { root, image };
}

/** Replaces a stored (read-only) file by `make`. */
export function replaceStored(file: string, make: (file: string) => void): void {
  chmodSync(file, 0o644);
  rmSync(file);
  make(file);
}

/** A lock file of a process that has ended (its pid is free), as kill -9 leaves it. */
export function deadOwnerLock(): string {
  const pid = Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }));
  return JSON.stringify({ pid, host: os.hostname(), since: '2026-01-01T00:00:00Z', by: 'app' });
}

