import type { z } from 'zod';
import type { Result } from '../errors';
import { answerChannels } from './answers';
import { backupChannels } from './backup';
import { bundleChannels } from './bundles';
import { capabilityChannels } from './capabilities';
import { clipChannels } from './clips';
import { customerChannels } from './customers';
import { faqChannels } from './faq';
import { intakeChannels } from './intake';
import { mediaChannels } from './media';
import { questionChannels } from './questions';
import { recordingChannels } from './recording';
import { releaseChannels } from './releases';
import { scopeChannels } from './scope';
import { searchChannels } from './search';
import { studioChannels } from './studio';
import { trackingChannels } from './tracking';
import { verdictChannels } from './verdicts';
import type { EventName, EventPayload } from './events';

// One file per service: shared/api/<service>.ts declares exactly the channels that
// electron/core/<service>/handlers.ts serves (channels.test.ts checks it).
export const channels = {
  ...studioChannels,
  ...questionChannels,
  ...customerChannels,
  ...answerChannels,
  ...capabilityChannels,
  ...mediaChannels,
  ...searchChannels,
  ...clipChannels,
  ...recordingChannels,
  ...bundleChannels,
  ...faqChannels,
  ...intakeChannels,
  ...backupChannels,
  ...scopeChannels,
  ...trackingChannels,
  ...releaseChannels,
  ...verdictChannels,
};

export type Channels = typeof channels;
export type Channel = keyof Channels;
/** What a caller passes (defaults may be omitted). */
export type Input<C extends Channel> = z.input<Channels[C]['input']>;
/** What a handler receives, after validation filled in defaults. */
export type ParsedInput<C extends Channel> = z.output<Channels[C]['input']>;
export type Output<C extends Channel> = z.output<Channels[C]['output']>;

export const channelNames = Object.keys(channels) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);
}

/**
 * The one object the preload exposes as `window.kotae` (and the UI harness injects). It is a thin
 * proxy: answers come back as a Result envelope so typed errors survive IPC; the renderer unwraps.
 */
export interface KotaeBridge {
  invoke<C extends Channel>(channel: C, input: Input<C>): Promise<Result<Output<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** URL under which the open library's media file with this hash is served to the window. */
  mediaUrl(sha256: string): string;
  /** Path of a file the user dropped onto the window (Electron's webUtils; a name in the harness). */
  pathForFile(file: File): string;
}

export { events } from './events';
export type { EventName, EventPayload } from './events';
