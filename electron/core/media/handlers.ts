import type { Handlers } from '../api';
import type { Studio } from '../studio';
import { listMedia } from './queries';

export function mediaHandlers(studio: Studio): Handlers<'media:list'> {
  return {
    'media:list': () => listMedia(studio.library().db),
  };
}
