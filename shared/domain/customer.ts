import { z } from 'zod';
import { Id, Language, Text, Timestamp } from './common';

// What the vendor knows of a customer, so nobody has to explain their history twice (DESIGN.md).
export const CustomerProfile = z.object({
  urgency: z.enum(['low', 'normal', 'high', 'critical']).optional(),
  relationship: Text(2000).optional(),
  feelingsProduct: Text(2000).optional(),
  feelingsSupport: Text(2000).optional(),
  hopedOutcome: Text(2000).optional(),
  wouldAnger: Text(2000).optional(),
  moneyAtStake: Text(2000).optional(),
  causeAndResponsibility: Text(2000).optional(),
  technicalLevel: z.enum(['beginner', 'intermediate', 'expert']).optional(),
});
export type CustomerProfile = z.infer<typeof CustomerProfile>;

export const CustomerSummary = z.object({
  id: Id,
  name: z.string(),
  email: z.string().nullable(),
  company: z.string(),
  phone: z.string(),
  language: Language,
  openQuestions: z.number().int(),
  totalQuestions: z.number().int(),
  lastContactAt: Timestamp.nullable(),
  profile: CustomerProfile,
});
export type CustomerSummary = z.infer<typeof CustomerSummary>;
