import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { SavedVideo } from '../../../shared/domain/clip';
import { KotaeError } from '../../../shared/errors';
import { produceAtomically } from '../files';
import type { Library } from '../library';
import { assetPath, getAsset } from '../media';
import { getClip } from './clips';

/** The rendered file of a clip in the media store, and the name a copy of it is offered under. */
export function renderedFileOf(
  library: Library,
  clipId: number,
): { file: string; ext: string; name: string } {
  const clip = getClip(library, clipId);
  if (!clip.rendered)
    throw new KotaeError(
      'NOT_FOUND',
      { id: clipId },
      `clip ${clipId} has no rendered file`,
      'videos:errors.notRendered',
    );
  const asset = getAsset(library, clip.rendered.assetId);
  return { file: assetPath(library, asset), ext: asset.ext, name: `${fileNameOf(clip.title)}.${asset.ext}` };
}

/**
 * A file name from a clip's title: characters no file system takes (and controls) become spaces;
 * no leading dot (a hidden file); 120 characters at most. Linear: one pass over the title.
 */
export function fileNameOf(title: string): string {
  let name = '';
  for (const ch of title) {
    const code = ch.codePointAt(0)!;
    name += code < 0x20 || code === 0x7f || '\\/:*?"<>|'.includes(ch) ? ' ' : ch;
  }
  name = name.replace(/\s+/g, ' ').trim().replace(/^\.+/, '').slice(0, 120).trim();
  return name || 'video';
}

/**
 * Copies a clip's rendered file to `target` (a path the vendor chose): into a temp file beside it,
 * renamed into place once whole, so a cancelled or failed copy leaves nothing behind and an earlier
 * file of that name stays as it was until the new one is complete.
 */
export async function saveRenderedVideo(
  library: Library,
  clipId: number,
  target: string,
  job: { signal?: AbortSignal; onProgress?: (fraction: number) => void } = {},
): Promise<SavedVideo> {
  const { file } = renderedFileOf(library, clipId);
  const total = statSync(file).size;
  let copied = 0;
  const count = new Transform({
    transform(chunk: Buffer, _enc, done) {
      copied += chunk.length;
      job.onProgress?.(total ? copied / total : 1);
      done(null, chunk);
    },
  });
  await produceAtomically(target, (tmp) =>
    pipeline(createReadStream(file), count, createWriteStream(tmp, { flags: 'wx' }), { signal: job.signal }),
  );
  return { file: target, bytes: copied };
}
