import path from 'node:path';
import type { ImportOutcome } from '../../../shared/api/video';
import type { VideoDetail } from '../../../shared/domain/video';
import { toAppError } from '../../../shared/errors';
import type { Handlers } from '../api';
import {
  assetProbe,
  getAsset,
  loadFrameIndex,
  thumbnailStrip,
  waveform,
  importVideo,
  studioTools,
  studioToolsInfo,
} from '../media';
import { appendChunk, discardRecording, finishRecording, pendingRecordings, startRecording } from '../recording';
import type { DialogFilter, Studio } from '../studio';
import { renderedCaptions } from './captions';
import { deleteClip, getClip, listClips, updateClip } from './clips';
import { capabilitiesOf, planClip, renderClip } from './renderClip';
import { renderedFileOf, saveRenderedVideo } from './saveVideo';
import { takeStepPictures } from './stepPictures';

type VideoChannel =
  | 'media:import'
  | 'media:chooseImport'
  | 'media:video'
  | 'media:thumbnails'
  | 'media:waveform'
  | 'media:tools'
  | 'clips:list'
  | 'clips:get'
  | 'clips:captions'
  | 'clips:update'
  | 'clips:plan'
  | 'clips:render'
  | 'clips:stepPictures'
  | 'clips:saveVideoAs'
  | 'clips:showVideo'
  | 'clips:delete'
  | 'recording:start'
  | 'recording:append'
  | 'recording:finish'
  | 'recording:discard'
  | 'recording:pending';

const VIDEO_FILTERS: DialogFilter[] = [
  { name: 'video', extensions: ['mp4', 'm4v', 'mov', 'webm', 'mkv', 'avi', 'ts', 'mts', 'flv', 'wmv', 'mpg', 'mpeg', 'ogv'] },
];

const r6 = (n: number) => Math.round(n * 1e6) / 1e6;

export function videoHandlers(studio: Studio): Handlers<VideoChannel> {
  /** Imports files one by one as one job: a bad file is reported and the others still come in. */
  async function importPaths(paths: string[]): Promise<ImportOutcome> {
    const library = studio.writableLibrary();
    const tools = await studioTools(studio);
    const job = studio.jobs.start('videoImport', async (ctx) => {
      const outcome: ImportOutcome = { imported: [], failed: [] };
      for (const [i, file] of paths.entries()) {
        ctx.throwIfCancelled();
        const name = path.basename(file);
        try {
          const result = await importVideo(library, tools, file, {
            signal: ctx.signal,
            onProgress: (f, phase) => ctx.progress((i + f) / paths.length, phase),
          });
          outcome.imported.push({ ...result, name });
        } catch (err) {
          if (ctx.signal.aborted) throw err;
          outcome.failed.push({ name, error: toAppError(err) });
        }
      }
      return outcome;
    });
    try {
      return await job.done;
    } finally {
      studio.changed('media', 'clips');
    }
  }

  return {
    'media:import': ({ paths }) => importPaths(paths),
    'media:chooseImport': async () => {
      const paths = await studio.dialogs.chooseFiles({ title: 'importVideos', filters: VIDEO_FILTERS, multiple: true });
      return paths.length ? importPaths(paths) : { imported: [], failed: [] };
    },
    'media:video': ({ assetId }): VideoDetail => {
      const library = studio.library();
      const row = getAsset(library, assetId);
      const frames = loadFrameIndex(library, assetId);
      return {
        asset: {
          id: row.id,
          sha256: row.sha256,
          kind: row.kind as VideoDetail['asset']['kind'],
          originalName: row.original_name,
          mime: row.mime,
          size: row.size,
          durationS: row.duration_s,
          width: row.width,
          height: row.height,
          createdAt: row.created_at,
        },
        probe: assetProbe(row),
        frameTimes: frames.times.map(r6),
        keyframes: frames.keyframes.map((i) => r6(frames.times[i]!)),
        cleanEnds: frames.cleanEnds.map((c) => r6(c < frames.times.length ? frames.times[c]! : frames.endTime)),
      };
    },
    'media:thumbnails': async ({ assetId }) => thumbnailStrip(studio.writableLibrary(), await studioTools(studio), assetId),
    'media:waveform': async ({ assetId }) => waveform(studio.writableLibrary(), await studioTools(studio), assetId),
    'media:tools': () => studioToolsInfo(studio),
    'clips:list': ({ answerId }) => listClips(studio.library(), answerId === undefined ? {} : { answerId }),
    'clips:get': ({ id }) => getClip(studio.library(), id),
    'clips:captions': ({ id }) => renderedCaptions(studio.library(), id),
    'clips:update': ({ id, edit }) => {
      const clip = updateClip(studio.writableLibrary(), id, edit);
      studio.changed('clips');
      return clip;
    },
    'clips:plan': async ({ assetId, ...edit }) => {
      // The plan shows what the ffmpeg in use will do; with none found, the render says so.
      const tools = await studioTools(studio).catch(() => null);
      return planClip(studio.library(), assetId, edit, tools ? capabilitiesOf(tools.ffmpeg) : { exactCopyCuts: true });
    },
    'clips:render': async ({ id }) => {
      const library = studio.writableLibrary();
      getClip(library, id);
      const tools = await studioTools(studio);
      const job = studio.jobs.start('render', async (ctx) => {
        try {
          const clip = await renderClip(library, tools, id, { signal: ctx.signal, onProgress: ctx.progress });
          return { clipId: clip.id, assetId: clip.rendered?.assetId ?? null };
        } finally {
          studio.changed('clips', 'media');
        }
      });
      return { jobId: job.id };
    },
    'clips:stepPictures': async ({ answerId }) => {
      const library = studio.writableLibrary();
      const tools = await studioTools(studio);
      const job = studio.jobs.start('stepPictures', async (ctx) => {
        try {
          return await takeStepPictures(library, tools, answerId, { signal: ctx.signal, onProgress: ctx.progress });
        } finally {
          studio.changed('media');
        }
      });
      return { jobId: job.id };
    },
    'clips:saveVideoAs': async ({ id }) => {
      const library = studio.library();
      // Refused before the dialog when there is nothing to save: the question would be pointless.
      const { name, ext } = renderedFileOf(library, id);
      const chosen = await studio.dialogs.chooseSaveFile({
        title: 'saveVideo',
        defaultName: name,
        filters: [{ name: 'video', extensions: [ext] }],
      });
      if (!chosen) return null;
      const target = path.extname(chosen).toLowerCase() === `.${ext}` ? chosen : `${chosen}.${ext}`;
      const job = studio.jobs.start('saveVideo', (ctx) =>
        saveRenderedVideo(library, id, target, { signal: ctx.signal, onProgress: (f) => ctx.progress(f) }),
      );
      return { jobId: job.id, target };
    },
    'clips:showVideo': async ({ id }) => {
      await studio.dialogs.showInFolder(renderedFileOf(studio.library(), id).file);
      return { shown: true };
    },
    'clips:delete': ({ id }) => {
      deleteClip(studio.writableLibrary(), id);
      studio.changed('clips');
      return { deleted: true };
    },
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
