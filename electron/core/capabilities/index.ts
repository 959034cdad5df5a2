export { listCapabilities, listProducts } from './queries';
export { capabilityHandlers } from './handlers';
