import type { Database } from 'better-sqlite3';
import type { SearchHit, SearchHitKind } from '../../../shared/api/search';
import { normalizeForSearch } from '../../../shared/text/normalize';

const sources: Record<SearchHitKind, string> = {
  question: 'SELECT id, subject AS title, body AS text FROM questions',
  answer: 'SELECT id, title, plain_text AS text FROM answers',
  customer: "SELECT id, name AS title, company || ' ' || coalesce(email, '') AS text FROM customers",
  capability: 'SELECT id, title, description AS text FROM capabilities',
};

/**
 * A scan of titles and texts, normalised the same way as everything else. It is what the palette
 * uses until the library has a search index; a linear scan is fine for a few thousand rows.
 */
export function titleSearch(db: Database, query: string, kinds: SearchHitKind[], limit: number): SearchHit[] {
  const needle = normalizeForSearch(query).trim();
  if (!needle) return [];
  const hits: (SearchHit & { score: number })[] = [];
  for (const kind of kinds) {
    for (const row of db.prepare(sources[kind]).all() as { id: number; title: string; text: string }[]) {
      const inTitle = normalizeForSearch(row.title).indexOf(needle);
      const text = row.text ?? '';
      const inText = inTitle >= 0 ? -1 : normalizeForSearch(text).indexOf(needle);
      if (inTitle < 0 && inText < 0) continue;
      const source = inTitle >= 0 ? row.title : text;
      const at = inTitle >= 0 ? inTitle : inText;
      const start = Math.max(0, at - 30);
      const snippet = source.slice(start, start + 120).replace(/\s+/g, ' ');
      hits.push({
        kind,
        id: row.id,
        title: row.title,
        snippet,
        ranges: [[at - start, at - start + needle.length]],
        score: inTitle >= 0 ? 2 : 1,
      });
    }
  }
  return hits
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map(({ score: _score, ...hit }) => hit);
}
