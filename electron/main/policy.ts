// The security rules of the Electron shell as plain data and functions, without importing Electron,
// so tests can check them under Node (the hardening issue tests each one).

/** Settings every window gets. */
export const secureWebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
} as const;

/** Permissions a window may get: media capture for the screen recorder, nothing else. */
export const allowedPermissions: ReadonlySet<string> = new Set(['media', 'display-capture']);

/** https and mailto links leave the app for the OS browser or mail client; nothing else is opened. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'mailto:';
  } catch {
    return false;
  }
}

/**
 * scheme://host of a URL. Not URL.origin: Node answers "null" for custom schemes (kotae-app:) and
 * for file:, and "null" === "null" would trust every file:// page.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : null;
  } catch {
    return null;
  }
}

/** Whether a URL belongs to our own page (same scheme and host as the page the app loads). */
export function sameOrigin(trustedUrl: string): (url: string) => boolean {
  const trusted = originOf(trustedUrl);
  if (!trusted) throw new Error(`not a URL with a host: ${trustedUrl}`);
  return (url) => originOf(url) === trusted;
}

export interface SenderFrame {
  parent: unknown;
  url: string;
}

/** An IPC call is ours only from the main frame (no iframe) of a page of our own origin. */
export function isTrustedSender(
  frame: SenderFrame | null | undefined,
  isTrustedUrl: (url: string) => boolean,
): boolean {
  return !!frame && frame.parent === null && isTrustedUrl(frame.url);
}

/** will-navigate / will-redirect: stay on our own page, never leave it for anything else. */
export function mayNavigate(url: string, isTrustedUrl: (url: string) => boolean): boolean {
  return isTrustedUrl(url);
}

/** window.open and target=_blank: never a new window; a safe link goes to the OS instead. */
export function windowOpenDecision(url: string): { action: 'deny'; openExternally: boolean } {
  return { action: 'deny', openExternally: isSafeExternalUrl(url) };
}

/** Permission requests and checks: media capture for the recorder, from our own page only. */
export function mayGrantPermission(
  permission: string,
  requestingUrl: string,
  isTrustedUrl: (url: string) => boolean,
): boolean {
  return allowedPermissions.has(permission) && isTrustedUrl(requestingUrl);
}
