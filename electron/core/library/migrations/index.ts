import type { Database } from 'better-sqlite3';
import { up as initial } from './0010-initial';
import { up as video } from './0040-video';
import { up as bundleRecords } from './0050-bundle-records';
import { up as faq } from './0060-faq';
import { up as intake } from './0080-intake';
import { up as search } from './0090-search';
import { up as mediaCrc32 } from './0100-media-crc32';
import { up as firstCheckpoints } from './0110-first-checkpoints';
import { up as vendorKey } from './0120-vendor-key';
import { up as documentSchema } from './0125-document-schema';
import { up as capabilityLanguages } from './0130-capability-languages';
import { up as compactSearch } from './0140-compact-search';
import { up as releasesVerdicts } from './0150-releases-verdicts';
import { up as privacyKeys } from './0160-privacy-keys';
import { up as clipRegions } from './0170-clip-regions';
import { up as listOrder } from './0180-list-order';

export interface Migration {
  /** Steps of 10 leave room for a fix-up between two released versions. */
  version: number;
  name: string;
  up: (db: Database) => void;
}

// One migration per file, listed here in order. Never edit a released migration: add the next one.
export const migrations: readonly Migration[] = [
  { version: 10, name: 'initial', up: initial },
  { version: 40, name: 'video', up: video },
  { version: 50, name: 'bundle-records', up: bundleRecords },
  { version: 60, name: 'faq', up: faq },
  { version: 80, name: 'intake', up: intake },
  { version: 90, name: 'search', up: search },
  { version: 100, name: 'media-crc32', up: mediaCrc32 },
  { version: 110, name: 'first-checkpoints', up: firstCheckpoints },
  { version: 120, name: 'vendor-key', up: vendorKey },
  { version: 125, name: 'document-schema', up: documentSchema },
  { version: 130, name: 'capability-languages', up: capabilityLanguages },
  { version: 140, name: 'compact-search', up: compactSearch },
  { version: 150, name: 'releases-verdicts', up: releasesVerdicts },
  { version: 160, name: 'privacy-keys', up: privacyKeys },
  { version: 170, name: 'clip-regions', up: clipRegions },
  { version: 180, name: 'list-order', up: listOrder },
];
