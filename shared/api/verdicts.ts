import { z } from 'zod';
import { Id } from '../domain/common';
import { Verdict } from '../domain/verdict';
import { defineChannels } from './channel';

// The customers' verdicts ("Solved" / "Not yet") that come back by mail (issue 22); answers:feedback
// sums them up per answer.
export const verdictChannels = defineChannels({
  'verdicts:forQuestion': { input: z.object({ questionId: Id }), output: z.array(Verdict) },
  /** The vendor declines the offer to mark the question resolved ("not now"). */
  'verdicts:dismissOffer': { input: z.object({ id: Id }), output: Verdict },
});
