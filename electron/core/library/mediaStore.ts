import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, lstatSync, mkdirSync, readFileSync } from 'node:fs';
import { chmod, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { Transform } from 'node:stream';
import { tempPathFor, confinedRealPath } from '../files';

export interface StoredFile {
  sha256: string;
  size: number;
  /** CRC-32 of the content, kept with the row so a zip of it need not read the file (bundles). */
  crc32: number;
  /** Path relative to the media folder, e.g. `ab/ab12…ef.mp4`. */
  relPath: string;
  /** False when a file with the same content was already there. */
  added: boolean;
}

const SHA256 = /^[0-9a-f]{64}$/;
/**
 * What the store names files with: one short lower-case word or nothing, never a dot, a slash or
 * anything else a path is made of. Documents narrow it further to a closed list of picture types
 * (shared/answers/media.ts); mail attachments keep the extension they came with (safeExtension).
 */
const EXT = /^[a-z0-9]{1,10}$/;

/** How the library names one of its media files: the sha256 of the content and its extension. */
export interface MediaRef {
  sha256: string;
  ext: string;
}

/** Where a media reference leads: the file, or why there is none. */
export type MediaLocation =
  | { ok: true; file: string }
  | {
      ok: false;
      /**
       * `invalid`: not a reference the store makes; `missing`: no such file; `link`: a link where
       * the file should be (the store writes none; it may lead to any private file); `notAFile`: a
       * folder, a pipe or a device; `outside`: reached through a linked folder that leads out of media/.
       */
      reason: 'invalid' | 'missing' | 'link' | 'notAFile' | 'outside';
    };

function validRef(ref: MediaRef): boolean {
  return SHA256.test(ref.sha256) && (ref.ext === '' || EXT.test(ref.ext));
}

/** Keeps only a short, safe lower-case extension: it helps ffmpeg and mime types, never paths. */
export function safeExtension(name: string): string {
  const ext = path.extname(name).slice(1).toLowerCase();
  return EXT.test(ext) ? ext : '';
}

/** The content address and the zip checksum of a file, in the one pass that reads it. */
class Checksums {
  private readonly hash = createHash('sha256');
  private crc = 0;
  private size = 0;

  update(chunk: Uint8Array): this {
    this.hash.update(chunk);
    this.crc = zlib.crc32(chunk, this.crc);
    this.size += chunk.length;
    return this;
  }

  private done: { sha256: string; crc32: number; size: number } | null = null;

  /** The sums of everything passed to `update` (the first call ends the hashing). */
  result(): { sha256: string; crc32: number; size: number } {
    this.done ??= { sha256: this.hash.digest('hex'), crc32: this.crc >>> 0, size: this.size };
    return this.done;
  }
}

/**
 * Media files named by the sha256 of their content. A stored file is never modified: it is written
 * to a temp file, renamed into place, and made read-only; the same content is stored once.
 */
export class MediaStore {
  constructor(readonly dir: string) {}

  /** Where the store writes a file of this content (relative to media/); writers only. */
  private relPathFor(sha256: string, ext: string): string {
    if (!validRef({ sha256, ext }))
      throw new Error(`not a media reference: ${JSON.stringify({ sha256, ext }).slice(0, 200)}`);
    return path.join(sha256.slice(0, 2), ext ? `${sha256}.${ext}` : sha256);
  }

  /**
   * THE way from a media reference to a file, for every reader (bundles, the FAQ, the checks, the
   * media protocol, attachments, derivatives, the CLI): the reference must be one the store makes
   * (64 lower-case hex, a plain extension), the path is built from it alone, and the file must be a
   * regular file whose real path lies inside the real media folder (path.relative, not a prefix),
   * so neither `png/../../../library.sqlite` nor a symlink planted in media/ can lead anywhere else.
   */
  locate(ref: MediaRef): MediaLocation {
    if (!validRef(ref)) return { ok: false, reason: 'invalid' };
    const candidate = path.join(
      this.dir,
      ref.sha256.slice(0, 2),
      ref.ext ? `${ref.sha256}.${ref.ext}` : ref.sha256,
    );
    let stats;
    try {
      stats = lstatSync(candidate);
    } catch {
      return { ok: false, reason: 'missing' };
    }
    // The store writes regular files only: a link (even to another file inside) is not one of ours.
    if (stats.isSymbolicLink()) return { ok: false, reason: 'link' };
    if (!stats.isFile()) return { ok: false, reason: 'notAFile' };
    const file = confinedRealPath(this.dir, candidate);
    return file ? { ok: true, file } : { ok: false, reason: 'outside' };
  }

  /** The file of a reference, or null when it is not there (or not a file of this store). */
  fileOf(ref: MediaRef): string | null {
    const found = this.locate(ref);
    return found.ok ? found.file : null;
  }

  /** A small stored text file (a clip's WebVTT captions) as UTF-8, or null when it is not there. */
  readText(ref: MediaRef): string | null {
    const file = this.fileOf(ref);
    try {
      return file ? readFileSync(file, 'utf8') : null;
    } catch {
      return null;
    }
  }

  async addFile(source: string, ext: string, signal?: AbortSignal): Promise<StoredFile> {
    mkdirSync(this.dir, { recursive: true });
    const tmp = tempPathFor(path.join(this.dir, 'incoming'));
    const sums = new Checksums();
    const tap = new Transform({
      transform(chunk: Buffer, _enc, done) {
        sums.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(createReadStream(source), tap, createWriteStream(tmp, { flags: 'wx' }), { signal });
      return await this.settle(tmp, sums, ext);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
  }

  async addBuffer(data: Uint8Array, ext: string): Promise<StoredFile> {
    mkdirSync(this.dir, { recursive: true });
    const sums = new Checksums().update(data);
    const { sha256, crc32 } = sums.result();
    const relPath = this.relPathFor(sha256, ext);
    if (existsSync(path.join(this.dir, relPath)))
      return { sha256, crc32, size: data.length, relPath, added: false };
    const tmp = tempPathFor(path.join(this.dir, 'incoming'));
    try {
      await pipeline(
        async function* () {
          yield data;
        },
        createWriteStream(tmp, { flags: 'wx' }),
      );
      return await this.settle(tmp, sums, ext);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
  }

  /**
   * Takes a finished file we produced ourselves (a render, a remuxed recording) into the store by
   * renaming it, without a second copy. It must be on the same file system (the library's folder).
   */
  async adoptFile(file: string, ext: string): Promise<StoredFile> {
    mkdirSync(this.dir, { recursive: true });
    const sums = new Checksums();
    for await (const chunk of createReadStream(file)) sums.update(chunk as Buffer);
    return this.settle(file, sums, ext);
  }

  /** Removes a stored file that no row refers to any more (an import that was rejected). */
  async discard(sha256: string, ext: string): Promise<void> {
    await rm(path.join(this.dir, this.relPathFor(sha256, ext)), { force: true });
  }

  private async settle(tmp: string, sums: Checksums, ext: string): Promise<StoredFile> {
    const { sha256, crc32, size } = sums.result();
    const relPath = this.relPathFor(sha256, ext);
    const final = path.join(this.dir, relPath);
    if (existsSync(final)) {
      await rm(tmp, { force: true });
      return { sha256, crc32, size, relPath, added: false };
    }
    mkdirSync(path.dirname(final), { recursive: true });
    await chmod(tmp, 0o444);
    await rename(tmp, final);
    return { sha256, crc32, size, relPath, added: true };
  }

  async size(sha256: string, ext: string): Promise<number | null> {
    const file = this.fileOf({ sha256, ext });
    if (!file) return null;
    try {
      return (await stat(file)).size;
    } catch {
      return null;
    }
  }
}
