// The mbox splitter as a state machine over chunks of raw bytes (issue 15). It never holds a line:
// a line is copied to the message as ranges of the chunk it arrived in, and only the first bytes
// of each line (a run of '>' and "From ") are looked at one by one. So a file with no line ends,
// or with classic Mac line ends (CR only), costs what a normal one costs: one pass, and memory
// bounded by the size limit of one message plus one chunk (the old splitter re-joined the unfinished
// line with every chunk: 200 MB without a line end took 40 s, 400 MB 162 s and 1.8 GB of memory).

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
const GT = Buffer.from('>');
const LF = 0x0a;
const CR = 0x0d;
const GT_BYTE = 0x3e;
const F_BYTE = 0x46;

/** Where the splitter is within the current line. */
type Mode =
  /** At the start of a line, or still reading its first bytes ('>'s, then "From "). */
  | 'head'
  /** Copying the rest of a line of the message. */
  | 'body'
  /** Dropping the rest of a "From " line that starts a message. */
  | 'envelope';

/**
 * Feed it chunks (`push`), then `end()`; each returns the messages completed. A "From " line starts
 * a message only at the start of the file or after a blank line, so an unquoted "From " in a body
 * (mboxo) does not split it; mboxrd's ">From " (and ">>From ", …) loses one '>'. LF, CRLF and CR
 * alone all end a line; a CR alone becomes CRLF in the message (mail parsers know no other ending).
 */
export class MboxSplitter {
  private mode: Mode = 'head';
  /** '>' bytes at the start of the current line (the first is held back until the line is known). */
  private quoteDepth = 0;
  /** Bytes of "From " matched after them, held back until the line is known. */
  private fromMatched = 0;
  private lineHasContent = false;
  /** Start of file counts as after a blank line. */
  private previousLineBlank = true;
  /** The last chunk ended with a CR: a LF at the start of the next one belongs to it. */
  private crAtChunkEnd = false;

  private chunk: Buffer = Buffer.alloc(0);
  /** Start in `chunk` of the bytes of the message not yet added to `parts`; -1 when none. */
  private segment = -1;
  /** Next LF / CR at or after the position last searched from (-1: none left in this chunk). */
  private nextLf = -1;
  private nextCr = -1;
  private searchedFrom = -1;

  private parts: Buffer[] = [];
  private size = 0;
  /** Line ends of the message that are a CR alone: made CRLF when the message is complete. */
  private loneCrs = 0;
  private tooLarge = false;
  private started = false;
  /** The message is the text before the first "From " line (a file that is not an mbox). */
  private preamble = false;
  private index = 0;
  private offset = 0;
  private done: MboxMessage[] = [];

  constructor(private readonly maxMessageBytes: number) {}

  /** Bytes of the current message held in memory (never more than the limit). */
  get keptBytes(): number {
    return this.parts.reduce((n, part) => n + part.length, 0);
  }

  push(chunk: Buffer): MboxMessage[] {
    this.chunk = chunk;
    this.offset += chunk.length;
    this.searchedFrom = -1;
    let pos = 0;
    this.segment = this.mode === 'body' ? 0 : -1;
    if (this.crAtChunkEnd) {
      this.crAtChunkEnd = false;
      if (chunk[0] === LF) pos = 1; // the LF of a CRLF split across chunks: already part of the line
      else if (this.mode === 'body') this.loneCrs++;
      this.endLine(pos);
    }
    while (pos < chunk.length) pos = this.mode === 'head' ? this.head(pos) : this.rest(pos);
    this.flush(chunk.length);
    const out = this.done;
    this.done = [];
    return out;
  }

  end(): MboxMessage[] {
    this.chunk = Buffer.alloc(0);
    if (this.crAtChunkEnd && this.mode === 'body') this.loneCrs++;
    if (this.mode === 'head' && (this.quoteDepth > 0 || this.fromMatched > 0)) this.releaseHeld();
    this.finish();
    const out = this.done;
    this.done = [];
    return out;
  }

  /** Reads the first bytes of a line, one at a time, until it is known what kind of line it is. */
  private head(start: number): number {
    const chunk = this.chunk;
    let pos = start;
    if (this.quoteDepth === 0 && this.fromMatched === 0) {
      const first = chunk[pos]!;
      if (first !== GT_BYTE && first !== F_BYTE) return this.toBody(pos); // almost every line
      this.ensureStarted();
      this.flush(pos);
      if (first === GT_BYTE) {
        this.quoteDepth = 1; // held back: dropped if the line turns out to be a quoted "From "
        pos++;
        this.segment = pos;
      }
    }
    if (this.fromMatched === 0 && this.quoteDepth > 0) {
      // The rest of the '>' run is copied as it is; only the first one is in question.
      if (this.segment < 0) this.segment = pos;
      while (pos < chunk.length && chunk[pos] === GT_BYTE) {
        this.quoteDepth++;
        pos++;
      }
      if (pos === chunk.length) return pos;
      this.flush(pos);
    }
    while (pos < chunk.length && this.fromMatched < FROM.length && chunk[pos] === FROM[this.fromMatched]) {
      this.fromMatched++;
      pos++;
    }
    if (this.fromMatched === FROM.length) return this.fromLine(pos);
    if (pos === chunk.length) return pos; // undecided: the held bytes wait for the next chunk
    this.releaseHeld();
    return this.toBody(pos);
  }

