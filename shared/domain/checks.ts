import { z } from 'zod';
import { Id, Language } from './common';
import { ScopeVerdict } from './status';
import { CustomerProfile } from './customer';

// Answer checks (shared/answers/checks): what a finding looks like, and the vendor-editable rules
// behind the tone and jargon checks. The rules are data: defaults in resources/checks, the
// vendor's own copy in the library (library_settings 'checks.rules').

export const TechnicalLevel = CustomerProfile.shape.technicalLevel.unwrap();
export type TechnicalLevel = z.infer<typeof TechnicalLevel>;

export const ToneCategory = z.enum(['blame', 'argue', 'talkDown']);
export type ToneCategory = z.infer<typeof ToneCategory>;

const Phrase = z.string().trim().min(1).max(200);

export const ToneRule = z.object({
  category: ToneCategory,
  /** Literal phrases, matched case- and width-insensitively; `*` stands for a few words. */
  phrases: z.array(Phrase).max(2000),
  /** What to write instead, in the rule's language (shown under the finding). */
  advice: z.string().max(1000).default(''),
});
export type ToneRule = z.infer<typeof ToneRule>;

export const JargonTerm = z.object({
  term: Phrase,
  /** The lowest level that knows the word: 'intermediate' words are jargon for beginners only. */
  level: z.enum(['intermediate', 'expert']),
  /** Plain words for it, offered in the explanation. */
  plain: z.string().max(500).default(''),
});
export type JargonTerm = z.infer<typeof JargonTerm>;

export const LanguageRules = z.object({
  tone: z.array(ToneRule).max(100),
  /** An opening that starts with one of these is an apology… */
  apologyOpeners: z.array(Phrase).max(500),
  /** …and it is a bare one unless the opening also names the customer's situation with one of these. */
  acknowledgements: z.array(Phrase).max(500),
  jargon: z.array(JargonTerm).max(5000),
});
export type LanguageRules = z.infer<typeof LanguageRules>;

export const CheckRules = z.object({
  version: z.literal(1),
  ja: LanguageRules,
  en: LanguageRules,
});
export type CheckRules = z.infer<typeof CheckRules>;

export const CheckCategory = z.enum(['completeness', 'tone', 'jargon', 'scope']);
export type CheckCategory = z.infer<typeof CheckCategory>;
export const checkCategories = CheckCategory.options;

export const CheckSeverity = z.enum(['error', 'warning']);
export type CheckSeverity = z.infer<typeof CheckSeverity>;

export const CheckFinding = z.object({
  /** Stable for the same problem at the same place: React keys, and "was it there before?". */
  id: z.string(),
  category: CheckCategory,
  severity: CheckSeverity,
  /** Message key under `checks:finding.<code>` (message and explanation). */
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** Index of the top-level block the finding is about, to scroll to it; null for the whole answer. */
  block: z.number().int().nullable(),
});
export type CheckFinding = z.infer<typeof CheckFinding>;

/** What the checks need besides the document, as the core hands it to the window. */
export const CheckContext = z.object({
  questions: z.array(
    z.object({
      id: Id,
      subject: z.string(),
      scopeVerdict: ScopeVerdict.nullable(),
      customerName: z.string().nullable(),
      technicalLevel: TechnicalLevel.nullable(),
    }),
  ),
  /** Hashes of stored images whose file is present: a screenshot pointing elsewhere is broken. */
  knownMedia: z.array(z.string()),
  knownClips: z.array(z.number().int()),
  rules: CheckRules,
});
export type CheckContext = z.infer<typeof CheckContext>;

export const CheckedFinding = CheckFinding.extend({ message: z.string(), explanation: z.string() });

export const CheckReport = z.object({
  answerId: Id,
  title: z.string(),
  language: Language,
  /** No errors (warnings may remain). */
  ok: z.boolean(),
  counts: z.object({ error: z.number().int(), warning: z.number().int() }),
  findings: z.array(CheckedFinding),
});
export type CheckReport = z.infer<typeof CheckReport>;
