import { z } from 'zod';

// One window of a long list (issue 20): the rows from `offset`, and how many the whole list holds,
// so a virtualised list is as tall as the list and every row can be reached by scrolling.

/** Largest window one call returns; a list screen asks for the windows it shows. */
export const MAX_PAGE_LIMIT = 500;

export const PageRequest = {
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(MAX_PAGE_LIMIT).default(100),
};

export function ListPage<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int().min(0) });
}
export interface ListPage<T> {
  items: T[];
  total: number;
}
