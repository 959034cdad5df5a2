export { oddFileCases } from './corpusOddFiles';
export { migrate } from './migrations/runner';
