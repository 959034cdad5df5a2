import { desktopCapturer, session } from 'electron';

/**
 * Answers the window's getDisplayMedia (the screen recorder) with a screen from desktopCapturer.
 * On macOS 15+ the system picker lets the vendor choose a screen or a window; elsewhere the first
 * screen is shared. Only our own page may capture.
 */
export function handleDisplayMedia(isTrustedUrl: (url: string) => boolean): void {
  session.defaultSession.setDisplayMediaRequestHandler(
    (request, callback) => {
      if (!isTrustedUrl(request.frame?.url ?? request.securityOrigin)) {
        callback({});
        return;
      }
      desktopCapturer
        .getSources({ types: ['screen', 'window'] })
        .then((sources) => {
          const screen = sources.find((s) => s.id.startsWith('screen:')) ?? sources[0];
          callback(screen ? { video: screen } : {});
        })
        .catch(() => callback({}));
    },
    { useSystemPicker: true },
  );
}
