import { answerHandlers } from '../answers';
import { backupHandlers } from '../backup';
import { bundleHandlers } from '../bundles';
import { capabilityHandlers } from '../capabilities';
import { clipHandlers } from '../clips';
import { customerHandlers } from '../customers';
import { faqHandlers } from '../faq';
import { intakeHandlers } from '../intake';
import { mediaHandlers } from '../media';
import { questionHandlers } from '../questions';
import { recordingHandlers } from '../recording';
import { releaseHandlers } from '../releases';
import { scopeHandlers } from '../scope';
import { searchHandlers } from '../search';
import { type Studio, studioHandlers } from '../studio';
import { trackingHandlers } from '../tracking';
import { verdictHandlers } from '../verdicts';
import type { HandlerTable } from './types';

/** The handler table: one entry per channel of shared/api. The type fails if a channel is missing. */
export function createHandlers(studio: Studio): HandlerTable {
  return {
    ...studioHandlers(studio),
    ...questionHandlers(studio),
    ...customerHandlers(studio),
    ...answerHandlers(studio),
    ...capabilityHandlers(studio),
    ...mediaHandlers(studio),
    ...searchHandlers(studio),
    ...clipHandlers(studio),
    ...recordingHandlers(studio),
    ...bundleHandlers(studio),
    ...faqHandlers(studio),
    ...intakeHandlers(studio),
    ...backupHandlers(studio),
    ...scopeHandlers(studio),
    ...trackingHandlers(studio),
    ...releaseHandlers(studio),
    ...verdictHandlers(studio),
  };
}
