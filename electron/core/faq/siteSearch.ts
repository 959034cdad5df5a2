import type { FaqAnswer } from './collect';
import type { SiteWriter } from './output';
import { updateSearchIndex } from './searchUpdate';
import type { SiteAnswer } from './site/pages';
import type { AnswerRecord, SiteState } from './sitePages';

/**
 * The site's search index brought up to date (patched for the answers whose indexed text changed)
 * and written; files of the last publication that still hold are kept. Returns the index's size
 * without its snippet shards.
 */
export async function writeSearchIndex(
  writer: SiteWriter<SiteState>,
  {
    previous,
    answers,
    siteAnswers,
    records,
    topicTitle,
    text,
    check,
  }: {
    previous: SiteState | null;
    answers: readonly FaqAnswer[];
    siteAnswers: ReadonlyMap<number, SiteAnswer>;
    records: ReadonlyMap<number, AnswerRecord>;
    topicTitle: (topicId: SiteAnswer['topicId']) => string | null;
    /** The answer's published text (renders it if this publication has not yet). */
    text: (answer: FaqAnswer) => string;
    check: () => void;
  },
): Promise<number> {
  const previousSearchKeys = new Map(
    Object.entries(previous?.answers ?? {}).map(([id, r]) => [Number(id), r.searchKey] as const),
  );
  const search = await updateSearchIndex({
    outDir: writer.outDir,
    previous: previous ? { probe: previous.probe } : null,
    docs: answers.map((a) => {
      const s = siteAnswers.get(a.id)!;
      return {
        id: a.id,
        path: s.path,
        title: s.title,
        language: a.language,
        area: topicTitle(s.topicId),
        updated: s.updated,
        key: records.get(a.id)!.searchKey,
        previousKey: previousSearchKeys.get(a.id) ?? null,
        text: () => text(a),
      };
    }),
    throwIfCancelled: check,
    intact: (p) => writer.intact(p),
  });
  let indexBytes = 0;
  for (const [p, content] of search.files) {
    await writer.put(p, content);
    if (!p.startsWith('search/s/')) indexBytes += Buffer.byteLength(content);
  }
  for (const shard of search.keptStores) {
    const p = `search/s/${shard}.js`;
    if (!writer.has(p) && writer.previous.files[p]) writer.keep(p);
  }
  for (const bucket of search.keptBuckets) {
    const p = `search/b/${bucket}.js`;
    writer.keep(p);
    indexBytes += writer.previous.files[p]!.size;
  }

  return indexBytes;
}
