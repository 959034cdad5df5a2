// The FAQ site's search, shared by the publisher (Node, index time) and the site's script (the
// reader's browser, query time): one tokeniser at both ends.
export * from './searchFormat';
export {
  SearchIndex,
  documentTerms,
  TOKENIZER_PROBE,
  type SearchDocument,
  type DocInfo,
} from './searchIndex';
export {
  planQuery,
  executeQuery,
  foldedTitles,
  containsPhrases,
  type QueryPlan,
  type PlannedPart,
  type SearchHit,
} from './searchQuery';
export { snippet, matchRanges, segmentsOf, type Segment } from './snippet';
export { editDistance, typoBudget } from './fuzzy';
export { SearchClient, type SearchLoader, type SearchResult } from './searchClient';
