// The privacy scanner: finds customer details (contact data, addresses, reference numbers, the
// names, companies and sites of the library's customers, and verbatim customer text) in what is
// about to be published. Pure logic: the FAQ publisher and the Publish screen share it.
export { privacyKinds, type PrivacyKind, type TextFinding, type CustomerIdentity } from './types';
export { CustomerMatcher, siteHost, vendorKeys } from './customers';
export { QuoteIndex, customerOwnText } from './quotes';
export { scanText, redactText, type ScanContext } from './scan';
export { findingKey } from './key';
