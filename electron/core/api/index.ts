// The core's API surface for a window: the handler table and the dispatcher that guards it.
export { createHandlers } from './handlers';
export { dispatch, type DispatchOptions } from './dispatch';
export type { Handler, HandlerTable, Handlers } from './types';
