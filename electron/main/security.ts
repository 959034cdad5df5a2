import { app, session, shell, type WebContents } from 'electron';
import { allowedPermissions, isSafeExternalUrl } from './policy';

/**
 * App-wide rules, applied to every web contents as it is created: no navigation away from our page,
 * no new windows (links go to the OS browser after a check), and no permissions beyond media.
 */
export function applySecurityPolicy(isTrustedUrl: (url: string) => boolean): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isTrustedUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isTrustedUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isSafeExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });

  app.whenReady().then(() => {
    const ses = session.defaultSession;
    ses.setPermissionRequestHandler((contents, permission, callback) => {
      callback(allowedPermissions.has(permission) && isTrustedUrl(contents.getURL()));
    });
    ses.setPermissionCheckHandler(
      (_contents, permission, origin) => allowedPermissions.has(permission) && isTrustedUrl(origin),
    );
  });
}
