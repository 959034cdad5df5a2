import type { Library } from '../core/library';
import { resolveMediaRequest } from '../core/media';
import { appFileFor } from './appFiles';
import { fileResponse } from './fileResponse';

// What our two protocols answer, as plain functions from a fetch Request to a Response, without
// Electron: protocol.handle registers them in the app, and the UI harness calls the very same
// functions for its HTTP requests, so a range or cross-origin bug fails a spec there too.

export const APP_SCHEME = 'kotae-app';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
export const MEDIA_SCHEME = 'kotae-media';
export const MEDIA_ORIGIN = `${MEDIA_SCHEME}://media`;

const notFound = () => new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } });
const notAllowed = () => new Response(null, { status: 405, headers: { allow: 'GET, HEAD' } });
const readOnly = (request: Request) => request.method === 'GET' || request.method === 'HEAD';

/** kotae-app://app/… serves the built renderer, confined to its folder (appFileFor). */
export function appRequestHandler(rendererDir: string): (request: Request) => Response {
  return (request) => {
    if (!readOnly(request)) return notAllowed();
    const file = appFileFor(rendererDir, request.url);
    return file ? fileResponse(request, file) : notFound();
  };
}

/**
 * kotae-media://media/<sha256> serves the open library's media, confined to its media folder, with
 * byte ranges (seeking) and CORS for our page: the page is another origin, and <video crossorigin>
 * with its chapter and caption <track>s is fetched in CORS mode.
 */
export function mediaRequestHandler(
  currentLibrary: () => Library,
  appOrigin: string,
): (request: Request) => Response {
  const cors = {
    'access-control-allow-origin': appOrigin,
    'access-control-expose-headers': 'content-range, content-length, accept-ranges',
    vary: 'origin',
  };
  return (request) => {
    if (!readOnly(request)) return notAllowed();
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return notFound();
    }
    if (`${url.protocol}//${url.host}` !== MEDIA_ORIGIN) return notFound();
    let library: Library;
    try {
      library = currentLibrary();
    } catch {
      return notFound(); // no library open
    }
    let media;
    try {
      media = resolveMediaRequest(library, url.pathname);
    } catch {
      media = null; // a malformed escape
    }
    if (!media) return notFound();
    return fileResponse(request, media.file, { type: media.mime, headers: cors });
  };
}
