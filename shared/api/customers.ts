import { z } from 'zod';
import { Id } from '../domain/common';
import { CustomerProfile, CustomerSummary } from '../domain/customer';
import { ListPage, PageRequest } from '../domain/listPage';
import { CustomerContact, TimelineItem } from '../domain/tracking';
import { defineChannels } from './channel';

// Customer memory (issue 4): who asked, how to reach them, and what happened with them over time.
export const customerChannels = defineChannels({
  'customers:list': { input: z.object({ ...PageRequest }), output: ListPage(CustomerSummary) },
  'customers:get': { input: z.object({ id: Id }), output: CustomerSummary },
  'customers:update': {
    input: z.object({ id: Id, contact: CustomerContact, profile: CustomerProfile }),
    output: CustomerSummary,
  },
  'customers:timeline': { input: z.object({ id: Id }), output: z.array(TimelineItem) },
});
