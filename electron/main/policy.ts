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

/**
 * Permissions our page may get: media capture for the screen recorder and its narration, writing to
 * the clipboard (navigator.clipboard.writeText: "Copy" buttons for drafts and fingerprints), and
 * fullscreen (the video player's button). Nothing else: no notifications, geolocation, HID, …
 */
export const allowedPermissions: ReadonlySet<string> = new Set([
  'media',
  'display-capture',
  'clipboard-sanitized-write',
  'fullscreen',
]);

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

/** What Electron tells about a frame that navigates (will-frame-navigate, will-redirect). */
export interface NavigatingFrame {
  url: string;
  isMainFrame: boolean;
}

/**
 * Navigation, decided per frame: the main frame stays on our own page; a subframe (a mail shown in
 * its sandboxed srcdoc iframe) may only be its own srcdoc or blank, never load a URL (a link clicked
 * inside a mail would otherwise open a remote page inside the app).
 */
export function mayNavigate(target: NavigatingFrame, isTrustedUrl: (url: string) => boolean): boolean {
  if (target.isMainFrame) return isTrustedUrl(target.url);
  return target.url === 'about:srcdoc' || target.url === 'about:blank';
}

/** window.open and target=_blank: never a new window; a safe link goes to the OS instead. */
export function windowOpenDecision(url: string): { action: 'deny'; openExternally: boolean } {
  return { action: 'deny', openExternally: isSafeExternalUrl(url) };
}

/** Who asks for a permission: the requesting frame, and the page it sits in. */
export interface PermissionAsker {
  /** The URL (or, for some checks, the origin) of the frame that asks. */
  requestingUrl: string | null | undefined;
  isMainFrame: boolean;
  /** The top page of the web contents, when known. */
  topUrl?: string | null;
  /** Set by Electron only for cross-origin subframes. */
  embeddingOrigin?: string | undefined;
}

/**
 * Permission requests and checks, decided for the frame that asks (not the top page's URL): an
 * allowed permission, asked by the main frame of our own page. A subframe never gets one, even inside
 * our page.
 */
export function mayGrantPermission(
  permission: string,
  asker: PermissionAsker,
  isTrustedUrl: (url: string) => boolean,
): boolean {
  if (!allowedPermissions.has(permission)) return false;
  if (!asker.isMainFrame || asker.embeddingOrigin) return false;
  if (!asker.requestingUrl || !isTrustedUrl(asker.requestingUrl)) return false;
  return asker.topUrl == null || isTrustedUrl(asker.topUrl);
}
