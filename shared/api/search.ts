import { z } from 'zod';
import { QuestionStatus } from '../domain/status';
import { defineChannels } from './channel';

export const SearchHitKind = z.enum(['question', 'answer', 'customer', 'capability']);
export type SearchHitKind = z.infer<typeof SearchHitKind>;

const Range = z.tuple([z.number().int(), z.number().int()]);

export const SearchHit = z.object({
  kind: SearchHitKind,
  id: z.number().int(),
  /** A question's subject, an answer's or a capability's title, a customer's name. */
  title: z.string(),
  /** Plain text around the match; `ranges` are [start, end) offsets into it to highlight. */
  snippet: z.string(),
  ranges: z.array(Range),
  /** [start, end) offsets into `title` to highlight. */
  titleRanges: z.array(Range).default([]),
});
export type SearchHit = z.infer<typeof SearchHit>;

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * Narrow a search. A filter applies to the kinds it means something for and leaves out the others:
 * status → questions only; customer → their questions, the answers of those questions, the customer;
 * capability → questions tagged with it, their answers, the capability and its children;
 * dates (inclusive days) → when a question was received, an answer/capability last changed, a
 * customer added.
 */
export const SearchFilters = z.object({
  status: QuestionStatus.optional(),
  capabilityId: z.number().int().positive().optional(),
  customerId: z.number().int().positive().optional(),
  from: Day.optional(),
  to: Day.optional(),
});
export type SearchFilters = z.infer<typeof SearchFilters>;

export const SearchInput = SearchFilters.extend({
  /** Empty with a filter: the filtered documents, newest first. */
  query: z.string().max(500),
  kinds: z.array(SearchHitKind).max(50).optional(),
  limit: z.number().int().min(1).max(200).default(30),
});
export type SearchInput = z.input<typeof SearchInput>;

/**
 * How far the index is behind (documents changed since they were indexed). Searches read up to a
 * few hundred of those directly; past that, `complete` is false and results may miss some until
 * indexing catches up (the UI says so). `paused`: the vendor stopped indexing for this session.
 */
export const SearchIndexStatus = z.object({
  queued: z.number().int().nonnegative(),
  complete: z.boolean(),
  paused: z.boolean(),
});
export type SearchIndexStatus = z.infer<typeof SearchIndexStatus>;

export const searchChannels = defineChannels({
  'search:global': {
    input: SearchInput,
    output: z.array(SearchHit),
  },
  'search:status': {
    input: z.object({ kinds: z.array(SearchHitKind).max(50).optional() }),
    output: SearchIndexStatus,
  },
});
