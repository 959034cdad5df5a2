import { createReadStream } from 'node:fs';

// An mbox is a series of messages, each introduced by a "From " line. Splitting on those lines is
// not MIME parsing (mailparser does that per message); it is done streaming, line by line on raw
// bytes (charsets are the parser's business), so a multi-gigabyte mbox never sits in memory.

export interface MboxMessage {
  /** 1-based position in the mbox. */
  index: number;
  /** The message without its "From " line, ">From " unquoted; empty when it was too large. */
  raw: Buffer;
  /** Size of the whole message, also when it was not kept. */
  size: number;
  tooLarge: boolean;
  /** Bytes of the file read so far, for progress. */
  offset: number;
}

const FROM = Buffer.from('From ');
const NL = 0x0a;

/** mboxrd quotes a body line "From …" as ">From …" (and ">From" as ">>From"): take one ">" off. */
function unquote(line: Buffer): Buffer {
  let i = 0;
  while (i < line.length && line[i] === 0x3e) i++;
  return i > 0 && line.subarray(i, i + 5).equals(FROM) ? line.subarray(1) : line;
}

function isBlank(line: Buffer | null): boolean {
  return line !== null && (line.length === 1 || (line.length === 2 && line[0] === 0x0d));
}

/**
 * Yields the messages of an mbox one at a time. A "From " line starts a message only at the start of
 * the file or after a blank line, so an unquoted "From " in a body (mboxo) does not split it.
 */
export async function* splitMbox(
  file: string,
  maxMessageBytes: number,
  signal?: AbortSignal,
): AsyncGenerator<MboxMessage> {
  let parts: Buffer[] = [];
  let size = 0;
  let index = 0;
  let offset = 0;
  let started = false;
  let previous: Buffer | null = null;
  let pending: Buffer = Buffer.alloc(0);

  const finish = (): MboxMessage | null => {
    if (!started) return null;
    let raw = Buffer.concat(parts);
    // The blank line before the next "From " belongs to the mbox, not to the message.
    if (raw.length && raw[raw.length - 1] === NL)
      raw = raw.subarray(0, raw.length - (raw.at(-2) === 0x0d ? 2 : 1));
    const tooLarge = size > maxMessageBytes;
    return { index, raw: tooLarge ? Buffer.alloc(0) : raw, size, tooLarge, offset };
  };

  const take = (line: Buffer): MboxMessage | null => {
    let out: MboxMessage | null = null;
    if ((previous === null || isBlank(previous)) && line.subarray(0, 5).equals(FROM)) {
      out = finish();
      started = true;
      index++;
      parts = [];
      size = 0;
    } else {
      // Lines before the first "From " (a file that is not an mbox) still form message 1.
      if (!started) {
        started = true;
        index = 1;
      }
      const body = unquote(line);
      size += body.length;
      if (size <= maxMessageBytes) parts.push(Buffer.from(body));
    }
    previous = line;
    return out;
  };

  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20, signal })) {
    const data: Buffer = pending.length ? Buffer.concat([pending, chunk as Buffer]) : (chunk as Buffer);
    offset += (chunk as Buffer).length;
    let start = 0;
    for (let nl = data.indexOf(NL, start); nl !== -1; nl = data.indexOf(NL, start)) {
      const message = take(data.subarray(start, nl + 1));
      start = nl + 1;
      if (message) yield message;
    }
    pending = Buffer.from(data.subarray(start));
  }
  if (pending.length) {
    const message = take(pending);
    if (message) yield message;
  }
  const last = finish();
  if (last) yield last;
}

/** An mbox starts with a "From " line; an .eml with a header. */
export function looksLikeMbox(head: Buffer): boolean {
  return head.subarray(0, 5).equals(FROM);
}
