export { runDifferential } from './fuzz/differential';
export { fuzzCases } from './fuzz/mutations';
export { haveOtherTools } from './fuzz/otherTools';
