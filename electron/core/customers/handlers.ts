import type { Handlers } from '../api';
import type { Studio } from '../studio';
import { updateCustomer } from './edit';
import { getCustomer, listCustomers } from './queries';
import { customerTimeline } from './timeline';

export function customerHandlers(
  studio: Studio,
): Handlers<'customers:list' | 'customers:get' | 'customers:update' | 'customers:timeline'> {
  return {
    'customers:list': (window) => listCustomers(studio.library().db, window),
    'customers:get': ({ id }) => getCustomer(studio.library().db, id),
    'customers:update': (input) => {
      const saved = updateCustomer(studio.writableLibrary(), input);
      studio.changed('customers');
      return saved;
    },
    'customers:timeline': ({ id }) => customerTimeline(studio.library().db, id),
  };
}
