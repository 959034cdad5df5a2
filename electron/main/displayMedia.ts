import { desktopCapturer, session, systemPreferences } from 'electron';
import { answerDisplayMediaRequest, type ScreenAccessStatus } from './displayMediaAnswer';

/** macOS asks the user before an app may record the screen; elsewhere there is nothing to ask. */
export function screenAccessStatus(): ScreenAccessStatus {
  return process.platform === 'darwin' ? systemPreferences.getMediaAccessStatus('screen') : 'granted';
}

/**
 * Answers the window's getDisplayMedia (the screen recorder) with a screen from desktopCapturer.
 * On macOS 15+ the system picker lets the vendor choose a screen or a window (the handler is then not
 * called); elsewhere the first screen is shared. Only our own page's main frame may capture.
 */
export function handleDisplayMedia(isTrustedUrl: (url: string) => boolean): void {
  session.defaultSession.setDisplayMediaRequestHandler(
    (request, callback) => {
      const frame = request.frame;
      answerDisplayMediaRequest(
        { url: frame?.url ?? null, isMainFrame: !!frame && frame.parent === null },
        () => desktopCapturer.getSources({ types: ['screen', 'window'] }),
        callback,
        isTrustedUrl,
        screenAccessStatus(),
      );
    },
    { useSystemPicker: true },
  );
}
