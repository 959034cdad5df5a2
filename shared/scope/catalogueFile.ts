import { z } from 'zod';

// The scope catalogue as a JSON file: what Export writes and Import reads. Titles identify
// entries (an area by its title, an operation by its area and title), so a file exported from one
// library merges into another without ids.

const Entry = {
  title: z.string().trim().min(1, 'a title is required').max(300),
  description: z.string().max(10_000).default(''),
  keywords: z.array(z.string().trim().min(1).max(100)).max(200).default([]),
};

export const CatalogueOperation = z.strictObject(Entry);

export const CatalogueArea = z.strictObject({
  ...Entry,
  operations: z.array(CatalogueOperation).max(1000).default([]),
});

export const CatalogueFile = z
  .strictObject({
    format: z.literal('kotae-capabilities'),
    version: z.literal(1),
    product: z.string().optional(),
    areas: z.array(CatalogueArea).max(1000),
  })
  .superRefine((file, ctx) => {
    // Titles identify entries, so two with one title would be merged silently: refuse instead.
    const seen = new Set<string>();
    file.areas.forEach((area, i) => {
      if (seen.has(area.title))
        ctx.addIssue({
          code: 'custom',
          path: ['areas', i, 'title'],
          message: `duplicate area “${area.title}”`,
        });
      seen.add(area.title);
      const ops = new Set<string>();
      area.operations.forEach((op, j) => {
        if (ops.has(op.title))
          ctx.addIssue({
            code: 'custom',
            path: ['areas', i, 'operations', j, 'title'],
            message: `duplicate operation “${op.title}”`,
          });
        ops.add(op.title);
      });
    });
  });
export type CatalogueFile = z.infer<typeof CatalogueFile>;

/** zod's issues as lines a person can act on: where in the file, and what is wrong. */
export function describeIssues(error: z.ZodError, limit = 10): string[] {
  const lines = error.issues.slice(0, limit).map((issue) => {
    const where = issue.path.length ? issue.path.join('.') : '(file)';
    return `${where}: ${issue.message}`;
  });
  if (error.issues.length > limit) lines.push(`… ${error.issues.length - limit} more`);
  return lines;
}
