import { z } from 'zod';
import type { Language } from '../../../shared/domain/common';
import type { MessageTemplate } from '../../../shared/domain/tracking';
import { messageTemplateKeys, type MessageTemplateKey } from '../../../shared/tracking/templates';
import type { Library } from '../library';
import { customerT } from './text';

// The built-in texts live in the i18n resources (tracking namespace, messageTemplates.*); what the
// vendor changes is stored in the library (library_settings 'messageTemplates'), so it travels
// with the library. Resetting a template removes the override.

const SETTING = 'messageTemplates';
const Override = z.object({ subject: z.string(), body: z.string() });
const Overrides = z.record(z.string(), Override);
type Overrides = z.infer<typeof Overrides>;

const languages: Language[] = ['ja', 'en'];
const overrideKey = (key: MessageTemplateKey, language: Language) => `${language}:${key}`;

function readOverrides(library: Library): Overrides {
  const parsed = Overrides.safeParse(library.getSetting(SETTING) ?? {});
  return parsed.success ? parsed.data : {};
}

export function builtInTemplate(
  key: MessageTemplateKey,
  language: Language,
): { subject: string; body: string } {
  const t = customerT(language);
  return {
    subject: t(`messageTemplates.${key}.subject`),
    body: t(`messageTemplates.${key}.body`),
  };
}

export function getMessageTemplate(
  library: Library,
  key: MessageTemplateKey,
  language: Language,
): MessageTemplate {
  const override = readOverrides(library)[overrideKey(key, language)];
  return override
    ? { key, language, ...override, isDefault: false }
    : { key, language, ...builtInTemplate(key, language), isDefault: true };
}

export function listMessageTemplates(library: Library): MessageTemplate[] {
  return languages.flatMap((language) =>
    messageTemplateKeys.map((key) => getMessageTemplate(library, key, language)),
  );
}

function writeOverrides(library: Library, overrides: Overrides, action: string, summary: string): void {
  library.mutate({ action, entity: 'template', summary }, (db) => {
    db.prepare('INSERT OR REPLACE INTO library_settings (key, value) VALUES (?, ?)').run(
      SETTING,
      JSON.stringify(overrides),
    );
  });
}

export function saveMessageTemplate(
  library: Library,
  input: { key: MessageTemplateKey; language: Language; subject: string; body: string },
): MessageTemplate {
  const overrides = readOverrides(library);
  overrides[overrideKey(input.key, input.language)] = { subject: input.subject, body: input.body };
  writeOverrides(library, overrides, 'message_template.updated', `${input.language} ${input.key}`);
  return getMessageTemplate(library, input.key, input.language);
}

export function resetMessageTemplate(
  library: Library,
  input: { key: MessageTemplateKey; language: Language },
): MessageTemplate {
  const overrides = readOverrides(library);
  delete overrides[overrideKey(input.key, input.language)];
  writeOverrides(library, overrides, 'message_template.reset', `${input.language} ${input.key}`);
  return getMessageTemplate(library, input.key, input.language);
}
