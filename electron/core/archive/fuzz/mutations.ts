import fc from 'fast-check';
import zlib from 'node:zlib';
import { byteMutations, type ByteMutation } from './byteMutations';
import { entry, serialize, type ModelEntry, type ZipModel } from './zipModel';

// The malformed zips of the differential fuzzer (issue 15): a small valid zip, then up to three
// structural changes (each one thing a writer or an attacker could get wrong: a local header that
// disagrees, an entry only one kind of reader sees, stray bytes, odd flags, extra fields, zip64
// records, names that collide), then up to two blind byte-level changes. Every case carries the
// labels of what was done to it, so a disagreement can be rebuilt and named.

export interface FuzzCase {
  labels: string[];
  bytes: Buffer;
}

type Mutation = { label: string; apply: (m: ZipModel) => void };

const NAMES = [
  'a.txt',
  'b.bin',
  'dir/',
  'dir/c.txt',
  'index.html',
  'media/v.mp4',
  '\u00fc/\u00f6.txt',
  'empty.txt',
];
const ODD_NAMES = [
  'A.TXT',
  'a.txt/',
  'a.txt/x',
  'dir',
  'DIR/c.txt',
  'caf\u00e9.txt',
  'cafe\u0301.txt',
  'a.txt.',
  'a.txt ',
  '../evil.txt',
  '/abs.txt',
  'C:/x.txt',
  'a\\b.txt',
  './a.txt',
  'dir//c.txt',
  'nul\u0000.txt',
  'tab\t.txt',
  'index.html',
  'stra\u00dfe',
  'STRASSE',
];
const INTERESTING_32 = [0, 1, 0x7fffffff, 0xffffffff, 0xfffffffe, 30, 46];

const bytes = (max: number) => fc.uint8Array({ minLength: 0, maxLength: max }).map((a) => Buffer.from(a));
const someData = fc.oneof(
  bytes(200),
  fc
    .tuple(fc.constantFrom('Kotae ', 'ab', '\u7b54\u3048 '), fc.integer({ min: 0, max: 400 }))
    .map(([s, n]) => Buffer.from(s.repeat(n))),
);

const baseEntries: fc.Arbitrary<ModelEntry[]> = fc
  .uniqueArray(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 4 })
  .chain((names) =>
    fc.tuple(
      ...names.map((name) =>
        fc
          .tuple(someData, fc.constantFrom(0, 8))
          .map(([data, method]) =>
            name.endsWith('/') ? entry(name, Buffer.alloc(0)) : entry(name, data, method),
          ),
      ),
    ),
  );

function extraField(id: number, data: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16LE(id, 0);
  head.writeUInt16LE(data.length, 2);
  return Buffer.concat([head, data]);
}

function unicodePathFor(name: string, second: string): Buffer {
  const crc = Buffer.alloc(5);
  crc.writeUInt8(1, 0);
  crc.writeUInt32LE(zlib.crc32(Buffer.from(name)), 1);
  return extraField(0x7075, Buffer.concat([crc, Buffer.from(second)]));
}

const pick = <T>(list: T[], at: number): T => list[at % list.length]!;

