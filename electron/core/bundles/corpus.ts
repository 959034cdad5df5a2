import { SIGNATURE_FILE } from '../../../shared/domain/signing';
import { testSigner } from '../signing/testing';
import { sha256Of } from './manifest';
import { signatureFile } from './signature';
import type { InvalidReason } from './verify';
import { rawZip, type RawEntry } from './zip/rawZip';
import zlib from 'node:zlib';

// The hostile-bundle corpus (issue 9): zips a customer could send back or a vendor could be handed
// as "our bundle", each with the outcome verifyBundleZip must give. Cases are pure functions of the
// entries of a sound exported bundle (`sound`), so the corpus is data; `corpus.test.ts` runs it.
// verify.test.ts keeps the detailed tests of each check (parameters, streaming limits).

export type BundleOutcome = 'verified' | { rejected: InvalidReason };

export interface BundleCase {
  name: string;
  bytes: (sound: RawEntry[]) => Buffer;
  expected: BundleOutcome;
}

const x = Buffer.from('x');

function plus(...extra: RawEntry[]): (sound: RawEntry[]) => Buffer {
  return (sound) => rawZip([...sound, ...extra]);
}

/** Someone else's key: a manifest edited by an attacker is signed again with it, so it verifies. */
const otherKey = testSigner();

/** The manifest changed by `edit` and, unless `resign` is false, signed again (with another key). */
function editManifest(
  sound: RawEntry[],
  edit: (m: { files: { path: string; size: number; sha256: string }[] } & Record<string, unknown>) => void,
  resign = true,
): RawEntry[] {
  const old = sound.find((e) => e.name === 'manifest.json')!;
  const manifest = JSON.parse(old.data.toString()) as Parameters<typeof edit>[0];
  edit(manifest);
  const data = Buffer.from(JSON.stringify(manifest));
  return sound.map((e) =>
    e.name === 'manifest.json'
      ? { ...e, data }
      : e.name === SIGNATURE_FILE && resign
        ? { ...e, data: signatureFile(otherKey, data) }
        : e,
  );
}

/** index.html with a phishing line, and the manifest listing its new hash (re-signed or not). */
function phishingRehashed(sound: RawEntry[], resign: boolean): RawEntry[] {
  const page = sound.find((e) => e.name === 'index.html')!;
  const changed = Buffer.from(page.data.toString().replace('</main>', '<p>Send your password</p></main>'));
  const edited = editManifest(
    sound,
    (m) => {
      const f = m.files.find((x) => x.path === 'index.html')!;
      f.size = changed.length;
      f.sha256 = sha256Of(changed);
    },
    resign,
  );
  return edited.map((e) => (e.name === 'index.html' ? { ...e, data: changed } : e));
}

function replace(sound: RawEntry[], name: string, data: (old: Buffer) => Buffer): RawEntry[] {
  return sound.map((e) => (e.name === name ? { ...e, data: data(e.data), method: 0 } : e));
}

const phishing = Buffer.from('<!doctype html><p>Send your password to us</p>');

function renamedLocally(sound: RawEntry[], name: string, localName: string): RawEntry[] {
  return sound.map((e) => (e.name === name ? { ...e, localName } : e));
}

/** An Info-ZIP Unicode Path extra field: a second name for `name`, which some tools show instead. */
function unicodePath(name: string, second: string): Buffer {
  const text = Buffer.from(second);
  const field = Buffer.alloc(9 + text.length);
  field.writeUInt16LE(0x7075, 0);
  field.writeUInt16LE(5 + text.length, 2);
  field.writeUInt8(1, 4);
  field.writeUInt32LE(zlib.crc32(Buffer.from(name)), 5);
  text.copy(field, 9);
  return field;
}

/** The zip with one byte of index.html's stored data changed and both headers left as they were. */
function changedUnderHeaders(sound: RawEntry[]): Buffer {
  const stored = sound.map((e) => ({ ...e, method: 0 }));
  const bytes = rawZip(stored);
  const page = stored.find((e) => e.name === 'index.html')!.data;
  const at = bytes.indexOf(page);
  bytes[at + (page.length >> 1)]! ^= 0x20;
  return bytes;
}

/** A central directory of `count` tiny entries: only the entry count should be read. */
function manyEntries(count: number): Buffer {
  const entries: RawEntry[] = [];
  for (let i = 0; i < count; i++) entries.push({ name: `media/${i}.txt`, data: Buffer.alloc(0) });
  return rawZip(entries);
}

