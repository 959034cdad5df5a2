export { listCapabilities, listProducts } from './queries';
export { createCapability, updateCapability, deleteCapability, moveCapability, ensureProduct } from './edit';
export { placeCapabilityAt } from './place';
export {
  catalogueFile,
  exportCatalogue,
  importCatalogue,
  importCatalogueFile,
  parseCatalogue,
} from './transfer';
export { capabilityHandlers } from './handlers';
