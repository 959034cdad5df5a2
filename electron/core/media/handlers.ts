import path from 'node:path';
import type { ImportOutcome } from '../../../shared/api/media';
import type { VideoDetail } from '../../../shared/domain/video';
import { toAppError } from '../../../shared/errors';
import type { Handlers } from '../api';
import type { DialogFilter, Studio } from '../studio';
import { assetProbe, getAsset, loadFrameIndex } from './assets';
import { thumbnailStrip, waveform } from './derivatives';
import { importVideo } from './importVideo';
import { listMedia } from './queries';
import { studioTools, studioToolsInfo } from './tools';

type MediaChannel =
  | 'media:list'
  | 'media:import'
  | 'media:chooseImport'
  | 'media:video'
  | 'media:thumbnails'
  | 'media:waveform'
  | 'media:tools';

const VIDEO_FILTERS: DialogFilter[] = [
  { name: 'video', extensions: ['mp4', 'm4v', 'mov', 'webm', 'mkv', 'avi', 'ts', 'mts', 'flv', 'wmv', 'mpg', 'mpeg', 'ogv'] },
];

const r6 = (n: number) => Math.round(n * 1e6) / 1e6;

export function mediaHandlers(studio: Studio): Handlers<MediaChannel> {
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
    'media:list': () => listMedia(studio.library().db),
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
  };
}
