import { z } from 'zod';
import { ImportResult } from '../domain/video';
import { defineChannels } from './channel';

// Screen recordings (issue 6): chunks sent while recording, finished into a stored video, and the
// recordings a crash left behind.
export const recordingChannels = defineChannels({
  'recording:start': {
    input: z.object({ mimeType: z.string().max(200) }),
    output: z.object({ id: z.string() }),
  },
  /** One MediaRecorder chunk, base64 (it travels as JSON in the harness and over IPC alike). */
  'recording:append': {
    input: z.object({
      id: z.string().max(64),
      seq: z.number().int().min(0),
      data: z.string().max(48 * 1024 * 1024),
    }),
    output: z.object({ bytes: z.number() }),
  },
  'recording:finish': {
    input: z.object({ id: z.string().max(64), name: z.string().min(1).max(200) }),
    output: ImportResult,
  },
  'recording:discard': {
    input: z.object({ id: z.string().max(64) }),
    output: z.object({ discarded: z.boolean() }),
  },
  'recording:pending': {
    input: z.object({}),
    output: z.array(z.object({ id: z.string(), bytes: z.number(), startedAt: z.string() })),
  },
});
