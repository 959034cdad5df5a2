import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { confinedRealPath } from '../../electron/core/files/confine';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.vtt': 'text/vtt; charset=utf-8',
  '.woff2': 'font/woff2',
};

export function contentType(file: string): string {
  return types[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Streams a file, honouring a single byte range so <video> can seek (as Electron's net.fetch does). */
export function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  type = contentType(file),
): void {
  const size = statSync(file).size;
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
  const headers = { 'content-type': type, 'accept-ranges': 'bytes', 'cache-control': 'no-store' };
  if (range && (range[1] || range[2])) {
    const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
    const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    if (start >= size || start > end) {
      res.writeHead(416, { 'content-range': `bytes */${size}` }).end();
      return;
    }
    res.writeHead(206, {
      ...headers,
      'content-range': `bytes ${start}-${end}/${size}`,
      'content-length': end - start + 1,
    });
    createReadStream(file, { start, end }).pipe(res);
    return;
  }
  res.writeHead(200, { ...headers, 'content-length': size });
  createReadStream(file).pipe(res);
}

/** The built renderer, confined to its folder like the kotae-app:// protocol in Electron. */
export function serveRenderer(
  req: IncomingMessage,
  res: ServerResponse,
  rendererDir: string,
  urlPath: string,
): void {
  const relative = decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath);
  const file = confinedRealPath(rendererDir, path.join(rendererDir, relative));
  if (!file || !statSync(file).isFile()) {
    res.writeHead(404).end('not found');
    return;
  }
  sendFile(req, res, file);
}