  /** A line that starts with "From " (after `quoteDepth` '>'s) ends at `pos`. */
  private fromLine(pos: number): number {
    const quoted = this.quoteDepth > 0;
    this.quoteDepth = 0;
    this.fromMatched = 0;
    if (!quoted && this.previousLineBlank) {
      this.finish();
      this.started = true;
      this.preamble = false;
      this.index++;
      this.mode = 'envelope';
      this.segment = -1;
      return pos;
    }
    // mboxrd: ">From " is a body line "From "; mboxo: an unquoted "From " inside a paragraph.
    this.add(FROM);
    this.lineHasContent = true;
    return this.toBody(pos);
  }

  /** The line was not a "From " line after all: give back what was held. */
  private releaseHeld(): void {
    if (this.quoteDepth > 0) this.add(GT);
    if (this.fromMatched > 0) this.add(FROM.subarray(0, this.fromMatched));
    if (this.quoteDepth > 0 || this.fromMatched > 0) this.lineHasContent = true;
    this.quoteDepth = 0;
    this.fromMatched = 0;
  }

  private toBody(pos: number): number {
    this.ensureStarted();
    this.mode = 'body';
    if (this.segment < 0) this.segment = pos;
    return pos;
  }

  /** Copies (body) or drops (envelope) the rest of the line, up to and including its end. */
  private rest(pos: number): number {
    const chunk = this.chunk;
    const end = this.lineEnd(pos);
    if (end < 0) {
      if (pos < chunk.length) this.lineHasContent = true;
      return chunk.length;
    }
    if (end > pos) this.lineHasContent = true;
    if (chunk[end] === LF) return this.endLine(end + 1);
    if (end + 1 === chunk.length) {
      this.crAtChunkEnd = true;
      return chunk.length;
    }
    if (chunk[end + 1] === LF) return this.endLine(end + 2);
    if (this.mode === 'body') this.loneCrs++;
    return this.endLine(end + 1);
  }

  private endLine(pos: number): number {
    this.previousLineBlank = !this.lineHasContent;
    this.lineHasContent = false;
    if (this.mode === 'body' && this.segment < 0) this.segment = pos;
    this.mode = 'head';
    return pos;
  }

  /** Position of the next LF or CR at or after `pos` in the chunk, or -1. Linear over a chunk. */
  private lineEnd(pos: number): number {
    const chunk = this.chunk;
    if (this.searchedFrom < 0 || (this.nextLf >= 0 && this.nextLf < pos)) this.nextLf = chunk.indexOf(LF, pos);
    if (this.searchedFrom < 0 || (this.nextCr >= 0 && this.nextCr < pos)) this.nextCr = chunk.indexOf(CR, pos);
    this.searchedFrom = pos;
    if (this.nextLf < 0) return this.nextCr;
    if (this.nextCr < 0) return this.nextLf;
    return Math.min(this.nextLf, this.nextCr);
  }

  private ensureStarted(): void {
    if (this.started) return;
    this.started = true;
    this.preamble = true;
    this.index = 1;
  }

  /** Adds the pending bytes of the chunk, up to `end`, to the message. */
  private flush(end: number): void {
    if (this.segment >= 0 && end > this.segment) this.add(this.chunk.subarray(this.segment, end));
    this.segment = -1;
  }

  private add(bytes: Buffer): void {
    if (this.mode === 'envelope' || bytes.length === 0) return;
    this.ensureStarted();
    this.size += bytes.length;
    if (this.tooLarge) return;
    if (this.size > this.maxMessageBytes) {
      // Past the limit nothing more is kept, and what was kept is let go: only the size is counted.
      this.tooLarge = true;
      this.parts = [];
    } else this.parts.push(bytes);
  }

  private finish(): void {
    if (this.started) {
      let raw: Buffer = this.tooLarge ? Buffer.alloc(0) : Buffer.concat(this.parts);
      if (this.loneCrs > 0 && !this.tooLarge) raw = crToCrlf(raw, this.loneCrs);
      // The line end before the next "From " line (or the end of the file) belongs to the mbox.
      if (raw.length && raw[raw.length - 1] === LF) raw = raw.subarray(0, raw.length - (raw.at(-2) === CR ? 2 : 1));
      // Blank lines before the first "From " line are not a message.
      if (!(this.preamble && !this.tooLarge && raw.length === 0)) {
        this.done.push({ index: this.index, raw, size: this.size, tooLarge: this.tooLarge, offset: this.offset });
      } else this.index--;
    }
    this.parts = [];
    this.size = 0;
    this.loneCrs = 0;
    this.tooLarge = false;
    this.started = false;
    this.preamble = false;
  }
}

/**
 * The message with each CR that is not followed by LF (each ended a line) turned into CRLF, in one
 * plain loop over the bytes (an indexOf call per short line cost twice the split itself, bench/mbox).
 * `lone` is how many the splitter counted; should it be wrong, the copy is made again at its size.
 */
function crToCrlf(raw: Buffer, lone: number): Buffer {
  const last = raw.length - 1;
  const out = Buffer.allocUnsafe(raw.length + lone);
  let to = 0;
  let found = 0;
  for (let i = 0; i <= last; i++) {
    const byte = raw[i]!;
    out[to++] = byte;
    if (byte === CR && (i === last || raw[i + 1] !== LF)) {
      out[to++] = LF;
      found++;
    }
  }
  return found === lone ? out : crToCrlf(raw, found);
}
