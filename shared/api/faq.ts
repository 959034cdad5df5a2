import { z } from 'zod';
import { Id } from '../domain/common';
import {
  FaqOverview,
  FaqSettings,
  FaqSettingsPatch,
  PrivacyDecision,
  PrivacyKind,
  PrivacySubject,
  PublicPreview,
  VendorSettings,
  VendorSettingsPatch,
} from '../domain/faq';
import { VendorKeyInfo } from '../domain/signing';
import { defineChannels } from './channel';

export const faqChannels = defineChannels({
  /** What the Publish screen shows: public answers, changes, privacy findings, last publication. */
  'faq:overview': { input: z.object({}), output: FaqOverview },
  /** Redact, or mark as not personal, every occurrence of a finding; null takes the decision back. */
  'faq:decide': {
    input: z.object({
      subject: PrivacySubject,
      subjectId: Id,
      kind: PrivacyKind,
      key: z.string().min(1).max(10_000),
      decision: PrivacyDecision.nullable(),
    }),
    output: z.object({ unresolved: z.number().int() }),
  },
  /** The public text of one answer as the FAQ will show it, with its findings marked. */
  'faq:preview': { input: z.object({ answerId: Id }), output: PublicPreview },
  /** Starts publishing as a job; the job's result is the publication. */
  'faq:publish': { input: z.object({}), output: z.object({ jobId: z.string() }) },
  /** Asks the OS for the output folder; null when the user cancelled. */
  'faq:chooseFolder': { input: z.object({}), output: FaqSettings.nullable() },
  'faq:updateSettings': { input: FaqSettingsPatch, output: FaqSettings },
  /** Shows the published site's home page in the OS file manager. */
  'faq:openOutput': { input: z.object({}), output: z.object({ shown: z.string() }) },
  'vendor:get': { input: z.object({}), output: VendorSettings },
  'vendor:update': { input: VendorSettingsPatch, output: VendorSettings },
  /** Asks the OS for an image and makes it the vendor's logo; null when the user cancelled. */
  'vendor:chooseLogo': { input: z.object({}), output: VendorSettings.nullable() },
  /** The key that signs bundles (made on first need); null for a read-only library without one. */
  'vendor:key': { input: z.object({}), output: VendorKeyInfo.nullable() },
});
