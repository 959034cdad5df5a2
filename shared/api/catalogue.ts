import { z } from 'zod';
import { AnswerDetail, AnswerSummary } from '../domain/answer';
import { Capability, Product } from '../domain/capability';
import { CustomerSummary } from '../domain/customer';
import { MediaAssetSummary } from '../domain/media';
import { QuestionDetail, QuestionSummary } from '../domain/question';
import { QuestionStatus } from '../domain/status';
import { defineChannels } from './channel';

// The lists every screen starts from. Domain issues add their own channel files beside this one.
export const catalogueChannels = defineChannels({
  'questions:list': {
    input: z.object({
      status: z.array(QuestionStatus).max(20).optional(),
      customerId: z.number().int().optional(),
      limit: z.number().int().min(1).max(100_000).default(1000),
    }),
    output: z.array(QuestionSummary),
  },
  'questions:get': { input: z.object({ id: z.number().int() }), output: QuestionDetail },
  'answers:list': { input: z.object({}), output: z.array(AnswerSummary) },
  'answers:get': { input: z.object({ id: z.number().int() }), output: AnswerDetail },
  'customers:list': { input: z.object({}), output: z.array(CustomerSummary) },
  'products:list': { input: z.object({}), output: z.array(Product) },
  'capabilities:list': { input: z.object({}), output: z.array(Capability) },
  'media:list': { input: z.object({}), output: z.array(MediaAssetSummary) },
});
