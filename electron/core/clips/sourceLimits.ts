import type { FallbackReason, RenderOptions } from '../../../shared/domain/clip';
import type { MediaProbe } from '../../../shared/domain/video';
import { BROWSER_MAX_HEIGHT, BROWSER_MAX_WIDTH } from '../media';
import type { VideoEncodeSettings } from './plan';

// What a source allows a render to do: the output size, the x264 profile that matches it for
// smart cuts, and why its stream cannot be copied as it is (plan.ts decides what follows).

/** Display size after rotation, scaled to the chosen height and always within 4K, even numbers. */
export function outputSize(
  probe: MediaProbe,
  resolution: RenderOptions['resolution'],
): { width: number; height: number; scaled: boolean } {
  const v = probe.video!;
  let w = v.rotation % 180 === 0 ? v.width : v.height;
  let h = v.rotation % 180 === 0 ? v.height : v.width;
  const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);
  let scale = 1;
  if (resolution !== 'source') scale = Math.min(scale, Number(resolution) / h);
  scale = Math.min(scale, BROWSER_MAX_WIDTH / Math.max(w, h), BROWSER_MAX_HEIGHT / Math.min(w, h));
  if (scale < 1) {
    w = even(w * scale);
    h = even(h * scale);
    return { width: w, height: h, scaled: true };
  }
  return { width: even(w), height: even(h), scaled: even(w) !== w || even(h) !== h };
}

export function x264Profile(profile: string | null): VideoEncodeSettings['profile'] {
  const p = (profile ?? '').toLowerCase();
  if (p.includes('baseline')) return 'baseline';
  if (p === 'main') return 'main';
  return 'high';
}

/** Why smart or lossless cannot copy this source as asked, or null. */
export function copyBlocker(probe: MediaProbe, options: RenderOptions, scaled: boolean): FallbackReason | null {
  const v = probe.video!;
  if (v.codec !== 'h264') return 'notH264';
  if (v.width > BROWSER_MAX_WIDTH * 1.0001 || v.height > BROWSER_MAX_WIDTH * 1.0001 || Math.min(v.width, v.height) > BROWSER_MAX_HEIGHT)
    return 'tooLarge';
  if (scaled) return 'resize';
  if (options.targetSizeMb !== null) return 'targetSize';
  if (options.burnCaptions) return 'burnCaptions';
  if (v.pixelFormat !== 'yuv420p' && v.pixelFormat !== 'yuvj420p') return 'pixelFormat';
  if (v.fieldOrder && v.fieldOrder !== 'progressive' && v.fieldOrder !== 'unknown') return 'interlaced';
  return null;
}

