import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rename, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BundleExportRequest, BundlePreview, BundleRecord } from '../../../shared/domain/bundle';
import { KotaeError, toAppError } from '../../../shared/errors';
import { assertOutputFolder, tempPathFor } from '../files';
import type { Library } from '../library';
import { gatherContent } from './content';
import { estimateEmailBytes } from '../media';
import { buildManifest, manifestBytes } from './manifest';
import { assertMediaAsStored } from './mediaSent';
import { bundleBaseName, entryBytes, planBundle, zipSizeEstimate } from './plan';
import { getBundle, recordBundle } from './records';
import { vendorSigner } from '../signing';
import { signatureFile } from './signature';
import { renderSmallerVideos } from './smallerVideos';
import { hashEntries, writeFolder, writeZip, type FileEntry } from './zip/writeBundle';

export interface ExportProgress {
  signal: AbortSignal;
  /** fraction of the whole export, and the phase (an i18n key) when it changes. */
  progress(fraction: number, phase?: string): void;
}

export interface ExportTargets {
  /** The zip to write (replaced atomically if it exists), or null for no zip. */
  zipPath: string | null;
  /** The folder to create (must not exist), or null for no folder. */
  folderPath: string | null;
}

export interface ExportEnvironment {
  appVersion: string;
  ffmpegPath?: string | undefined;
  viewerDir?: string | undefined;
}

function answerSlug(library: Library, answerId: number): { slug: string; revision: number } {
  const row = library.db.prepare('SELECT slug, revision FROM answers WHERE id = ?').get(answerId) as
    { slug: string; revision: number } | undefined;
  if (!row) throw new KotaeError('NOT_FOUND', { id: answerId });
  return row;
}

/** The file name a bundle of this answer gets by default (without `.zip`). */
export function defaultBundleName(library: Library, answerId: number): string {
  const { slug, revision } = answerSlug(library, answerId);
  return bundleBaseName(slug, answerId, revision);
}

/** A folder path beside `wanted` that does not exist yet: `name`, `name (2)`, `name (3)`… */
export function freeFolderPath(wanted: string): string {
  if (!existsSync(wanted)) return wanted;
  for (let n = 2; ; n++) {
    const candidate = `${wanted} (${n})`;
    if (!existsSync(candidate)) return candidate;
  }
}

/** What the export dialog shows before anything is written: sizes, the greeting, what blocks it. */
export function previewBundle(
  library: Library,
  request: BundleExportRequest,
  env: ExportEnvironment,
): BundlePreview {
  const name = defaultBundleName(library, request.answerId);
  const answer = library.db
    .prepare('SELECT title, revision, language FROM answers WHERE id = ?')
    .get(request.answerId) as { title: string; revision: number; language: 'ja' | 'en' };
  const empty: BundlePreview = {
    answerId: request.answerId,
    answerTitle: answer.title,
    revision: answer.revision,
    language: answer.language,
    customerName: null,
    greeting: null,
    fileCount: 0,
    bytes: 0,
    bytesEmail: 0,
    videos: [],
    defaultFileName: `${name}.zip`,
    emailSubject: '',
    blocked: null,
  };
  try {
    const content = gatherContent(library, request);
    const plan = planBundle(library, content, {
      createdAt: library.now(),
      bundleUid: randomUUID(),
      appVersion: env.appVersion,
      attachmentName: `${name}.zip`,
      viewerDir: env.viewerDir,
    });
    const bytes = zipSizeEstimate(plan.entries);
    const videos = content.clips.map((clip, i) => {
      const entry = plan.entries.find((e) => e.path.startsWith(`media/video-${i + 1}.`)) as FileEntry;
      return {
        clipId: clip.id,
        title: clip.title,
        durationS: clip.output?.durationS ?? null,
        bytes: entry.size,
        emailBytes: estimateEmailBytes(clip.output?.durationS ?? null, entry.size),
      };
    });
    const saved = videos.reduce((sum, v) => sum + v.bytes - v.emailBytes, 0);
    return {
      ...empty,
      customerName: content.customer?.name ?? null,
      greeting: content.greeting,
      // + manifest.json and signature.json
      fileCount: plan.entries.length + 2,
      bytes,
      bytesEmail: bytes - saved,
      videos,
      emailSubject: plan.email.subject,
    };
  } catch (err) {
    const error = toAppError(err);
    if (error.code !== 'BUNDLE_EXPORT_BLOCKED') throw err;
    return { ...empty, blocked: error };
  }
}

/**
 * Keeps the CRC-32s the zip computed for media stored before the library recorded them, so the next
 * export copies those files unread. A cache of a fact about immutable bytes: no work-log entry.
 */
function rememberChecksums(library: Library, learned: { sha256: string; crc32: number }[]): void {
  if (!learned.length) return;
  const update = library.db.prepare('UPDATE media_assets SET crc32 = ? WHERE sha256 = ? AND crc32 IS NULL');
  library.db.transaction(() => learned.forEach((l) => update.run(l.crc32, l.sha256))).immediate();
}

