import { describe, expect, it } from 'vitest';
import { answerDisplayMediaRequest, type CaptureSource } from './displayMediaAnswer';
import { sameOrigin } from './policy';

// Electron's display-media callback may be called once; `null` denies quietly; an object without
// `video` (the old `callback({})`) throws "Video was requested, but no video stream was provided" in
// the main process. This stand-in callback behaves the same way, so the tests hold our answer to it.

const ours = sameOrigin('kotae-app://app/index.html');
const page = { url: 'kotae-app://app/index.html#/videos', isMainFrame: true };
const screen = { id: 'screen:1:0', name: 'Entire screen' };
const window1 = { id: 'window:42:0', name: 'Editor' };

function electronLikeCallback() {
  const calls: unknown[] = [];
  const callback = (streams: { video: CaptureSource } | null) => {
    if (calls.length > 0) throw new Error('callback was already called');
    calls.push(streams);
    if (streams !== null && !('video' in streams))
      throw new TypeError('Video was requested, but no video stream was provided');
  };
  return { calls, callback };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('answering getDisplayMedia', () => {
  it('gives our page the first whole screen', async () => {
    const { calls, callback } = electronLikeCallback();
    answerDisplayMediaRequest(page, async () => [window1, screen], callback, ours);
    await settle();
    expect(calls).toEqual([{ video: screen }]);
  });

  it('denies with null, once, when there is nothing to share or the sources cannot be listed', async () => {
    for (const getSources of [
      async () => [],
      () => Promise.reject(new Error('no')),
      () => {
        throw new Error('sync');
      },
    ]) {
      const { calls, callback } = electronLikeCallback();
      answerDisplayMediaRequest(page, getSources as () => Promise<CaptureSource[]>, callback, ours);
      await settle();
      expect(calls).toEqual([null]);
    }
  });

  it('denies a subframe, another page, a gone frame, and macOS without screen-recording consent', async () => {
    const cases = [
      [{ ...page, isMainFrame: false }, 'granted'],
      [{ url: 'https://evil.example/', isMainFrame: true }, 'granted'],
      [{ url: null, isMainFrame: false }, 'granted'],
      [page, 'denied'],
      [page, 'restricted'],
    ] as const;
    for (const [requester, access] of cases) {
      const { calls, callback } = electronLikeCallback();
      let listed = false;
      answerDisplayMediaRequest(requester, async () => ((listed = true), [screen]), callback, ours, access);
      await settle();
      expect(calls, JSON.stringify([requester, access])).toEqual([null]);
      expect(listed).toBe(false);
    }
  });

  it('never calls a spent callback again when Electron refuses the answer', async () => {
    let count = 0;
    const refusing = () => {
      count++;
      throw new TypeError('video must be a WebFrameMain or DesktopCapturerSource');
    };
    answerDisplayMediaRequest(page, async () => [screen], refusing, ours);
    await settle();
    await settle();
    expect(count).toBe(1);
  });
});
