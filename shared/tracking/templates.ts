import type { QuestionStatus } from '../domain/status';
import { questionStatuses } from '../domain/status';

// Customer messages are drafted from templates the vendor can edit, one per purpose and language.
// Placeholders are {{name}}; unknown ones are left as they are so a typo shows in the draft.

export const scopeTemplateKeys = ['scope.out_of_scope', 'scope.needs_clarification'] as const;
export const statusTemplateKeys = questionStatuses.map((s) => `status.${s}` as const);
export const messageTemplateKeys = [...scopeTemplateKeys, ...statusTemplateKeys] as const;
export type MessageTemplateKey = (typeof messageTemplateKeys)[number];

export function statusTemplateKey(status: QuestionStatus): MessageTemplateKey {
  return `status.${status}`;
}

/** The placeholders a template may use, listed in the template editor. */
export const templatePlaceholders = [
  'addressee',
  'customer',
  'subject',
  'topic',
  'status',
  'checkpoint',
  'note',
  'scope',
  'vendor',
] as const;
export type TemplateVariables = Partial<Record<(typeof templatePlaceholders)[number], string>>;

export function fillTemplate(template: string, variables: TemplateVariables): string {
  // Templates written before {{addressee}} put 様 after {{customer}} themselves; the addressee line
  // knows when there is no name to put it after (「お客様」, never 「お客 様」).
  const source =
    variables.addressee === undefined
      ? template
      : template.replace(/\{\{\s*customer\s*\}\} ?様/g, '{{addressee}}');
  return source.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    const value = (variables as Record<string, string | undefined>)[name];
    return value === undefined ? whole : value;
  });
}