export const bundleCorpus: BundleCase[] = [
  { name: 'the bundle the app exported', bytes: (s) => rawZip(s), expected: 'verified' },

  // Not a zip, or not a whole one.
  { name: 'zero bytes', bytes: () => Buffer.alloc(0), expected: { rejected: 'notAZip' } },
  { name: 'plain text named .zip', bytes: () => Buffer.from('this is not a zip at all\n'.repeat(50)), expected: { rejected: 'notAZip' } },
  {
    name: 'an HTML page named .zip',
    bytes: () => Buffer.from('<!doctype html><script>window.__pwned=1</script>'),
    expected: { rejected: 'notAZip' },
  },
  { name: 'the bundle cut at half', bytes: (s) => { const z = rawZip(s); return z.subarray(0, z.length >> 1); }, expected: { rejected: 'notAZip' } },
  { name: 'the bundle missing its last byte', bytes: (s) => { const z = rawZip(s); return z.subarray(0, z.length - 1); }, expected: { rejected: 'notAZip' } },
  {
    name: 'the bundle with its middle overwritten by zeros (central directory intact)',
    bytes: (s) => {
      const z = rawZip(s);
      z.fill(0, z.length >> 3, z.length >> 1);
      return z;
    },
    expected: { rejected: 'corrupt' },
  },
  { name: 'an empty zip (only the end record)', bytes: () => rawZip([]), expected: { rejected: 'noManifest' } },
  { name: 'a central directory of 60,000 entries', bytes: () => manyEntries(60_000), expected: { rejected: 'tooManyEntries' } },

  // Names that try to leave the folder or confuse a file system.
  { name: 'zip-slip ../../evil.sh', bytes: plus({ name: '../../evil.sh', data: x }), expected: { rejected: 'zipSlip' } },
  { name: 'zip-slip hidden in a path: media/../../evil', bytes: plus({ name: 'media/../../evil', data: x }), expected: { rejected: 'zipSlip' } },
  { name: 'zip-slip with backslashes: media\\..\\..\\evil', bytes: plus({ name: 'media\\..\\..\\evil', data: x }), expected: { rejected: 'zipSlip' } },
  { name: 'absolute path /etc/cron.d/evil', bytes: plus({ name: '/etc/cron.d/evil', data: x }), expected: { rejected: 'absolutePath' } },
  { name: 'drive letter C:/Windows/evil.dll', bytes: plus({ name: 'C:/Windows/evil.dll', data: x }), expected: { rejected: 'absolutePath' } },
  { name: 'drive letter with backslash C:\\evil.dll', bytes: plus({ name: 'C:\\evil.dll', data: x }), expected: { rejected: 'absolutePath' } },
  { name: 'drive-relative name C:evil.dll', bytes: plus({ name: 'C:evil.dll', data: x }), expected: { rejected: 'absolutePath' } },
  { name: 'UNC path \\\\server\\share\\evil', bytes: plus({ name: '\\\\server\\share\\evil', data: x }), expected: { rejected: 'absolutePath' } },
  { name: 'NUL inside a name (index.html\\0.exe)', bytes: plus({ name: 'index.html\u0000.exe', data: x }), expected: { rejected: 'badFileName' } },
  { name: 'newline inside a name', bytes: plus({ name: 'media/a\nb', data: x }), expected: { rejected: 'badFileName' } },
  { name: 'a name with a space (outside the bundle alphabet)', bytes: plus({ name: 'media/with space.png', data: x }), expected: { rejected: 'badFileName' } },
  { name: 'a right-to-left override in a name (evil\u202egnp.exe)', bytes: plus({ name: 'media/evil\u202egnp.exe', data: x }), expected: { rejected: 'badFileName' } },
  { name: 'a name of 60,000 characters', bytes: plus({ name: `media/${'a'.repeat(60_000)}`, data: x }), expected: { rejected: 'badFileName' } },
  { name: 'an empty name', bytes: plus({ name: '', data: x }), expected: { rejected: 'badFileName' } },
  { name: 'a symbolic link to /etc/passwd', bytes: plus({ name: 'media/link', data: Buffer.from('/etc/passwd'), externalAttributes: 0o120777 << 16 }), expected: { rejected: 'symlink' } },
  { name: 'the same name twice', bytes: plus({ name: 'index.html', data: Buffer.from('<p>other</p>') }), expected: { rejected: 'duplicateName' } },
  {
    name: 'two names that differ only in case',
    bytes: (s) => rawZip([...s, { name: 'INDEX.html', data: s.find((e) => e.name === 'index.html')!.data }]),
    expected: { rejected: 'duplicateName' },
  },

  // Zips that other tools read differently from the central directory (issue 15): refused.
  { name: 'a local header naming another file than the directory', bytes: (s) => rawZip(renamedLocally(s, 'index.html', 'evil.html')), expected: { rejected: 'localHeaderMismatch' } },
  {
    name: 'a local header whose size differs from the directory',
    bytes: (s) => rawZip(s.map((e) => (e.name === 'index.html' ? { ...e, method: 0, local: { uncompressedSize: 3, compressedSize: 3 } } : e))),
    expected: { rejected: 'localHeaderMismatch' },
  },
  { name: 'a hidden index.html before the first entry (a streaming extractor shows it)', bytes: (s) => rawZip([{ name: 'index.html', data: phishing, hidden: true }, ...s]), expected: { rejected: 'strayBytes' } },
  { name: 'a hidden page between two entries', bytes: (s) => rawZip([s[0]!, { name: 'index.html', data: phishing, hidden: true }, ...s.slice(1)]), expected: { rejected: 'strayBytes' } },
  { name: 'a hidden index.html after the last entry', bytes: (s) => rawZip([...s, { name: 'index.html', data: phishing, hidden: true }]), expected: { rejected: 'strayBytes' } },
  { name: 'a self-extractor stub before the zip', bytes: (s) => rawZip(s, { prefix: Buffer.from('MZ\x90\x00 not a real program') }), expected: { rejected: 'strayBytes' } },
  { name: 'another whole zip before the bundle', bytes: (s) => rawZip(s, { prefix: rawZip([{ name: 'index.html', data: phishing }]) }), expected: { rejected: 'strayBytes' } },
  { name: 'bytes between two entries', bytes: (s) => rawZip(s, { gap: { after: 0, bytes: Buffer.alloc(64) } }), expected: { rejected: 'strayBytes' } },
  { name: 'bytes appended after the end record', bytes: (s) => Buffer.concat([rawZip(s), Buffer.from('appended')]), expected: { rejected: 'strayBytes' } },
  { name: 'a zip comment', bytes: (s) => rawZip(s, { comment: Buffer.from('made by hand') }), expected: { rejected: 'zipComment' } },
  { name: 'an end record counting one record fewer than the directory holds', bytes: (s) => rawZip(s, { declaredEntries: s.length - 1 }), expected: { rejected: 'strayBytes' } },
  { name: 'two directory records for one local entry', bytes: (s) => rawZip([...s, { name: 'media/copy.html', data: s[0]!.data, method: s[0]!.method ?? 0, pointsAt: 0 }]), expected: { rejected: 'overlappingEntries' } },
  { name: 'a data descriptor (a re-packed zip)', bytes: plus({ name: 'media/x.bin', data: x, flags: 0x08 }), expected: { rejected: 'dataDescriptor' } },
  { name: 'a second name in an Info-ZIP Unicode Path field', bytes: (s) => rawZip(s.map((e) => (e.name === 'index.html' ? { ...e, extra: unicodePath('index.html', 'evil.html') } : e))), expected: { rejected: 'unsupportedFeature' } },
  { name: 'a zip needing a newer version than zip64 (6.3)', bytes: (s) => { const z = rawZip(s); z.writeUInt16LE(63, 4); return z; }, expected: { rejected: 'unsupportedFeature' } },
  { name: 'a file and a folder of the same name (index.html/)', bytes: plus({ name: 'index.html/', data: Buffer.alloc(0) }), expected: { rejected: 'fileFolderClash' } },
  { name: 'a file that is also a folder (media/video-1.mp4/x)', bytes: plus({ name: 'media/video-1.mp4/x', data: x }), expected: { rejected: 'fileFolderClash' } },
  { name: 'stored data changed under unchanged headers (CRC-32 mismatch)', bytes: changedUnderHeaders, expected: { rejected: 'tampered' } },

  // Bombs and lies about sizes.
  { name: 'a zip bomb (20 MB of zeros, ratio past 200)', bytes: plus({ name: 'media/bomb.bin', data: Buffer.alloc(20 << 20), method: 8 }), expected: { rejected: 'ratio' } },
  {
    name: 'a zip bomb whose headers claim 100 bytes',
    bytes: (s) => {
      const zeros = Buffer.alloc(20 << 20);
      const listed = editManifest(s, (m) => m.files.push({ path: 'media/bomb.bin', size: 100, sha256: sha256Of(zeros.subarray(0, 100)) }));
      return rawZip([...listed, { name: 'media/bomb.bin', data: zeros, method: 8, declaredSize: 100 }]);
    },
    expected: { rejected: 'sizeMismatch' },
  },
  { name: 'an encrypted entry', bytes: plus({ name: 'media/x.bin', data: Buffer.from('secret'), method: 8, flags: 1 }), expected: { rejected: 'encrypted' } },
  { name: 'an unknown compression method (bzip2)', bytes: plus({ name: 'media/x.bin', data: Buffer.from('BZh9'), method: 12 }), expected: { rejected: 'unsupportedCompression' } },

  // The manifest and what it lists.
  { name: 'no manifest', bytes: (s) => rawZip(s.filter((e) => e.name !== 'manifest.json')), expected: { rejected: 'noManifest' } },
  { name: 'a manifest that is not JSON', bytes: (s) => rawZip(replace(s, 'manifest.json', () => Buffer.from('{oops'))), expected: { rejected: 'badManifest' } },
  { name: 'a manifest of 5 MB', bytes: (s) => rawZip(replace(s, 'manifest.json', () => Buffer.alloc(5 << 20, 0x20))), expected: { rejected: 'badManifest' } },
  { name: 'a manifest listing ../outside', bytes: (s) => rawZip(editManifest(s, (m) => { m.files[0]!.path = '../outside'; })), expected: { rejected: 'badManifest' } },
  { name: 'a manifest listing a file twice', bytes: (s) => rawZip(editManifest(s, (m) => { m.files.push(m.files[0]!); })), expected: { rejected: 'badManifest' } },
  { name: 'a manifest from a future format (7)', bytes: (s) => rawZip(editManifest(s, (m) => { m.formatVersion = 7; })), expected: { rejected: 'unsupportedFormat' } },
  {
    name: 'a manifest whose __proto__ is polluted (signed again)',
    bytes: (s) => {
      const manifest = Buffer.from(s.find((e) => e.name === 'manifest.json')!.data.toString().replace('{', '{"__proto__":{"polluted":true},'));
      return rawZip(replace(replace(s, 'manifest.json', () => manifest), SIGNATURE_FILE, () => signatureFile(otherKey, manifest)));
    },
    expected: 'verified',
  },
  { name: 'a file listed but missing', bytes: (s) => rawZip(s.filter((e) => e.name !== 'media/video-1.mp4')), expected: { rejected: 'missingFile' } },
  { name: 'a file present but not listed (an added page)', bytes: plus({ name: 'media/payload.html', data: Buffer.from('<script>alert(1)</script>') }), expected: { rejected: 'extraFile' } },
  {
    name: 'a tampered page (a phishing line added)',
    bytes: (s) => rawZip(replace(s, 'index.html', (old) => Buffer.from(old.toString().replace('</main>', '<p>Send your password</p></main>')))),
    expected: { rejected: 'tampered' },
  },
  // The signature (issue 15).
  { name: 'a changed page whose manifest was re-hashed but not signed again', bytes: (s) => rawZip(phishingRehashed(s, false)), expected: { rejected: 'badSignature' } },
  // verifyBundleZip proves who signed; that it was not the vendor shows in the fingerprint (the
  // report and `kotae bundle verify --library` then say "signed with another key", and refuse).
  { name: 'a changed page, re-hashed and signed again with another key', bytes: (s) => rawZip(phishingRehashed(s, true)), expected: 'verified' },
  { name: 'the signature removed from a signed bundle', bytes: (s) => rawZip(s.filter((e) => e.name !== SIGNATURE_FILE)), expected: { rejected: 'signatureMissing' } },
  { name: 'a signature.json that is not JSON', bytes: (s) => rawZip(replace(s, SIGNATURE_FILE, () => Buffer.from('{oops'))), expected: { rejected: 'badSignature' } },
  {
    name: 'a signature with one bit flipped',
    bytes: (s) =>
      rawZip(replace(s, SIGNATURE_FILE, (old) => {
        const sig = JSON.parse(old.toString()) as { signature: string };
        const bytes = Buffer.from(sig.signature, 'base64');
        bytes[10]! ^= 1;
        return Buffer.from(JSON.stringify({ ...sig, signature: bytes.toString('base64') }));
      })),
    expected: { rejected: 'badSignature' },
  },
  {
    name: 'a signature.json with a field added',
    bytes: (s) => rawZip(replace(s, SIGNATURE_FILE, (old) => Buffer.from(JSON.stringify({ ...JSON.parse(old.toString()), note: 'trust me' })))),
    expected: { rejected: 'badSignature' },
  },
  // A downgrade to the unsigned format 1: the files match, but nobody vouches for them (the report
  // says "unsigned"; the app and the CLI accept it only when the library has its record).
  {
    name: 'a changed page, re-hashed, downgraded to format 1 and its signature removed',
    bytes: (s) => rawZip(phishingRehashed(editManifest(s, (m) => { m.formatVersion = 1; }, false), false).filter((e) => e.name !== SIGNATURE_FILE)),
    expected: 'verified',
  },
  { name: 'signature.json in an unsigned (format 1) bundle', bytes: (s) => rawZip(editManifest(s, (m) => { m.formatVersion = 1; }, false)), expected: { rejected: 'extraFile' } },
  {
    name: 'one byte flipped in the video',
    bytes: (s) => rawZip(replace(s, 'media/video-1.mp4', (old) => { const d = Buffer.from(old); d[d.length >> 1]! ^= 0xff; return d; })),
    expected: { rejected: 'tampered' },
  },
];
