import { z } from 'zod';
import { AnswerDetail, AnswerSummary } from '../domain/answer';
import { Capability, Product } from '../domain/capability';
import { CustomerSummary } from '../domain/customer';
import { Day, Id } from '../domain/common';
import { ListPage, PageRequest } from '../domain/listPage';
import { MediaAssetSummary } from '../domain/media';
import { InboxCounts, InboxGroup, QuestionDetail, QuestionSummary } from '../domain/question';
import { QuestionStatus } from '../domain/status';
import { defineChannels } from './channel';

// The lists every screen starts from. Domain issues add their own channel files beside this one.
// A list comes a window at a time with the size of the whole list (issue 20): a screen shows every
// row by asking for the windows it scrolls to, and no count on screen comes from a fetched page.
export const catalogueChannels = defineChannels({
  /** Questions newest first: of one customer, in some statuses, or among some ids. */
  'questions:list': {
    input: z.object({
      status: z.array(QuestionStatus).max(50).optional(),
      customerId: Id.optional(),
      ids: z.array(Id).max(500).optional(),
      ...PageRequest,
    }),
    output: ListPage(QuestionSummary),
  },
  /** One part of the Inbox (overdue, due today, …), in its order; `today` is the vendor's day. */
  'questions:inbox': {
    input: z.object({ group: InboxGroup, today: Day, ...PageRequest }),
    output: ListPage(QuestionSummary),
  },
  'questions:inboxCounts': { input: z.object({ today: Day }), output: InboxCounts },
  'questions:get': { input: z.object({ id: z.number().int() }), output: QuestionDetail },
  'answers:list': { input: z.object({ ...PageRequest }), output: ListPage(AnswerSummary) },
  'answers:get': { input: z.object({ id: z.number().int() }), output: AnswerDetail },
  'customers:list': { input: z.object({ ...PageRequest }), output: ListPage(CustomerSummary) },
  'customers:get': { input: z.object({ id: Id }), output: CustomerSummary },
  'products:list': { input: z.object({}), output: z.array(Product) },
  'capabilities:list': { input: z.object({}), output: z.array(Capability) },
  'media:list': { input: z.object({}), output: z.array(MediaAssetSummary) },
});
