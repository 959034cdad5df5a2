import { z } from 'zod';
import { privacyKinds } from '../privacy/types';
import { AnswerDocumentShape } from '../answers/schema';
import { CaptionCue } from './clip';
import { Id, Language, Sha256, Timestamp } from './common';

// The published FAQ (issue 8): the vendor's identity on the site, where and how it is published,
// the privacy findings that must be resolved first, and the record of each publication.

export const HexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour like #2f6f5e');

/** Library setting 'vendor': who the FAQ (and the bundles) come from. */
export const VendorSettings = z.object({
  name: z.string().max(200).default(''),
  /** The name English-speaking customers see (bundles, messages); empty: `name` for everyone. */
  nameEn: z.string().max(200).default(''),
  email: z.string().max(320).default(''),
  colour: HexColour.default('#2f6f5e'),
  website: z.string().max(2000).default(''),
  logo: z
    .object({ sha256: Sha256, ext: z.enum(['png', 'jpg', 'jpeg', 'webp', 'gif']) })
    .nullable()
    .default(null),
});
export type VendorSettings = z.infer<typeof VendorSettings>;

export const VendorSettingsPatch = z.object({
  name: z.string().trim().max(200).optional(),
  nameEn: z.string().trim().max(200).optional(),
  email: z.string().trim().max(320).optional(),
  colour: HexColour.optional(),
  website: z.string().trim().max(2000).optional(),
  logo: z.null().optional(),
});
export type VendorSettingsPatch = z.infer<typeof VendorSettingsPatch>;

/** The vendor's name as a customer writing in `language` should read it. */
export function vendorNameIn(vendor: { name: string; nameEn?: string }, language: 'ja' | 'en'): string {
  return language === 'en' && vendor.nameEn ? vendor.nameEn : vendor.name;
}

const SiteUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((s) => s === '' || /^https?:\/\/[^\s]+$/i.test(s), 'expected an http(s) address or nothing');

/** Library setting 'faq': where the site goes and what it is called. */
export const FaqSettings = z.object({
  outDir: z.string().nullable().default(null),
  /** Public address of the site, for the sitemap and canonical links; empty when unknown. */
  siteUrl: SiteUrl.default(''),
  /** Language of the site's own words (menus, labels); each answer keeps its own. */
  language: Language.default('ja'),
  title: z.string().max(200).default(''),
});
export type FaqSettings = z.infer<typeof FaqSettings>;

export const FaqSettingsPatch = z.object({
  siteUrl: SiteUrl.optional(),
  language: Language.optional(),
  title: z.string().trim().max(200).optional(),
});
export type FaqSettingsPatch = z.infer<typeof FaqSettingsPatch>;

export const PrivacyKind = z.enum(privacyKinds);
export const PrivacySubject = z.enum(['answer', 'capability']);
export type PrivacySubject = z.infer<typeof PrivacySubject>;
export const PrivacyDecision = z.enum(['redact', 'not_personal']);
export type PrivacyDecision = z.infer<typeof PrivacyDecision>;
/** Where in the answer the text stands. */
export const FindingPlace = z.enum(['title', 'body', 'image', 'link', 'video', 'description']);
export type FindingPlace = z.infer<typeof FindingPlace>;

/** A possible customer detail, with the text around it, and what the vendor decided about it. */
export const PrivacyFinding = z.object({
  subject: PrivacySubject,
  subjectId: Id,
  subjectTitle: z.string(),
  kind: PrivacyKind,
  /** Folded text: the decision applies to every occurrence of it in the subject. */
  key: z.string(),
  text: z.string(),
  place: FindingPlace,
  before: z.string(),
  after: z.string(),
  count: z.number().int(),
  decision: PrivacyDecision.nullable(),
});
export type PrivacyFinding = z.infer<typeof PrivacyFinding>;

export const AnswerChange = z.enum(['new', 'changed', 'unchanged']);
export type AnswerChange = z.infer<typeof AnswerChange>;

export const FaqAnswerRow = z.object({
  id: Id,
  /** The title the FAQ shows (the public title, or the answer's own). */
  title: z.string(),
  /** The answer's own title, when the public one differs. */
  ownTitle: z.string().nullable().default(null),
  slug: z.string(),
  language: Language,
  updatedAt: Timestamp,
  change: AnswerChange,
  unresolved: z.number().int(),
  areas: z.array(z.string()),
  videos: z.number().int(),
});
export type FaqAnswerRow = z.infer<typeof FaqAnswerRow>;

export const PublicationStats = z.object({
  answers: z.number().int().default(0),
  written: z.number().int().default(0),
  removed: z.number().int().default(0),
  unchanged: z.number().int().default(0),
  bytes: z.number().int().default(0),
  indexBytes: z.number().int().default(0),
  textBytes: z.number().int().default(0),
  durationMs: z.number().default(0),
});
export type PublicationStats = z.infer<typeof PublicationStats>;

export const PublicationSummary = z.object({
  id: Id,
  at: Timestamp,
  outDir: z.string(),
  stats: PublicationStats,
});
export type PublicationSummary = z.infer<typeof PublicationSummary>;

export const FaqOverview = z.object({
  settings: FaqSettings,
  vendor: VendorSettings,
  answers: z.array(FaqAnswerRow),
  /** Published last time, not public any more: their pages go at the next publication. */
  withdrawn: z.array(z.object({ id: Id, title: z.string(), slug: z.string() })),
  findings: z.array(PrivacyFinding),
  unresolved: z.number().int(),
  lastPublication: PublicationSummary.nullable(),
});
export type FaqOverview = z.infer<typeof FaqOverview>;

/** A finding inside one text of the public preview, with what the vendor decided. */
export const PreviewMark = z.object({
  start: z.number().int(),
  end: z.number().int(),
  kind: PrivacyKind,
  key: z.string(),
  decision: PrivacyDecision.nullable(),
});
export type PreviewMark = z.infer<typeof PreviewMark>;

/**
 * In the preview's document, a finding nobody has decided about yet stays, between these two
 * private-use characters, for the Publish screen to highlight; a publication never carries them
 * (it stops on any undecided finding).
 */
export const UNDECIDED_OPEN = '\uE000';
export const UNDECIDED_CLOSE = '\uE001';

/** A clip as the FAQ page shows it, its words redacted as decided (undecided findings marked). */
export const PreviewClip = z.object({
  id: Id,
  title: z.string(),
  /** The rendered file, shown from the library. */
  sha256: Sha256,
  chapters: z.array(
    z.object({ title: z.string(), startS: z.number(), stepId: z.string().nullable() }),
  ),
  captions: z.array(CaptionCue),
});
export type PreviewClip = z.infer<typeof PreviewClip>;

/**
 * Exactly what the FAQ will publish for an answer: its public version (no greeting or closing, no
 * block for this customer only, no "what remains") redacted as decided, as the document the site's
 * renderer draws (the Publish screen draws it with the same renderer), and unit by unit, with the
 * findings in it and the decisions about them.
 */
export const PublicPreview = z.object({
  answerId: Id,
  title: z.string(),
  ownTitle: z.string(),
  language: Language,
  units: z.array(z.object({ place: FindingPlace, text: z.string(), marks: z.array(PreviewMark) })),
  /** The title as published (redacted; undecided findings marked). */
  publishedTitle: z.string(),
  /** The document as published, the clips not placed in the text first, as the page shows them. */
  doc: AnswerDocumentShape,
  clips: z.array(PreviewClip),
});
export type PublicPreview = z.infer<typeof PublicPreview>;
