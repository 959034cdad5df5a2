import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { resolveMediaRequest } from '../core/media';
import { appFileFor } from './appFiles';
import type { Studio } from '../core/studio';

export const APP_SCHEME = 'kotae-app';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
export const MEDIA_SCHEME = 'kotae-media';

/** Must run before app ready: both schemes behave like https (secure, fetchable, streamable). */
export function registerSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    {
      scheme: MEDIA_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
    },
  ]);
}

const notFound = () => new Response('not found', { status: 404 });

/**
 * kotae-app://app/… serves the built renderer (a real origin for the CSP and the sender check, and
 * no file:// privileges); kotae-media://media/<sha256> serves the open library's media, confined to
 * its media folder. Range requests (video seeking) are handled by net.fetch on the file URL.
 */
export function handleProtocols(rendererDir: string, studio: Studio): void {
  protocol.handle(APP_SCHEME, (request) => {
    const file = appFileFor(rendererDir, request.url);
    return file ? net.fetch(pathToFileURL(file).toString()) : notFound();
  });

  protocol.handle(MEDIA_SCHEME, (request) => {
    const url = new URL(request.url);
    if (url.host !== 'media') return notFound();
    let library;
    try {
      library = studio.library();
    } catch {
      return notFound();
    }
    const media = resolveMediaRequest(library, url.pathname);
    if (!media) return notFound();
    return net.fetch(pathToFileURL(media.file).toString(), { headers: request.headers });
  });
}
