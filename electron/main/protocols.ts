import { protocol } from 'electron';
import type { Studio } from '../core/studio';
import { APP_SCHEME, MEDIA_SCHEME, appRequestHandler, mediaRequestHandler } from './protocolHandlers';

export { APP_ORIGIN, APP_SCHEME, MEDIA_SCHEME } from './protocolHandlers';

/**
 * Must run before app ready (Electron allows one call). Both schemes behave like https (standard,
 * secure, fetchable); media also streams, and is CORS-enabled because the page (kotae-app://app) is
 * another origin: without `corsEnabled` Chromium refuses the CORS-mode fetches of <video crossorigin>
 * and its <track>s ("Cross origin requests are only supported for protocol schemes: …").
 */
export const privilegedSchemes = [
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  {
    scheme: MEDIA_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: true },
  },
];

export function registerSchemes(): void {
  protocol.registerSchemesAsPrivileged(privilegedSchemes);
}

/** After ready: the renderer's files and the library's media, answered by protocolHandlers.ts. */
export function handleProtocols(rendererDir: string, studio: Studio, appOrigin: string): void {
  protocol.handle(APP_SCHEME, appRequestHandler(rendererDir));
  protocol.handle(
    MEDIA_SCHEME,
    mediaRequestHandler(() => studio.library(), appOrigin),
  );
}
