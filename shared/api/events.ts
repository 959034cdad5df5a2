import { z } from 'zod';
import { JobState } from '../domain/job';
import { IntegrityState, LibraryState } from '../domain/library';
import { defineEvents } from './channel';
import type { EventNameList } from './eventNames';

// Pushed from the core to the window: job progress, and "something changed, refetch".
export const events = defineEvents({
  'job:update': JobState,
  'library:changed': LibraryState,
  /** The background integrity check of the open library started or ended (issue 20). */
  'library:integrity': IntegrityState,
  'data:changed': z.object({ entities: z.array(z.string()) }),
  /** A menu item asked the window to do something (navigate, open a dialog of its own). */
  'menu:command': z.object({ command: z.string() }),
});
export type Events = typeof events;
// The preload's list and this table must name the same events.
const _sameNames: Record<EventNameList, unknown> & Record<keyof Events, unknown> = {} as Record<
  EventNameList | keyof Events,
  unknown
>;
void _sameNames;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;
