import { createRequire } from 'node:module';
import zlib from 'node:zlib';
import type * as Yazl from 'yazl';

// yazl computes each entry's CRC-32 with buffer-crc32, a table-driven JavaScript loop: about
// 450 MB/s here, which made exporting 200 MB of video 4–8 times slower than copying it (bench/bundle).
// Node's zlib.crc32 (native, several GB/s) computes the same checksum. yazl takes no option for it,
// so we load a private copy of yazl whose `require('buffer-crc32')` gets a zlib-backed module with
// the same API; the rest of the process keeps the ordinary modules. The unit test checks the values
// against buffer-crc32 itself and that yauzl reads the zips back.

const require = createRequire(import.meta.url);

type Crc32 = ((input: Buffer | string, previous?: Buffer | number) => Buffer) & {
  signed: (input: Buffer | string, previous?: Buffer | number) => number;
  unsigned: (input: Buffer | string, previous?: Buffer | number) => number;
};

function previousValue(previous: Buffer | number | undefined): number {
  if (previous === undefined) return 0;
  return typeof previous === 'number' ? previous >>> 0 : previous.readUInt32BE(0);
}

export const nativeCrc32: Crc32 = Object.assign(
  (input: Buffer | string, previous?: Buffer | number) => {
    const out = Buffer.alloc(4);
    out.writeUInt32BE(zlib.crc32(input, previousValue(previous)));
    return out;
  },
  {
    signed: (input: Buffer | string, previous?: Buffer | number) =>
      zlib.crc32(input, previousValue(previous)) | 0,
    unsigned: (input: Buffer | string, previous?: Buffer | number) =>
      zlib.crc32(input, previousValue(previous)),
  },
);

let loaded: typeof Yazl | null = null;

export function loadYazl(): typeof Yazl {
  if (loaded) return loaded;
  // zlib.crc32 exists from Node 20.15 / 22.2; older runtimes keep yazl as it is.
  if (typeof zlib.crc32 !== 'function') return (loaded = require('yazl') as typeof Yazl);
  const yazlPath = require.resolve('yazl');
  const crcPath = createRequire(yazlPath).resolve('buffer-crc32');
  const cache = require.cache;
  const savedYazl = cache[yazlPath];
  const savedCrc = cache[crcPath];
  try {
    delete cache[yazlPath];
    cache[crcPath] = { id: crcPath, filename: crcPath, loaded: true, exports: nativeCrc32 } as NodeJS.Module;
    loaded = require(yazlPath) as typeof Yazl;
  } finally {
    if (savedCrc) cache[crcPath] = savedCrc;
    else delete cache[crcPath];
    if (savedYazl) cache[yazlPath] = savedYazl;
    else delete cache[yazlPath];
  }
  return loaded;
}
