// Answer bundles (issue 7): what the customer receives, opens offline, and can trust.
export { bundleHandlers } from './handlers';
export {
  exportBundle,
  previewBundle,
  defaultBundleName,
  freeFolderPath,
  type ExportTargets,
  type ExportEnvironment,
  type ExportProgress,
} from './export';
export { listBundles, getBundle, findBundleByManifest } from './records';
export { verifyReport } from './report';
export {
  verifyBundleZip,
  DEFAULT_VERIFY_LIMITS,
  type VerifyLimits,
  type InvalidReason,
  type VerifiedBundle,
} from './verify';
export { readBundleClip, type BundleClip } from './clips';
export { BUNDLE_CSP } from './page';
export { formatBytes } from './text';
