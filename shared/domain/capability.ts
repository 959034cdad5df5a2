import { z } from 'zod';
import { Id, Text } from './common';

// The scope catalogue: what the tool can do, as a tree of areas and the operations inside them.
export const CapabilityKind = z.enum(['area', 'operation']);

export const Capability = z.object({
  id: Id,
  productId: Id,
  parentId: Id.nullable(),
  kind: CapabilityKind,
  title: z.string(),
  description: Text(10_000),
  keywords: z.array(z.string()),
  position: z.number().int(),
});
export type Capability = z.infer<typeof Capability>;

export const Product = z.object({
  id: Id,
  name: z.string(),
  description: z.string(),
  currentVersion: z.string(),
});
export type Product = z.infer<typeof Product>;
