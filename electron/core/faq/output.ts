import { hash as digest, randomBytes } from 'node:crypto';
import { constants, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { KotaeError } from '../../../shared/errors';
import { assertOutputFolder, writeFileAtomicSync } from '../files';

// The site folder, changed as a whole or not at all. A publication first writes every new or
// changed file into a staging folder inside the site's own `.kotae-faq/` (nothing visible
// changes; cancel or a crash here just leaves a staging folder that the next run removes). It then
// writes a commit journal, moves the staged files into place by rename (milliseconds), deletes
// files of the old site that the new one no longer has, and records the manifest. A run killed
// during those renames is finished by the next run from the journal, before anything else.

export const STATE_DIR = '.kotae-faq';
const MANIFEST = 'manifest.json';
const JOURNAL = 'commit.json';
const MANIFEST_VERSION = 1;
const WRITE_CONCURRENCY = 32;

export interface ManifestFile {
  /** sha256 of the content. */
  hash: string;
  size: number;
  /** Hash of what the file was made from, when making it is worth skipping (pages). */
  input?: string;
}

export interface Manifest<Extra = unknown> {
  version: number;
  files: Record<string, ManifestFile>;
  extra: Extra | null;
}

interface Journal {
  staging: string;
  /** [site path, name in the staging folder]: staging is flat, one folder, no tree to make twice. */
  moves: [string, string][];
  deletes: string[];
  manifest: Manifest;
}

const sha256 = (data: string | Uint8Array) => digest('sha256', data);

/** True for a path a site may contain: relative, no `..`, no state folder, no odd characters. */
export function isSitePath(p: string): boolean {
  return (
    /^[a-zA-Z0-9][a-zA-Z0-9._/-]*$/.test(p) &&
    !p.split('/').some((s) => s === '' || s === '.' || s === '..') &&
    !p.startsWith(`${STATE_DIR}/`)
  );
}

/** Renames leaves first and entry points last, so a reader never follows a link to nothing. */
function commitRank(p: string): number {
  if (p === 'index.html') return 5;
  if (p === 'search/meta.js') return 4;
  if (p.endsWith('.html')) return 3;
  if (p.startsWith('assets/')) return 2;
  return 1;
}

export class SiteWriter<Extra = unknown> {
  readonly previous: Manifest<Extra>;
  private readonly next: Record<string, ManifestFile> = {};
  private readonly staged = new Map<string, string>();
  /** Staging writes in flight: thousands of small files are written many at a time. */
  private readonly inflight = new Set<Promise<void>>();
  private failure: unknown = null;
  private readonly staging: string;
  stagedBytes = 0;
  totalBytes = 0;

  private constructor(
    readonly outDir: string,
    previous: Manifest<Extra>,
  ) {
    this.previous = previous;
    this.staging = path.join(outDir, STATE_DIR, `staging-${randomBytes(4).toString('hex')}`);
  }

  /** Opens (or creates) a site folder; finishes or discards what an interrupted run left. */
  static async open<Extra>(outDir: string): Promise<SiteWriter<Extra>> {
    const dir = path.resolve(outDir);
    if (existsSync(dir) && !statSync(dir).isDirectory())
      throw new KotaeError('FOLDER_NOT_EMPTY', { path: dir }, 'not a folder', 'errors:FAQ_FOLDER_NOT_SITE');
    // The site folder itself is made here, but inside a folder the vendor has.
    if (!existsSync(dir)) assertOutputFolder(dir);
    await mkdir(dir, { recursive: true });
    const state = path.join(dir, STATE_DIR);
    const manifestFile = path.join(state, MANIFEST);
    const entries = readdirSync(dir).filter((n) => n !== STATE_DIR && n !== '.DS_Store');
    if (!existsSync(manifestFile) && entries.length > 0) {
      // Never write over files that are not ours: this folder holds something else.
      throw new KotaeError(
        'FOLDER_NOT_EMPTY',
        { path: dir },
        'no Kotae FAQ manifest',
        'errors:FAQ_FOLDER_NOT_SITE',
      );
    }
    await mkdir(state, { recursive: true });
    await recover(dir);
    let previous: Manifest<Extra> = { version: MANIFEST_VERSION, files: {}, extra: null };
    if (existsSync(manifestFile)) {
      try {
        const parsed = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest<Extra>;
        if (parsed.version === MANIFEST_VERSION && parsed.files) previous = parsed;
      } catch {
        /* unreadable manifest: everything is rewritten, nothing is lost */
      }
    }
    return new SiteWriter<Extra>(dir, previous);
  }

  /** The previous file is still right for this input and still on disk, untouched in size. */
  async reusable(p: string, input: string): Promise<boolean> {
    const prev = this.previous.files[p];
    if (!prev || prev.input !== input) return false;
    try {
      return (await stat(path.join(this.outDir, p))).size === prev.size;
    } catch {
      return false;
    }
  }

  /**
   * Which of these files can be kept. One stat each, synchronously: for the ten thousand pages of
   * a big site that is ~30 ms, where as many promise-based stats through libuv's thread pool took
   * ~10× longer (issue 20: a one-edit republish below half a second).
   */
  async reusableMany(entries: readonly (readonly [string, string])[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (const [p, input] of entries)
      if (this.previous.files[p]?.input === input && this.intact(p)) out.add(p);
    return out;
  }

  /** The previous publication wrote this file, and it is still there with its size. */
  intact(p: string): boolean {
    const prev = this.previous.files[p];
    if (!prev) return false;
    try {
      return statSync(path.join(this.outDir, p)).size === prev.size;
    } catch {
      return false;
    }
  }

  /** Keeps the previous file as it is. */
  keep(p: string): void {
    const prev = this.previous.files[p];
    if (!prev) throw new Error(`nothing to keep at ${p}`);
    this.next[p] = prev;
    this.totalBytes += prev.size;
  }

  /** Puts a file into the new site; written only if it differs from what is there. */
  async put(p: string, content: string | Uint8Array, input?: string): Promise<boolean> {
    if (!isSitePath(p)) throw new Error(`not a site path: ${p}`);
    const data = typeof content === 'string' ? Buffer.from(content) : content;
    const hash = sha256(data);
    const entry: ManifestFile = { hash, size: data.length, ...(input ? { input } : {}) };
    this.next[p] = entry;
    this.totalBytes += data.length;
    if (this.previous.files[p]?.hash === hash && (await this.onDisk(p, data.length))) return false;
    const target = await this.stagingPath(p);
    await this.background(() => writeFile(target, data));
    this.stagedBytes += data.length;
    return true;
  }

  /** Copies a file (a media file, addressed by its sha256) into the new site if not there yet. */
  async copy(p: string, source: string, hash: string, size: number): Promise<boolean> {
    if (!isSitePath(p)) throw new Error(`not a site path: ${p}`);
    this.next[p] = { hash, size };
    this.totalBytes += size;
    if (this.previous.files[p]?.hash === hash && (await this.onDisk(p, size))) return false;
    const target = await this.stagingPath(p);
    await this.background(() => copyFile(source, target, constants.COPYFILE_FICLONE));
    this.stagedBytes += size;
    return true;
  }

  private async background(write: () => Promise<void>): Promise<void> {
    if (this.failure) throw this.failure;
    while (this.inflight.size >= WRITE_CONCURRENCY) await Promise.race(this.inflight);
    const job: Promise<void> = write()
      .catch((err: unknown) => {
        this.failure ??= err;
      })
      .finally(() => this.inflight.delete(job));
    this.inflight.add(job);
  }

  /** Waits for the staging writes; throws the first that failed. */
  private async drain(): Promise<void> {
    await Promise.all(this.inflight);
    if (this.failure) throw this.failure;
  }

  private async stagingPath(p: string): Promise<string> {
    if (this.staged.size === 0) await mkdir(this.staging, { recursive: true });
    const name = this.staged.get(p) ?? this.staged.size.toString(36);
    this.staged.set(p, name);
    return path.join(this.staging, name);
  }

  has(p: string): boolean {
    return p in this.next;
  }

  private async onDisk(p: string, size: number): Promise<boolean> {
    try {
      return statSync(path.join(this.outDir, p)).size === size;
    } catch {
      return false;
    }
  }

  /** Throws away the staged files; the site stays as it was. */
  async abort(): Promise<void> {
    await Promise.allSettled(this.inflight);
    await rm(this.staging, { recursive: true, force: true });
  }

  /** Moves the staged files into place and records the manifest. */
  async commit(extra: Extra): Promise<{ written: number; removed: number; unchanged: number }> {
    await this.drain();
    const deletes = Object.keys(this.previous.files).filter((p) => !(p in this.next));
    const moves = [...this.staged].sort(([a], [b]) => commitRank(a) - commitRank(b) || a.localeCompare(b));
    const manifest: Manifest<Extra> = { version: MANIFEST_VERSION, files: this.next, extra };
    const journal: Journal = { staging: path.basename(this.staging), moves, deletes, manifest };
    // The manifest (a few megabytes for a big site) is serialised once, for the journal and the file.
    const manifestJson = JSON.stringify(manifest);
    const journalJson = `${JSON.stringify({ ...journal, manifest: null }).slice(0, -'null}'.length)}${manifestJson}}`;
    writeFileAtomicSync(path.join(this.outDir, STATE_DIR, JOURNAL), journalJson);
    await applyJournal(this.outDir, journal, manifestJson);
    return {
      written: moves.length,
      removed: deletes.length,
      unchanged: Object.keys(this.next).length - moves.length,
    };
  }
}

async function applyJournal(outDir: string, journal: Journal, manifestJson?: string): Promise<void> {
  const staging = path.join(outDir, STATE_DIR, journal.staging);
  const made = new Set<string>();
  for (const [p, name] of journal.moves) {
    if (!isSitePath(p) || !/^[0-9a-z]+$/.test(name)) continue;
    const from = path.join(staging, name);
    const to = path.join(outDir, p);
    const dir = path.dirname(to);
    if (!made.has(dir)) {
      await mkdir(dir, { recursive: true });
      made.add(dir);
    }
    try {
      await rename(from, to);
    } catch (err) {
      // Moved before an interruption: the journal is being finished by a later run.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  for (const p of journal.deletes) {
    if (!isSitePath(p)) continue;
    await rm(path.join(outDir, p), { force: true });
    await removeEmptyParents(outDir, path.dirname(p));
  }
  writeFileAtomicSync(
    path.join(outDir, STATE_DIR, MANIFEST),
    manifestJson ?? JSON.stringify(journal.manifest),
  );
  await rm(path.join(outDir, STATE_DIR, JOURNAL), { force: true });
  await rm(staging, { recursive: true, force: true });
}

async function removeEmptyParents(outDir: string, rel: string): Promise<void> {
  for (let dir = rel; dir && dir !== '.'; dir = path.dirname(dir)) {
    try {
      if ((await readdir(path.join(outDir, dir))).length > 0) return;
      await rmdir(path.join(outDir, dir));
    } catch {
      return;
    }
  }
}

/** Finishes a commit an earlier run started, or discards the staging it left. */
async function recover(outDir: string): Promise<void> {
  const state = path.join(outDir, STATE_DIR);
  const journalFile = path.join(state, JOURNAL);
  if (existsSync(journalFile)) {
    let journal: Journal | null;
    try {
      journal = JSON.parse(readFileSync(journalFile, 'utf8')) as Journal;
    } catch {
      journal = null; // unreadable: it was written atomically, so this is not a journal of ours
    }
    if (journal && /^staging-[0-9a-f]+$/.test(journal.staging)) await applyJournal(outDir, journal);
    else await rm(journalFile, { force: true });
  }
  for (const name of readdirSync(state)) {
    if (name.startsWith('staging-')) await rm(path.join(state, name), { recursive: true, force: true });
  }
}
