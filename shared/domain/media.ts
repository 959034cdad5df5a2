import { z } from 'zod';
import { Id, Sha256, Timestamp } from './common';

export const MediaKind = z.enum(['video', 'audio', 'image', 'file']);
export type MediaKind = z.infer<typeof MediaKind>;

export const MediaAssetSummary = z.object({
  id: Id,
  sha256: Sha256,
  kind: MediaKind,
  originalName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  durationS: z.number().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  createdAt: Timestamp,
});
export type MediaAssetSummary = z.infer<typeof MediaAssetSummary>;
