// The privacy scanner: finds customer details (contact data, addresses, reference numbers, the
// names, companies and sites of the library's customers, and verbatim customer text) in what is
// about to be published. Pure logic, linear in the text: the FAQ publisher runs it in a worker
// thread (electron/core/faq/scan), and the Publish screen shows what it found.
export { privacyKinds, type PrivacyKind, type TextFinding, type CustomerIdentity } from './types';
export { CustomerMatcher, siteHost, vendorKeys } from './customers';
export { QuoteIndex, customerOwnText } from './quotes';
export { scanText, redactText, type ScanContext } from './scan';
export { findingKey } from './key';
export { fold, foldString, toOriginal, type Folded } from './fold';
