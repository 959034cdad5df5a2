import { z } from 'zod';
import { Id } from '../domain/common';
import { RecheckItem, RecordReleaseInput, Release } from '../domain/release';
import { defineChannels } from './channel';

// Answers that stay true (issue 22): the product's releases and the answers they put on the list
// to re-check (answers:stale and answers:rechecks are the answers' side of it).
export const releaseChannels = defineChannels({
  'releases:list': { input: z.object({}), output: z.array(Release) },
  /** Records a release; the answers it puts on the list to re-check come back, most-read first. */
  'releases:record': {
    input: RecordReleaseInput,
    output: z.object({ release: Release, rechecks: z.array(RecheckItem) }),
  },
  /** Removes a release recorded by mistake, and the re-checks it listed that are still open. */
  'releases:delete': { input: z.object({ id: Id }), output: z.object({ deleted: z.boolean() }) },
});
