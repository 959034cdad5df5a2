// The vendor's signing key (issue 15): made on first need, kept sealed in the library, used to sign
// every bundle's manifest; and checking a signature against a public key.
export {
  readVendorKey,
  ensureVendorKey,
  vendorSigner,
  vendorKeyInfo,
  vendorKeyForBackup,
  type VendorKey,
  type VendorSigner,
} from './vendorKey';
export { fingerprintOf, verifySignature } from './keys';
