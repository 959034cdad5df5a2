import { z } from 'zod';
import { BundleExportRequest, BundlePreview, BundleRecord } from '../domain/bundle';
import { Id } from '../domain/common';
import { defineChannels } from './channel';

// Answer bundles (issue 7): preview the size, export as a job, the history of what was sent, verify.
export const bundleChannels = defineChannels({
  'bundles:preview': {
    input: BundleExportRequest,
    output: BundlePreview,
  },
  /**
   * Asks the OS where to save (a zip file, or a parent folder when only a folder is wanted), then
   * starts the export job; null when the user cancelled the dialog. The job's result is a BundleRecord.
   */
  'bundles:export': {
    input: BundleExportRequest,
    output: z.object({ jobId: z.string(), target: z.string() }).nullable(),
  },
  'bundles:list': {
    input: z.object({ answerId: Id.optional(), customerId: Id.optional() }),
    output: z.array(BundleRecord),
  },
  /** Shows a recorded bundle's zip (or folder) in the OS file manager. */
  'bundles:showInFolder': { input: z.object({ id: Id }), output: z.object({ shown: z.boolean() }) },
  /**
   * Asks the OS for a bundle zip and starts checking it as a job (a big bundle takes a while); null
   * when the user cancelled the dialog. The job's result is a BundleVerifyReport.
   */
  'bundles:verify': {
    input: z.object({}),
    output: z.object({ jobId: z.string(), file: z.string() }).nullable(),
  },
});
