// Library-wide search (issue 4): an inverted index of our own in SQLite, fed by shared/text/tokenize.
export { searchLibrary, ensureFresh, type SearchOptions } from './search';
export { refreshSearchIndex, rebuildSearchIndex } from './indexer';
export { moreLikeThis, termRarity, type SimilarDocument } from './moreLikeThis';
export { searchHandlers } from './handlers';
