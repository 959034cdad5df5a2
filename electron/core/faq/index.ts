// The FAQ service (issue 8): publishes the public answers as a static, searchable site without
// customer details. See publish.ts for a publication, prepare.ts for the privacy check.
export { publishFaq, type PublishOptions, type PublishResult } from './publish';
export { faqOverview, lastPublication } from './overview';
export { prepare, type Prepared } from './prepare';
export { decideFinding } from './decisions';
export { faqHandlers, assertSiteFolder } from './handlers';
export { readFaqSettings, readVendor, updateFaqSettings, updateVendor } from './settings';
export { setVendorLogo } from './vendor';
export { SiteWriter, STATE_DIR } from './output';
export { loadTheme, findThemeDir, vendorCss } from './theme';
import { scanWorker } from './scan';

export { scanWorker };

/** Ends the privacy scan's worker thread (the app quits); the next scan starts a new one. */
export function stopPrivacyScans(): void {
  scanWorker.terminate();
}
