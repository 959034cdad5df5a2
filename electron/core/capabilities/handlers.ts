import type { Handlers } from '../api/types';
import type { Studio } from '../studio';
import { listCapabilities, listProducts } from './queries';

export function capabilityHandlers(studio: Studio): Handlers<'capabilities:list' | 'products:list'> {
  return {
    'capabilities:list': () => listCapabilities(studio.library().db),
    'products:list': () => listProducts(studio.library().db),
  };
}
