import fc from 'fast-check';

// The blind half of the differential fuzzer's changes: bytes flipped, words set to values that
// matter in zip records (0, 0xFFFF, 0xFFFFFFFF, header lengths), bytes inserted, deleted,
// duplicated elsewhere, or the file cut short, at positions given as fractions of its length.

export type ByteMutation = { label: string; apply: (b: Buffer) => Buffer };

const INTERESTING_32 = [0, 1, 0x7fffffff, 0xffffffff, 0xfffffffe, 30, 46];
const INTERESTING_16 = [0, 1, 0x7fff, 0xffff, 0x0800, 0x0008, 20, 45, 63];
const bytes = (max: number) => fc.uint8Array({ minLength: 0, maxLength: max }).map((a) => Buffer.from(a));

export const byteMutations: fc.Arbitrary<ByteMutation> = fc.oneof(
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 7 })).map(([f, bit]) => ({
    label: `flip(${f.toFixed(4)},${bit})`,
    apply: (b: Buffer) => {
      if (!b.length) return b;
      const out = Buffer.from(b);
      out[Math.min(b.length - 1, Math.floor(f * b.length))]! ^= 1 << bit;
      return out;
    },
  })),
  fc
    .tuple(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.oneof(
        fc.constantFrom(...INTERESTING_32).map((v) => ({ v, w: 4 })),
        fc.constantFrom(...INTERESTING_16).map((v) => ({ v, w: 2 })),
      ),
    )
    .map(([f, { v, w }]) => ({
      label: `set${w * 8}(${f.toFixed(4)},${v})`,
      apply: (b: Buffer) => {
        if (b.length < w) return b;
        const out = Buffer.from(b);
        const at = Math.min(b.length - w, Math.floor(f * b.length));
        if (w === 4) out.writeUInt32LE(v >>> 0, at);
        else out.writeUInt16LE(v & 0xffff, at);
        return out;
      },
    })),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), bytes(8)).map(([f, add]) => ({
    label: `insert(${f.toFixed(4)},${add.length})`,
    apply: (b: Buffer) => {
      const at = Math.floor(f * b.length);
      return Buffer.concat([b.subarray(0, at), add, b.subarray(at)]);
    },
  })),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 8 })).map(([f, n]) => ({
    label: `delete(${f.toFixed(4)},${n})`,
    apply: (b: Buffer) => {
      const at = Math.floor(f * b.length);
      return Buffer.concat([b.subarray(0, at), b.subarray(at + n)]);
    },
  })),
  fc
    .tuple(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.integer({ min: 4, max: 64 }),
    )
    .map(([f, g, n]) => ({
      label: `duplicate(${f.toFixed(4)},${g.toFixed(4)},${n})`,
      apply: (b: Buffer) => {
        const from = Math.floor(f * b.length);
        const to = Math.floor(g * b.length);
        return Buffer.concat([b.subarray(0, to), b.subarray(from, from + n), b.subarray(to)]);
      },
    })),
  fc.double({ min: 0, max: 1, noNaN: true }).map((f) => ({
    label: `truncate(${f.toFixed(4)})`,
    apply: (b: Buffer) => b.subarray(0, Math.floor(f * b.length)),
  })),
);
