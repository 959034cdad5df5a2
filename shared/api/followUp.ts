import { z } from 'zod';
import { Id } from '../domain/common';
import { AnswerRecheck, RecheckItem, RecordReleaseInput, Release } from '../domain/release';
import { AnswerFeedback, Verdict } from '../domain/verdict';
import { defineChannels } from './channel';

// Answers that stay true (issue 22): the product's releases and the answers they put on the list
// to re-check, and the customers' verdicts ("Solved" / "Not yet") that come back by mail.
export const followUpChannels = defineChannels({
  'releases:list': { input: z.object({}), output: z.array(Release) },
  /** Records a release; the answers it puts on the list to re-check come back, most-read first. */
  'releases:record': {
    input: RecordReleaseInput,
    output: z.object({ release: Release, rechecks: z.array(RecheckItem) }),
  },
  /** Removes a release recorded by mistake, and the re-checks it listed that are still open. */
  'releases:delete': { input: z.object({ id: Id }), output: z.object({ deleted: z.boolean() }) },
  /** Every answer still to re-check: public ones first, then those sent most often. */
  'answers:stale': { input: z.object({}), output: z.array(RecheckItem) },
  /** The re-checks one answer still needs (its banner in the Answers screen). */
  'answers:rechecks': { input: z.object({ id: Id }), output: z.array(AnswerRecheck) },
  /** Sent, solved and not solved, per answer (the Answers and Publish screens). */
  'answers:feedback': {
    input: z.object({ ids: z.array(Id).max(100_000) }),
    output: z.array(AnswerFeedback),
  },
  'verdicts:forQuestion': { input: z.object({ questionId: Id }), output: z.array(Verdict) },
  /** The vendor declines the offer to mark the question resolved ("not now"). */
  'verdicts:dismissOffer': { input: z.object({ id: Id }), output: Verdict },
});
