import { createReadStream } from 'node:fs';
import { MboxSplitter, type MboxMessage } from './mboxSplitter';

// An mbox is a series of messages, each introduced by a "From " line. Splitting on those lines is
// not MIME parsing (mailparser does that per message); it is done streaming on raw bytes (charsets
// are the parser's business), in one pass whatever the line ends, so a multi-gigabyte mbox never
// sits in memory and a message past the size limit is only counted, never kept.

export type { MboxMessage } from './mboxSplitter';

const FROM = Buffer.from('From ');

/** Yields the messages of an mbox one at a time (see MboxSplitter for the rules). */
export async function* splitMbox(
  file: string,
  maxMessageBytes: number,
  signal?: AbortSignal,
): AsyncGenerator<MboxMessage> {
  const splitter = new MboxSplitter(maxMessageBytes);
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20, signal })) {
    yield* splitter.push(chunk as Buffer);
  }
  yield* splitter.end();
}

/** An mbox starts with a "From " line; an .eml with a header. */
export function looksLikeMbox(head: Buffer): boolean {
  return head.subarray(0, 5).equals(FROM);
}
