export { getCustomer, listCustomers } from './queries';
export { updateCustomer } from './edit';
export { customerTimeline } from './timeline';
export { customerHandlers } from './handlers';
