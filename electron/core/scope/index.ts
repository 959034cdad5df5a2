export { suggestCapabilities } from './suggest';
export { setScope, type ScopeInput } from './verdict';
export { scopeHandlers } from './handlers';
