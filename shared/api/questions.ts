import { z } from 'zod';
import { Day, Id } from '../domain/common';
import { ListPage, PageRequest } from '../domain/listPage';
import {
  InboxCounts,
  InboxGroup,
  QuestionDetail,
  QuestionSummary,
  StatusChangeView,
} from '../domain/question';
import { QuestionStatus } from '../domain/status';
import { StatusChangeInput } from '../domain/tracking';
import { defineChannels } from './channel';

// The questions: the Inbox's groups, one question, and its status (issue 4).
// A list comes a window at a time with the size of the whole list (issue 20): a screen shows every
// row by asking for the windows it scrolls to, and no count on screen comes from a fetched page.
export const questionChannels = defineChannels({
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
  'questions:changeStatus': { input: StatusChangeInput, output: StatusChangeView },
});
