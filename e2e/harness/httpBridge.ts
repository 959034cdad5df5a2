import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';

// The harness speaks HTTP; our protocol handlers speak fetch's Request/Response (as Electron's
// protocol.handle does). These two functions translate, adding nothing and removing nothing, so what
// the page gets is what the handler answered.

/** The HTTP request as a Request for `origin` + its path (e.g. kotae-media://media/<sha256>). */
export function toFetchRequest(req: IncomingMessage, origin: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(':')) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = new URL(req.url ?? '/', 'http://harness.invalid');
  return new Request(`${origin}${url.pathname}${url.search}`, { method: req.method ?? 'GET', headers });
}

/** Sends a Response, streaming its body; an aborted request stops the stream. */
export async function sendFetchResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  res.writeHead(response.status, headers);
  if (!response.body) {
    res.end();
    return;
  }
  const body = Readable.fromWeb(response.body as NodeReadableStream);
  res.on('close', () => body.destroy());
  body.on('error', () => res.destroy());
  body.pipe(res);
}
