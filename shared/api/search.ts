import { z } from 'zod';
import { defineChannels } from './channel';

export const SearchHitKind = z.enum(['question', 'answer', 'customer', 'capability']);
export type SearchHitKind = z.infer<typeof SearchHitKind>;

export const SearchHit = z.object({
  kind: SearchHitKind,
  id: z.number().int(),
  title: z.string(),
  /** Plain text around the match; `ranges` are [start, end) offsets into it to highlight. */
  snippet: z.string(),
  ranges: z.array(z.tuple([z.number().int(), z.number().int()])),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const searchChannels = defineChannels({
  'search:global': {
    input: z.object({
      query: z.string().max(500),
      kinds: z.array(SearchHitKind).max(20).optional(),
      limit: z.number().int().min(1).max(200).default(30),
    }),
    output: z.array(SearchHit),
  },
});
