// The privacy scan's worker thread (issue 16): the FAQ service sends it texts, it sends findings.
export { scanWorker, ScanWorker } from './ScanWorker';
export type { ScanJob, ScannerSpec } from './protocol';
