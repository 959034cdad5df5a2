import path from 'node:path';
import type { Handlers } from '../api';
import { studioTools } from '../media';
import type { Studio } from '../studio';
import { renderedCaptions } from './captions';
import { deleteClip, getClip, listClips, updateClip } from './clips';
import { capabilitiesOf, planClip, renderClip } from './renderClip';
import { renderedFileOf, saveRenderedVideo } from './saveVideo';
import { takeStepPictures } from './stepPictures';

type ClipChannel =
  | 'clips:list'
  | 'clips:get'
  | 'clips:captions'
  | 'clips:update'
  | 'clips:plan'
  | 'clips:render'
  | 'clips:stepPictures'
  | 'clips:saveVideoAs'
  | 'clips:showVideo'
  | 'clips:delete';

export function clipHandlers(studio: Studio): Handlers<ClipChannel> {
  return {
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
  };
}
