import type { FileHandle } from 'node:fs/promises';

// The zip file being written: every write is positional (pwrite), so the next chunk of a copy can
// be written while the one after it is read, and a header can be rewritten in place afterwards.
export class FileOutput {
  /** Where the next byte goes (the file's length so far). */
  offset = 0;

  constructor(readonly handle: FileHandle) {}

  /** Appends the buffers at the current offset. */
  async append(buffers: Buffer[]): Promise<void> {
    const total = buffers.reduce((sum, b) => sum + b.length, 0);
    const { bytesWritten } = await this.handle.writev(buffers, this.offset);
    if (bytesWritten !== total) {
      // writev may write less (a signal, a nearly full disk): finish the rest one buffer at a time.
      let skip = bytesWritten;
      let at = this.offset + bytesWritten;
      for (const b of buffers) {
        if (skip >= b.length) {
          skip -= b.length;
          continue;
        }
        await this.writeAt(b.subarray(skip), at);
        at += b.length - skip;
        skip = 0;
      }
    }
    this.offset += total;
  }

  /** Takes the next `length` bytes of the file for a write still to come; returns where they start. */
  reserve(length: number): number {
    const at = this.offset;
    this.offset += length;
    return at;
  }

  /** Writes all of `data` at `at` (a reserved range, or a header being rewritten). */
  async writeAt(data: Buffer, at: number): Promise<void> {
    let done = 0;
    while (done < data.length) {
      const { bytesWritten } = await this.handle.write(data, done, data.length - done, at + done);
      done += bytesWritten;
    }
  }
}