const mutations: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.constantFrom(...ODD_NAMES, 'x')).map(([i, other]) => ({
    label: `localName(${i},${JSON.stringify(other)})`,
    apply: (m: ZipModel) => void (pick(m.entries, i).localName = other),
  })),
  fc
    .tuple(
      fc.nat(),
      fc.constantFrom('flags', 'method', 'crc32', 'compressedSize', 'uncompressedSize', 'versionNeeded'),
      fc.integer({ min: -2, max: 2 }),
    )
    .map(([i, field, delta]) => ({
      label: `local(${i}.${field}${delta >= 0 ? '+' : ''}${delta})`,
      apply: (m: ZipModel) => {
        const e = pick(m.entries, i);
        const current: Record<string, number> = {
          flags: e.flags,
          method: e.method,
          crc32: zlib.crc32(e.data),
          compressedSize: e.method === 8 ? zlib.deflateRawSync(e.data).length : e.data.length,
          uncompressedSize: e.data.length,
          versionNeeded: e.versionNeeded,
        };
        e.local = { ...e.local, [field]: Math.max(0, current[field]! + delta) >>> 0 };
      },
    })),
  fc
    .tuple(
      fc.nat(),
      fc.constantFrom('crc32', 'compressedSize', 'uncompressedSize'),
      fc.constantFrom(...INTERESTING_32, -1, 1),
    )
    .map(([i, field, value]) => ({
      label: `both(${i}.${field}=${value})`,
      apply: (m: ZipModel) => {
        const e = pick(m.entries, i);
        const base =
          field === 'crc32'
            ? zlib.crc32(e.data)
            : field === 'uncompressedSize'
              ? e.data.length
              : e.method === 8
                ? zlib.deflateRawSync(e.data).length
                : e.data.length;
        const v = value === -1 || value === 1 ? Math.max(0, base + value) : value;
        e.both = { ...e.both, [field]: v >>> 0 };
      },
    })),
  fc.tuple(fc.nat(), fc.constantFrom(...NAMES, ...ODD_NAMES), someData).map(([at, name, data]) => ({
    label: `hidden(${at},${JSON.stringify(name)})`,
    apply: (m: ZipModel) =>
      void m.entries.splice(at % (m.entries.length + 1), 0, { ...entry(name, data), hidden: true }),
  })),
  fc.tuple(fc.nat(), fc.constantFrom(...NAMES, ...ODD_NAMES)).map(([i, name]) => ({
    label: `pointsAt(${i},${JSON.stringify(name)})`,
    apply: (m: ZipModel) => {
      const target = i % m.entries.length;
      const t = m.entries[target]!;
      m.entries.push({ ...t, name, localName: undefined, pointsAt: target });
    },
  })),
  fc
    .oneof(bytes(64), fc.constant(serialize({ entries: [entry('index.html', Buffer.from('<p>other</p>'))] })))
    .map((prefix) => ({
      label: `prefix(${prefix.length})`,
      apply: (m: ZipModel) => void (m.prefix = prefix),
    })),
  fc.tuple(fc.nat(), bytes(32)).map(([after, gap]) => ({
    label: `gap(${after},${gap.length})`,
    apply: (m: ZipModel) => void (m.gap = { after: after % m.entries.length, bytes: gap }),
  })),
  bytes(32).map((trailing) => ({
    label: `trailing(${trailing.length})`,
    apply: (m: ZipModel) => void (m.trailing = trailing),
  })),
  fc
    .oneof(bytes(40), fc.constant(Buffer.from('PK\u0005\u0006' + '\u0000'.repeat(18), 'latin1')))
    .map((comment) => ({
      label: `comment(${comment.length})`,
      apply: (m: ZipModel) => void (m.comment = comment),
    })),
  fc.integer({ min: -2, max: 2 }).map((d) => ({
    label: `declaredEntries(${d})`,
    apply: (m: ZipModel) => void (m.declaredEntries = m.entries.filter((e) => !e.hidden).length + d),
  })),
  fc.constant({ label: 'zip64End', apply: (m: ZipModel) => void (m.zip64End = true) }),
  fc.tuple(fc.integer({ min: -40, max: 40 }), fc.integer({ min: -40, max: 40 })).map(([o, s]) => ({
    label: `centralDelta(${o},${s})`,
    apply: (m: ZipModel) => {
      m.centralOffsetDelta = o;
      m.centralSizeDelta = s;
    },
  })),
  fc.constant({ label: 'reverseCentral', apply: (m: ZipModel) => void (m.reverseCentral = true) }),
  fc
    .tuple(fc.nat(), fc.constantFrom(0, 1, 2, 3, 5, 6, 11, 12, 13, 15), fc.boolean())
    .map(([i, bit, realDescriptor]) => ({
      label: `flagBit(${i},${bit}${bit === 3 && realDescriptor ? ',descriptor' : ''})`,
      apply: (m: ZipModel) => {
        const e = pick(m.entries, i);
        e.flags ^= 1 << bit;
        if (bit === 3 && realDescriptor) {
          e.descriptor = true;
          e.local = { ...e.local, crc32: 0, compressedSize: 0, uncompressedSize: 0 };
        }
      },
    })),
  fc
    .tuple(
      fc.nat(),
      fc.oneof(
        fc.constantFrom(
          'unicodePath',
          'emptyZip64',
          'ntfs',
          'timestamp',
          'unknown',
          'overrun',
          'localOnly',
          'partial',
        ),
      ),
      fc.constantFrom(...NAMES, ...ODD_NAMES),
    )
    .map(([i, kind, other]) => ({
      label: `extra(${i},${kind})`,
      apply: (m: ZipModel) => {
        const e = pick(m.entries, i);
        const field =
          kind === 'unicodePath'
            ? unicodePathFor(e.name, other)
            : kind === 'emptyZip64'
              ? extraField(0x0001, Buffer.alloc(0))
              : kind === 'ntfs'
                ? extraField(0x000a, Buffer.alloc(32))
                : kind === 'timestamp'
                  ? extraField(0x5455, Buffer.from([1, 0, 0, 0, 0]))
                  : kind === 'unknown'
                    ? extraField(0xcafe, Buffer.alloc(0))
                    : kind === 'overrun'
                      ? Buffer.from([0x55, 0x54, 0x20, 0x00, 1])
                      : kind === 'partial'
                        ? Buffer.from([0x55, 0x54])
                        : extraField(0x5455, Buffer.from([1, 0, 0, 0, 0]));
        if (kind === 'localOnly') e.localExtra = field;
        else e.extra = Buffer.concat([e.extra, field]);
      },
    })),
  fc.tuple(fc.nat(), fc.boolean()).map(([i, need45]) => ({
    label: `zip64Sizes(${i}${need45 ? ',v45' : ''})`,
    apply: (m: ZipModel) => {
      const e = pick(m.entries, i);
      e.zip64 = true;
      if (need45) e.versionNeeded = 45;
    },
  })),
  fc
    .tuple(fc.nat(), fc.nat(), fc.constantFrom('same', 'upper', 'nfd', 'folder', 'child'))
    .map(([i, j, how]) => ({
      label: `collide(${i},${j},${how})`,
      apply: (m: ZipModel) => {
        const a = pick(m.entries, i);
        const b = pick(m.entries, j);
        const bare = a.name.replace(/\/$/, '');
        const name =
          how === 'same'
            ? a.name
            : how === 'upper'
              ? a.name.toUpperCase()
              : how === 'nfd'
                ? a.name.normalize('NFD')
                : how === 'folder'
                  ? `${bare}/`
                  : `${bare}/x`;
        b.name = name;
        b.localName = undefined;
        if (name.endsWith('/')) b.data = Buffer.alloc(0);
      },
    })),
  fc.tuple(fc.nat(), fc.constantFrom(...ODD_NAMES)).map(([i, name]) => ({
    label: `rename(${i},${JSON.stringify(name)})`,
    apply: (m: ZipModel) => {
      const e = pick(m.entries, i);
      e.name = name;
      if (name.endsWith('/')) e.data = Buffer.alloc(0);
    },
  })),
  fc
    .tuple(fc.nat(), fc.constantFrom('noUtf8Flag', 'symlink', 'dirType', 'dosDir', 'noMode'))
    .map(([i, how]) => ({
      label: `attributes(${i},${how})`,
      apply: (m: ZipModel) => {
        const e = pick(m.entries, i);
        if (how === 'noUtf8Flag') e.flags &= ~0x800;
        else if (how === 'symlink') e.externalAttributes = (0o120777 << 16) >>> 0;
        else if (how === 'dirType') e.externalAttributes = (0o040755 << 16) >>> 0;
        else if (how === 'dosDir') {
          e.versionMadeBy = 20;
          e.externalAttributes = 0x10;
        } else e.externalAttributes = 0;
      },
    })),
  fc.tuple(fc.nat(), fc.constantFrom(1, 8, 9, 12, 14, 93, 99)).map(([i, method]) => ({
    label: `method(${i},${method})`,
    apply: (m: ZipModel) => {
      const e = pick(m.entries, i);
      // 8 on a stored entry: the headers say deflated, the bytes are not.
      e.method = method === 8 && e.method === 8 ? 0 : method;
    },
  })),
  fc.tuple(fc.nat(), fc.constantFrom(0, 10, 45, 46, 51, 63, 0xff)).map(([i, version]) => ({
    label: `versionNeeded(${i},${version})`,
    apply: (m: ZipModel) => void (pick(m.entries, i).versionNeeded = version),
  })),
);

/** One case: a valid zip, some structural mutations, some byte mutations (often none of either). */
export const fuzzCase: fc.Arbitrary<FuzzCase> = fc
  .tuple(
    baseEntries,
    fc.array(mutations, { minLength: 0, maxLength: 3 }),
    fc.oneof(
      { weight: 3, arbitrary: fc.constant([] as ByteMutation[]) },
      { weight: 1, arbitrary: fc.array(byteMutations, { minLength: 1, maxLength: 2 }) },
    ),
  )
  .map(([entries, structural, blind]) => {
    const model: ZipModel = { entries: entries.map((e) => ({ ...e })) };
    for (const m of structural) m.apply(model);
    let out = serialize(model);
    for (const b of blind) out = b.apply(out);
    return { labels: [...structural.map((m) => m.label), ...blind.map((b) => b.label)], bytes: out };
  });

/** `count` cases from `seed`: the same seed always gives the same zips. */
export function fuzzCases(seed: number, count: number): FuzzCase[] {
  return fc.sample(fuzzCase, { seed, numRuns: count });
}
