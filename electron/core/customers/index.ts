export { listCustomers } from './queries';
export { customerHandlers } from './handlers';
