import { readSync } from 'node:fs';
import type { ArchiveFail } from './safeZip';
import { END_SIG, MAX_16, MAX_32, ZIP64_END_SIG, ZIP64_LOCATOR_SIG } from './zipFormat';

// The end of a zip (part of the layout checks, zipLayout.ts): the end record must be the last 22
// bytes, with no comment; a zip64 end record and locator, when present, sit right before it, and
// the two records must agree. Python takes a locator right before the end record as zip64
// whatever the classic record says, and reads the zip64 record at a fixed distance from it.

const END_FIXED = 22;
const LOCATOR_SIZE = 20;
const ZIP64_END_FIXED = 56;

/** `length` bytes at `position`, or null when the file ends first. */
export function readAt(fd: number, length: number, position: number): Buffer | null {
  const out = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, out, got, length - got, position + got);
    if (n === 0) return null;
    got += n;
  }
  return out;
}

export function u64(buf: Buffer, at: number): number {
  const value = buf.readBigUInt64LE(at);
  // Past 2^53 no JavaScript reader (yauzl included) can address the bytes: not a zip we can read.
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.NaN : Number(value);
}

export interface EndOfDirectory {
  entries: number;
  centralSize: number;
  centralOffset: number;
  /** Where the central directory must end: the zip64 end record, or the classic end record. */
  directoryEnd: number;
  zip64: boolean;
}

/** Finds the end record where it must be, the last 22 bytes, and says why when it is not. */
export function readEnd(fd: number, size: number, fail: ArchiveFail): EndOfDirectory {
  if (size < END_FIXED) throw fail('notAZip', { detail: `${size} bytes` }, 'shorter than an end record');
  const end = readAt(fd, END_FIXED, size - END_FIXED)!;
  if (end.readUInt32LE(0) !== END_SIG) {
    // An end record further back means something follows it: a comment, or appended bytes.
    const span = Math.min(size, END_FIXED + MAX_16);
    const tail = readAt(fd, span, size - span)!;
    for (let i = span - END_FIXED; i >= 0; i--) {
      if (tail.readUInt32LE(i) !== END_SIG) continue;
      const commentLength = tail.readUInt16LE(i + 20);
      if (commentLength === span - i - END_FIXED)
        throw fail('zipComment', {}, `${commentLength} bytes of comment`);
      throw fail('strayBytes', { offset: size - span + i + END_FIXED }, 'bytes after the end record');
    }
    throw fail('notAZip', { detail: 'no end of central directory record' }, 'no end record');
  }
  const disk = end.readUInt16LE(4);
  const directoryDisk = end.readUInt16LE(6);
  const onDisk = end.readUInt16LE(8);
  const entries = end.readUInt16LE(10);
  const centralSize = end.readUInt32LE(12);
  const centralOffset = end.readUInt32LE(16);
  // Python's zipfile takes a locator right before the end record as zip64, whatever the classic
  // record says; so do we, and then both must agree.
  const locatorAt = size - END_FIXED - LOCATOR_SIZE;
  const locator = locatorAt >= 0 ? readAt(fd, LOCATOR_SIZE, locatorAt)! : null;
  if (!locator || locator.readUInt32LE(0) !== ZIP64_LOCATOR_SIG) {
    if (disk !== 0 || directoryDisk !== 0 || onDisk !== entries) {
      throw fail(
        'corrupt',
        { detail: 'a multi-disk zip' },
        `disk ${disk}/${directoryDisk}, ${onDisk} of ${entries}`,
      );
    }
    return { entries, centralSize, centralOffset, directoryEnd: size - END_FIXED, zip64: false };
  }
  const zip64At = locatorAt - ZIP64_END_FIXED;
  if (locator.readUInt32LE(4) !== 0 || locator.readUInt32LE(16) !== 1 || u64(locator, 8) !== zip64At) {
    throw fail(
      'corrupt',
      { detail: 'zip64 locator' },
      'the zip64 locator does not point right before itself',
    );
  }
  const z = zip64At >= 0 ? readAt(fd, ZIP64_END_FIXED, zip64At)! : null;
  if (!z || z.readUInt32LE(0) !== ZIP64_END_SIG || u64(z, 4) !== ZIP64_END_FIXED - 12) {
    throw fail('corrupt', { detail: 'zip64 end record' }, 'no zip64 end record of the standard size');
  }
  const z64 = {
    disk: z.readUInt32LE(16),
    directoryDisk: z.readUInt32LE(20),
    onDisk: u64(z, 24),
    entries: u64(z, 32),
    centralSize: u64(z, 40),
    centralOffset: u64(z, 48),
  };
  const agrees = (classic: number, max: number, wide: number) => classic === max || classic === wide;
  if (
    z64.disk !== 0 ||
    z64.directoryDisk !== 0 ||
    z64.onDisk !== z64.entries ||
    !agrees(disk, MAX_16, 0) ||
    !agrees(directoryDisk, MAX_16, 0) ||
    !agrees(onDisk, MAX_16, z64.entries) ||
    !agrees(entries, MAX_16, z64.entries) ||
    !agrees(centralSize, MAX_32, z64.centralSize) ||
    !agrees(centralOffset, MAX_32, z64.centralOffset)
  ) {
    throw fail('corrupt', { detail: 'zip64 end record' }, 'the zip64 and classic end records disagree');
  }
  return { ...z64, directoryEnd: zip64At, zip64: true };
}
