export { titleSearch } from './titleSearch';
export { searchHandlers } from './handlers';
