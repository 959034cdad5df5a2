import { parseWebVtt, type Cue } from '../../../shared/clips/webvtt';
import type { Library } from '../library';
import { getClip } from './clips';

/**
 * The captions of a clip's last render, in the rendered file's time, read back from the WebVTT file
 * the render stored: exactly what the customer's bundle shows. Empty when the clip has none, was
 * never rendered, or the file is gone from the media folder (the video still plays without them).
 */
export function renderedCaptions(library: Library, clipId: number): Cue[] {
  const sha256 = getClip(library, clipId).rendered?.captionsVtt;
  const text = sha256 ? library.media.readText({ sha256, ext: 'vtt' }) : null;
  // The render writes at most 200 (one per chapter); a file is never a reason to send thousands.
  return text ? parseWebVtt(text).slice(0, 1000) : [];
}
