import { z } from 'zod';
import { Id, Text, type Language } from './common';

// The scope catalogue: what the tool can do, as a tree of areas and the operations inside them.
export const CapabilityKind = z.enum(['area', 'operation']);

/** A capability's title and description in one language; an empty title: not written yet. */
export const CapabilityText = z.object({
  title: z.string().trim().max(300),
  description: Text(10_000),
});
export type CapabilityText = z.infer<typeof CapabilityText>;

/**
 * The catalogue speaks the customer's language (a decline lists it, the FAQ shows it), so each
 * entry has its text per language. At least one title is required.
 */
export const CapabilityTexts = z
  .object({ ja: CapabilityText, en: CapabilityText })
  .refine((t) => t.ja.title.trim() !== '' || t.en.title.trim() !== '', {
    message: 'a title is required',
    path: ['ja', 'title'],
  });
export type CapabilityTexts = z.infer<typeof CapabilityTexts>;

export const Capability = z.object({
  id: Id,
  productId: Id,
  parentId: Id.nullable(),
  kind: CapabilityKind,
  /** The label where no language is chosen (logs, search hits): Japanese when written, else English. */
  title: z.string(),
  description: Text(10_000),
  texts: z.object({ ja: CapabilityText, en: CapabilityText }),
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

export const capabilityLanguages: readonly Language[] = ['ja', 'en'];

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f]/;

/** Whether a text is Japanese: any kana or kanji in it. */
export function isJapaneseText(text: string): boolean {
  return JAPANESE.test(text);
}

/**
 * One entry's text in a language. `translated` is false when that language has no title and the
 * other language's text stands in: the caller shows it with a warning, never silently.
 */
export function capabilityTextIn(
  texts: { ja: CapabilityText; en: CapabilityText },
  language: Language,
): CapabilityText & { translated: boolean; language: Language } {
  const own = texts[language];
  if (own.title.trim()) return { ...own, translated: true, language };
  const other: Language = language === 'ja' ? 'en' : 'ja';
  return { ...texts[other], translated: false, language: other };
}

/** The label of an entry: Japanese when written, else English (what `title` holds). */
export function capabilityLabel(texts: { ja: CapabilityText; en: CapabilityText }): CapabilityText {
  return texts.ja.title.trim() ? texts.ja : texts.en;
}
