import type { Hash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import type { FileOutput } from './fileOutput';

// Moving a file's bytes into the zip: stored (two 1 MB buffers in flight, the CRC-32 computed only
// when not known) or deflated as it streams. Both read exactly the planned size and check one byte
// past it, so a file that changed since it was planned fails instead of writing a lying entry.

const CHUNK = 1 << 20;

export class SourceSizeError extends Error {
  constructor(
    readonly source: string,
    readonly expected: number,
    readonly actual: string,
  ) {
    super(`${source}: ${actual} bytes, expected ${expected}`);
  }
}

export interface CopyOptions {
  /** The size the file must have. */
  size: number;
  signal?: AbortSignal | undefined;
  onBytes?: ((bytes: number) => void) | undefined;
  /** Also feed the bytes to this hash as they pass. */
  hash: Hash | null;
}

export function cancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('cancelled');
}

/**
 * Marks a promise as handled while it is in flight: a write can fail while the loop awaits the read
 * (or the other way round), and is awaited, and its error thrown, a moment later.
 */
function observed<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}

/**
 * Copies exactly `opts.size` bytes of `input` to the end of `out`: the next chunk is read while the
 * last one is written. Returns the CRC-32 of the bytes when `knownCrc` is null, else `knownCrc`.
 */
export async function copyStored(
  input: FileHandle,
  source: string,
  out: FileOutput,
  opts: CopyOptions,
  knownCrc: number | null,
): Promise<number> {
  const buffers = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)];
  let crc = knownCrc ?? 0;
  let readAt = 0;
  const readNext = (buf: Buffer) => {
    const want = Math.min(CHUNK, opts.size - readAt);
    const at = readAt;
    readAt += want;
    return observed(want === 0 ? Promise.resolve(0) : input.read(buf, 0, want, at).then((r) => r.bytesRead));
  };
  let which = 0;
  let pending = readNext(buffers[0]!);
  let writing: Promise<void> = Promise.resolve();
  let copied = 0;
  try {
    for (;;) {
      const n = await pending;
      if (n === 0) break;
      const chunk = buffers[which]!.subarray(0, n);
      which ^= 1;
      await writing; // the other buffer is free again once its write is done
      cancelled(opts.signal);
      if (n < Math.min(CHUNK, opts.size - copied)) {
        throw new SourceSizeError(source, opts.size, `${copied + n}`);
      }
      pending = readNext(buffers[which]!);
      if (knownCrc === null) crc = zlib.crc32(chunk, crc);
      opts.hash?.update(chunk);
      copied += n;
      writing = observed(out.writeAt(chunk, out.reserve(n)).then(() => opts.onBytes?.(n)));
    }
  } catch (err) {
    // Nothing may still be reading or writing when the caller closes the files.
    await Promise.allSettled([pending, writing]);
    throw err;
  }
  await writing;
  if (copied !== opts.size) throw new SourceSizeError(source, opts.size, `${copied}`);
  // One byte past the planned end: a file that grew since it was planned is not what we checked.
  const { bytesRead } = await input.read(Buffer.alloc(1), 0, 1, opts.size);
  if (bytesRead) throw new SourceSizeError(source, opts.size, `more than ${opts.size}`);
  return crc >>> 0;
}

/** Deflates exactly `opts.size` bytes of `input` onto the end of `out`; returns their CRC-32. */
export async function deflateInto(
  input: FileHandle,
  source: string,
  out: FileOutput,
  opts: CopyOptions,
): Promise<number> {
  let crc = 0;
  let read = 0;
  async function* chunks(): AsyncGenerator<Buffer> {
    for (;;) {
      cancelled(opts.signal);
      // One byte more than planned is asked for at the end, to notice a file that grew.
      const want = Math.min(CHUNK, opts.size + 1 - read);
      const buf = Buffer.allocUnsafe(want);
      const { bytesRead } = await input.read(buf, 0, want, read);
      if (bytesRead === 0) break;
      read += bytesRead;
      if (read > opts.size) throw new SourceSizeError(source, opts.size, `more than ${opts.size}`);
      const chunk = buf.subarray(0, bytesRead);
      crc = zlib.crc32(chunk, crc);
      opts.hash?.update(chunk);
      opts.onBytes?.(bytesRead);
      yield chunk;
    }
    if (read !== opts.size) throw new SourceSizeError(source, opts.size, `${read}`);
  }
  await pipeline(chunks, zlib.createDeflateRaw(), async (packed: AsyncIterable<Buffer>) => {
    for await (const block of packed) await out.writeAt(block, out.reserve(block.length));
  });
  return crc >>> 0;
}
