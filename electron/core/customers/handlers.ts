import type { Handlers } from '../api/types';
import type { Studio } from '../studio';
import { listCustomers } from './queries';

export function customerHandlers(studio: Studio): Handlers<'customers:list'> {
  return {
    'customers:list': () => listCustomers(studio.library().db),
  };
}
