import type { Handlers } from '../api';
import { studioTools } from '../media';
import type { Studio } from '../studio';
import { appendChunk, discardRecording, finishRecording, pendingRecordings, startRecording } from './recordings';

type RecordingChannel =
  'recording:start' | 'recording:append' | 'recording:finish' | 'recording:discard' | 'recording:pending';

export function recordingHandlers(studio: Studio): Handlers<RecordingChannel> {
  return {
    'recording:start': ({ mimeType }) => startRecording(studio.writableLibrary(), mimeType),
    'recording:append': ({ id, seq, data }) => appendChunk(studio.writableLibrary(), id, seq, Buffer.from(data, 'base64')),
    'recording:finish': async ({ id, name }) => {
      const library = studio.writableLibrary();
      const tools = await studioTools(studio);
      const job = studio.jobs.start('record', (ctx) => finishRecording(library, tools, id, name, ctx.signal));
      try {
        return await job.done;
      } finally {
        studio.changed('media', 'clips');
      }
    },
    'recording:discard': ({ id }) => {
      discardRecording(studio.writableLibrary(), id);
      return { discarded: true };
    },
    'recording:pending': () => pendingRecordings(studio.library()),
  };
}
