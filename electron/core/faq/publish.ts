import type { PublicationStats } from '../../../shared/domain/faq';
import { KotaeError } from '../../../shared/errors';
import type { Library } from '../library';
import { ensureVendorKey } from '../signing';
import { contentKey } from './collect';
import { SiteWriter } from './output';
import { prepare, type Prepared } from './prepare';
import { decisionKey } from './privacy';
import { scanWorker } from './scan';
import { buildSite, type PublishedAnswer } from './siteBuild';
import type { SiteState } from './sitePages';
import type { Theme } from './theme';


// A publication: privacy check, the site staged (siteBuild.ts: only what changed is rendered and
// written, the search index patched), the published texts scanned once more, everything put in
// place at once, and a record of it in the library with a work-log entry.

export interface PublishOptions {
  outDir?: string;
  signal?: AbortSignal;
  progress?: (fraction: number, phase: string) => void;
  theme?: Theme;
}

export interface PublishResult {
  publicationId: number;
  outDir: string;
  stats: PublicationStats;
}

function cancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new KotaeError('CANCELLED');
}

export async function publishFaq(library: Library, options: PublishOptions = {}): Promise<PublishResult> {
  const started = Date.now();
  const progress = options.progress ?? (() => undefined);
  const check = () => cancelled(options.signal);
  progress(0, 'collect');
  const prepared = await prepare(library, {
    ...(options.signal ? { signal: options.signal } : {}),
    progress: (fraction) => progress(0.05 * fraction, 'scan'),
  });
  const { snapshot } = prepared;
  const outDir = options.outDir ?? snapshot.settings.outDir;
  if (!outDir) throw new KotaeError('PUBLISH_BLOCKED', {}, 'no output folder', 'errors:FAQ_NO_FOLDER');
  progress(0.05, 'scan');
  if (prepared.unresolved > 0) {
    throw new KotaeError(
      'PUBLISH_BLOCKED',
      { count: prepared.unresolved },
      undefined,
      'errors:PUBLISH_BLOCKED_FINDINGS',
    );
  }
  check();
  // Every page's footer shows the signing key's fingerprint (issue 15): made on first need.
  await ensureVendorKey(library);
  const writer = await SiteWriter.open<SiteState>(outDir);
  try {
    const result = await buildSite(library, prepared, writer, { theme: options.theme, progress, check });
    check();
    progress(0.92, 'scan');
    await verifyPublished(prepared, result.published, options.signal);
    check();
    progress(0.95, 'commit');
    const counts = await writer.commit(result.state);
    const stats: PublicationStats = {
      ...result.stats,
      ...counts,
      bytes: writer.totalBytes,
      durationMs: Date.now() - started,
    };
    const publicationId = record(library, writer.outDir, prepared, stats);
    progress(1, 'commit');
    return { publicationId, outDir: writer.outDir, stats };
  } catch (err) {
    await writer.abort();
    throw err;
  }
}

/**
 * Scans what is about to be published once more, in the worker, with the same customers and
 * customer texts as the first scan: only findings marked "not personal" may remain. Nothing is
 * committed otherwise.
 */
async function verifyPublished(
  prepared: Prepared,
  published: readonly PublishedAnswer[],
  signal?: AbortSignal,
): Promise<void> {
  if (!published.length) return;
  const found = await scanWorker.scan(
    prepared.scanner.spec,
    published.map((p) => ({ units: p.units, customerTexts: prepared.texts.get(p.answerId) ?? [] })),
    signal ? { signal } : {},
  );
  published.forEach((p, i) => {
    for (const unit of found[i] ?? [])
      for (const f of unit)
        if (prepared.decisions.get(decisionKey('answer', p.answerId, f.kind, f.key)) !== 'not_personal')
          throw new KotaeError(
            'PUBLISH_BLOCKED',
            { count: 1 },
            `answer ${p.answerId}: ${f.kind} "${f.text}" survived redaction`,
            'errors:PUBLISH_BLOCKED_FINDINGS',
          );
  });
}

function record(library: Library, outDir: string, prepared: Prepared, stats: PublicationStats): number {
  const { answers, clips } = prepared.snapshot;
  const published = answers.map((a) => ({
    id: a.id,
    slug: a.slug,
    title: a.title,
    key: contentKey(a, clips),
  }));
  return library.mutate(
    (id: number) => ({
      action: 'faq.published',
      entity: 'publication',
      entityId: id,
      summary: `FAQ published: ${answers.length} answers to ${outDir}`,
      detail: { ...stats, outDir },
    }),
    (db) =>
      Number(
        db
          .prepare('INSERT INTO publications (at, out_dir, answers, stats) VALUES (?, ?, ?, ?)')
          .run(library.now(), outDir, JSON.stringify(published), JSON.stringify(stats)).lastInsertRowid,
      ),
  );
}