/**
 * Exports a bundle: gathers the answer, renders smaller videos if asked, writes the zip and/or the
 * folder under temp names, renames them into place, and records the Bundle with its log entry in
 * one transaction. Cancelled or failed, it leaves no file and no record behind.
 */
export async function exportBundle(
  library: Library,
  request: BundleExportRequest,
  targets: ExportTargets,
  env: ExportEnvironment,
  job: ExportProgress,
): Promise<BundleRecord> {
  if (!targets.zipPath && !targets.folderPath) {
    throw new KotaeError('INVALID_INPUT', {}, 'no zip and no folder to write');
  }
  for (const target of [targets.zipPath, targets.folderPath]) if (target) assertOutputFolder(target);
  job.progress(0, 'bundle:phase.prepare');
  // The key first: made on first need, so the pages and the e-mail show its fingerprint; a key the
  // keychain will not open stops the export before anything is written.
  const signer = await vendorSigner(library);
  const createdAt = library.now();
  const bundleUid = randomUUID();
  const outputName = path.basename(targets.zipPath ?? targets.folderPath!);
  const content = gatherContent(library, request);
  const plan = planBundle(library, content, {
    createdAt,
    bundleUid,
    appVersion: env.appVersion,
    attachmentName: outputName,
    videoRendition: request.videoRendition,
    viewerDir: env.viewerDir,
  });
  await assertMediaAsStored(library, plan.entries, job.signal);

  const cleanup: string[] = [];
  try {
    let entries = plan.entries;
    const renderShare = request.videoRendition === 'email' && content.clips.length ? 0.6 : 0;
    if (renderShare) {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'kotae-rendition-'));
      cleanup.push(dir);
      entries = await renderSmallerVideos(entries, content.clips, dir, env, job, renderShare);
    }

    const writes = (targets.zipPath ? 1 : 0) + (targets.folderPath ? 1 : 0);
    const total = Math.max(1, entries.reduce((sum, e) => sum + entryBytes(e), 0) * writes);
    let done = 0;
    const onBytes = (n: number) => {
      done += n;
      job.progress(renderShare + (0.97 - renderShare) * Math.min(1, done / total));
    };
    const writeOptions = { signal: job.signal, onBytes, mtime: new Date(createdAt) };
    const makeManifest = (files: Parameters<typeof buildManifest>[1]) =>
      manifestBytes(
        buildManifest(
          {
            bundleUid,
            answer: {
              id: content.answer.id,
              revision: content.answer.revision,
              language: content.answer.language,
            },
            createdAt,
            appVersion: env.appVersion,
          },
          files,
        ),
      );

    const signManifest = (bytes: Buffer) => signatureFile(signer, bytes);
    let manifest: Buffer;
    let signature: Buffer;
    let zipTmp: string | null = null;
    if (targets.zipPath) {
      job.progress(renderShare, 'bundle:phase.zip');
      zipTmp = tempPathFor(targets.zipPath);
      cleanup.push(zipTmp);
      const zip = await writeZip(zipTmp, entries, makeManifest, signManifest, writeOptions);
      manifest = zip.manifest;
      signature = zip.signature;
      rememberChecksums(library, zip.learned);
    } else {
      manifest = makeManifest(await hashEntries(entries));
      signature = signManifest(manifest);
    }
    let folderTmp: string | null = null;
    if (targets.folderPath) {
      job.progress(renderShare + (0.97 - renderShare) * (done / total), 'bundle:phase.folder');
      folderTmp = tempPathFor(targets.folderPath);
      cleanup.push(folderTmp);
      await writeFolder(folderTmp, entries, manifest, signature, writeOptions);
    }
    if (job.signal.aborted) throw new KotaeError('CANCELLED');

    // Everything is written: put it in place, then record it. Should recording fail, the outputs go
    // again, so the library never lacks a record of a bundle that exists.
    job.progress(0.97, 'bundle:phase.record');
    if (zipTmp && targets.zipPath) {
      await rename(zipTmp, targets.zipPath);
      cleanup.splice(cleanup.indexOf(zipTmp), 1, targets.zipPath);
    }
    if (folderTmp && targets.folderPath) {
      await rename(folderTmp, targets.folderPath);
      cleanup.splice(cleanup.indexOf(folderTmp), 1, targets.folderPath);
    }
    const size = targets.zipPath
      ? (await stat(targets.zipPath)).size
      : entries.reduce((sum, e) => sum + entryBytes(e), 0) + manifest.length + signature.length;
    const id = recordBundle(library, {
      request: { ...request, personalised: content.personalised },
      content,
      targets,
      outputName,
      size,
      fileCount: entries.length + 2,
      manifest,
      bundleUid,
      createdAt,
      email: plan.email,
    });
    cleanup.length = 0;
    return getBundle(library.db, id);
  } finally {
    // Temp files always; final outputs only when recording failed (see above).
    for (const p of cleanup) await rm(p, { recursive: true, force: true });
  }
}
