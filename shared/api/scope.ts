import { z } from 'zod';
import { Id, Text } from '../domain/common';
import { ScopeVerdict } from '../domain/status';
import { CapabilitySuggestion } from '../domain/tracking';
import { defineChannels } from './channel';

// Scope guard (issue 4): is the question within what the product can do.
export const scopeChannels = defineChannels({
  /** Capabilities the question is most likely about, best first. */
  'scope:suggest': {
    input: z.object({ questionId: Id, limit: z.number().int().min(1).max(50).default(5) }),
    output: z.array(CapabilitySuggestion),
  },
  'scope:set': {
    input: z.object({
      questionId: Id,
      verdict: ScopeVerdict,
      capabilityIds: z.array(Id).max(100).default([]),
      note: Text(5000).default(''),
    }),
    output: z.object({ verdict: ScopeVerdict, capabilityIds: z.array(Id) }),
  },
});
