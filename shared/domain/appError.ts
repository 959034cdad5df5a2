import { z } from 'zod';
import { errorCodes } from '../errors';

export const AppErrorSchema = z.object({
  code: z.enum(errorCodes),
  messageKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  detail: z.string().optional(),
  items: z
    .array(
      z.object({
        key: z.string().max(200),
        params: z
          .record(
            z.string(),
            z.union([
              z.string(),
              z.number(),
              z.object({
                key: z.string().max(200),
                params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
              }),
            ]),
          )
          .optional(),
      }),
    )
    .max(50)
    .optional(),
});
