// Event names without their schemas, for the preload: it must stay a thin proxy without zod in it.
export const eventNames = [
  'job:update',
  'library:changed',
  'library:integrity',
  'data:changed',
  'menu:command',
] as const;
export type EventNameList = (typeof eventNames)[number];
