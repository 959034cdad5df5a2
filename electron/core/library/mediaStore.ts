import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { chmod, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { Transform } from 'node:stream';
import { tempPathFor } from '../files/atomicWrite';

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
const EXT = /^[a-z0-9]{1,10}$/;

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

  relPathFor(sha256: string, ext: string): string {
    if (!SHA256.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return path.join(sha256.slice(0, 2), ext ? `${sha256}.${ext}` : sha256);
  }

  pathFor(sha256: string, ext: string): string {
    return path.join(this.dir, this.relPathFor(sha256, ext));
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
    await rm(this.pathFor(sha256, ext), { force: true });
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
    try {
      return (await stat(this.pathFor(sha256, ext))).size;
    } catch {
      return null;
    }
  }
}
