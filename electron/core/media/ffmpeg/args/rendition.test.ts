import { describe, expect, it } from 'vitest';
import { argumentList } from '../runner';
import { emailRenditionInvocation, estimateEmailBytes } from './rendition';

describe('e-mail rendition', () => {
  it('opens the source as an untrusted file, never upscales, keeps even sides and plays in browsers', () => {
    const args = argumentList(emailRenditionInvocation('/in/-y.mp4', '/out.mp4'), false);
    expect(args).toContain("scale='trunc(min(960,iw)/2)*2':-2");
    expect(args[args.indexOf('-i') + 1]).toBe('file:/in/-y.mp4');
    expect(args).toContain('-protocol_whitelist');
    expect(args).toContain('+faststart');
    expect(args.at(-1)).toBe('file:/out.mp4');
  });

  it('estimates the size from the capped bit rate, never above the original', () => {
    expect(estimateEmailBytes(60, 1e9)).toBeLessThan(8e6);
    expect(estimateEmailBytes(60, 1000)).toBe(1000);
    expect(estimateEmailBytes(null, 5000)).toBe(5000);
  });
});
