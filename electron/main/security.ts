import { app, session, shell, type WebContents } from 'electron';
import { mayGrantPermission, mayNavigate, windowOpenDecision } from './policy';

/**
 * App-wide rules, applied to every web contents as it is created: no navigation away from our page,
 * no new windows (links go to the OS browser after a check), and no permissions beyond media.
 * The decisions themselves are the pure functions of policy.ts, tested under Node.
 */
export function applySecurityPolicy(isTrustedUrl: (url: string) => boolean): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!mayNavigate(url, isTrustedUrl)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!mayNavigate(url, isTrustedUrl)) event.preventDefault();
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
    ses.setPermissionRequestHandler((contents, permission, callback) => {
      callback(mayGrantPermission(permission, contents.getURL(), isTrustedUrl));
    });
    ses.setPermissionCheckHandler((_contents, permission, origin) =>
      mayGrantPermission(permission, origin, isTrustedUrl),
    );
  });
}
