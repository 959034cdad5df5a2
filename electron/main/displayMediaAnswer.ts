import { mayGrantPermission } from './policy';

// The contract of Electron's display-media callback (electron_browser_context.cc,
// DisplayMediaDeviceChosen): it must be called exactly once; `null` denies quietly; an object
// without `video` when video was asked for throws "Video was requested, but no video stream was
// provided" in the main process (an error box), and so does calling a spent callback again. Without
// Electron, so tests can hold it to that.

export interface CaptureSource {
  id: string;
  name: string;
}

export interface DisplayMediaRequester {
  /** URL of the frame asking (null when the frame navigated away or is gone). */
  url: string | null;
  isMainFrame: boolean;
}

/** macOS screen-recording consent (systemPreferences.getMediaAccessStatus('screen')); 'granted' elsewhere. */
export type ScreenAccessStatus = 'not-determined' | 'granted' | 'denied' | 'restricted' | 'unknown';

/** The first whole screen, else the first source (a window), else nothing. */
export function pickCaptureSource<S extends CaptureSource>(sources: readonly S[]): S | null {
  return sources.find((s) => s.id.startsWith('screen:')) ?? sources[0] ?? null;
}

export function answerDisplayMediaRequest<S extends CaptureSource>(
  requester: DisplayMediaRequester,
  getSources: () => Promise<S[]>,
  callback: (streams: { video: S } | null) => void,
  isTrustedUrl: (url: string) => boolean,
  screenAccess: ScreenAccessStatus = 'granted',
): void {
  let answered = false;
  const answer = (streams: { video: S } | null) => {
    if (answered) return;
    answered = true;
    try {
      callback(streams);
    } catch (err) {
      // Never call the callback a second time: log instead.
      console.error('[display-media] the answer was refused', err);
    }
  };
  const trusted = mayGrantPermission(
    'display-capture',
    { requestingUrl: requester.url, isMainFrame: requester.isMainFrame },
    isTrustedUrl,
  );
  // Without consent macOS would hand over a black screen: refuse, the page explains what to do.
  if (!trusted || screenAccess === 'denied' || screenAccess === 'restricted') {
    answer(null);
    return;
  }
  let pending: Promise<S[]>;
  try {
    pending = getSources();
  } catch {
    answer(null);
    return;
  }
  pending.then(
    (sources) => {
      const source = pickCaptureSource(sources);
      answer(source ? { video: source } : null);
    },
    () => answer(null),
  );
}
