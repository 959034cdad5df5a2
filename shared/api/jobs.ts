import { z } from 'zod';
import { JobState } from '../domain/job';
import { defineChannels } from './channel';

export const jobChannels = defineChannels({
  'jobs:list': { input: z.object({}), output: z.array(JobState) },
  'jobs:cancel': {
    input: z.object({ id: z.string().max(64) }),
    output: z.object({ cancelled: z.boolean() }),
  },
});
