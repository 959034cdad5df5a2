// Library-wide search (issues 4 and 20): a compact inverted index of our own in SQLite, fed by
// shared/text/tokenize and kept up to date by the indexer (a background worker in the app).
export { searchLibrary, type SearchOptions } from './search';
export { searchStatus, SCAN_MAX, type SearchIndexStatus } from './queuedScan';
export { SearchIndexer, refreshSearchIndex, mergeAllFresh, type IndexerProgress } from './indexing/indexer';
export { queueEverything } from './indexing/queue';
export { documentImpacts, termImpact } from './impacts';
export { moreLikeThis, termRarity, type SimilarDocument } from './moreLikeThis';
export { SearchIndexing } from './background/SearchIndexing';
export { searchHandlers } from './handlers';
