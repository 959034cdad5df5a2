import { app, session, shell, type WebContents } from 'electron';
import { mayGrantPermission, mayNavigate, windowOpenDecision } from './policy';

/**
 * App-wide rules, applied to every web contents as it is created: no navigation away from our page
 * (decided per frame), no new windows (links go to the OS browser after a check), and only the
 * permissions of policy.ts, for the frame that asks. The decisions are the pure functions of
 * policy.ts, tested under Node.
 */
export function applySecurityPolicy(isTrustedUrl: (url: string) => boolean): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    // will-frame-navigate covers the main frame and every subframe (will-navigate: the main frame only).
    contents.on('will-frame-navigate', (event) => {
      if (!mayNavigate({ url: event.url, isMainFrame: event.isMainFrame }, isTrustedUrl))
        event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      if (!mayNavigate({ url: event.url, isMainFrame: event.isMainFrame }, isTrustedUrl))
        event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      const decision = windowOpenDecision(url);
      if (decision.openExternally) void shell.openExternal(url);
      return { action: decision.action };
    });
  });

  app.whenReady().then(() => {
    const ses = session.defaultSession;
    ses.setPermissionRequestHandler((contents, permission, callback, details) => {
      callback(
        mayGrantPermission(
          permission,
          {
            requestingUrl: details.requestingUrl,
            isMainFrame: details.isMainFrame,
            topUrl: contents.getURL(),
          },
          isTrustedUrl,
        ),
      );
    });
    ses.setPermissionCheckHandler((contents, permission, requestingOrigin, details) =>
      mayGrantPermission(
        permission,
        {
          requestingUrl: details.requestingUrl ?? requestingOrigin,
          isMainFrame: details.isMainFrame,
          topUrl: contents?.getURL() ?? null,
          embeddingOrigin: details.embeddingOrigin,
        },
        isTrustedUrl,
      ),
    );
  });
}
