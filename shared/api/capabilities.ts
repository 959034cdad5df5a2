import { z } from 'zod';
import { Capability, CapabilityTexts, Product } from '../domain/capability';
import { Id } from '../domain/common';
import { defineChannels } from './channel';

const CapabilityFields = {
  /** Title and description per language; at least one title. */
  texts: CapabilityTexts,
  keywords: z.array(z.string().max(100)).max(200).default([]),
};

// What the product can do (issue 4): the capability tree the scope guard checks questions against,
// and the products with their versions.
export const capabilityChannels = defineChannels({
  'products:list': { input: z.object({}), output: z.array(Product) },
  'capabilities:list': { input: z.object({}), output: z.array(Capability) },
  'capabilities:create': {
    input: z.object({ parentId: Id.nullable(), ...CapabilityFields }),
    output: Capability,
  },
  'capabilities:update': { input: z.object({ id: Id, ...CapabilityFields }), output: Capability },
  'capabilities:delete': { input: z.object({ id: Id }), output: z.object({ deleted: z.number().int() }) },
  'capabilities:move': {
    input: z.object({ id: Id, direction: z.enum(['up', 'down']) }),
    output: z.array(Capability),
  },
  /** Drag and drop (and its Undo): put a capability at index among parentId's children. */
  'capabilities:place': {
    input: z.object({ id: Id, parentId: Id.nullable(), index: z.number().int().min(0).max(100_000) }),
    output: z.array(Capability),
  },
  'capabilities:export': {
    input: z.object({}),
    output: z.object({ path: z.string(), areas: z.number().int(), operations: z.number().int() }).nullable(),
  },
  'capabilities:import': {
    input: z.object({}),
    output: z
      .object({
        path: z.string(),
        added: z.number().int(),
        updated: z.number().int(),
        unchanged: z.number().int(),
      })
      .nullable(),
  },
});
