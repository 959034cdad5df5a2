export { clipboardPayload, hostileDocuments } from './corpus';
export type { DocumentCase } from './corpus';
