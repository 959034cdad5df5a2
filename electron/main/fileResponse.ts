import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';

// How our two protocols answer with a file: byte ranges included, without Electron, so that the
// Electron shell (protocol.handle) and the UI harness (over HTTP) answer with the same function.
// Why not net.fetch(file:): in Electron it sends the requested bytes of a Range request with status
// 200 and no Content-Range (electron/electron#38749), so <video> cannot seek (currentTime jumps back
// to 0), which breaks the trim editor.

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.vtt': 'text/vtt; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(file: string): string {
  return types[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export type ByteRange = { start: number; end: number };

/**
 * The one range a `Range` header asks for, as RFC 9110 §14 reads it: `bytes=a-b`, `bytes=a-` and the
 * suffix form `bytes=-n`. `null` means "answer with the whole file" (no header, another unit, a
 * malformed or multi-range header: a server may ignore those); `'unsatisfiable'` means 416.
 * Hand-parsed: the header comes from the page, and this reads it in one pass.
 */
export function parseRange(
  header: string | null | undefined,
  size: number,
): ByteRange | 'unsatisfiable' | null {
  if (!header) return null;
  const value = header.trim();
  if (!value.toLowerCase().startsWith('bytes=')) return null;
  const spec = value.slice('bytes='.length).trim();
  if (spec.includes(',')) return null;
  const dash = spec.indexOf('-');
  if (dash < 0) return null;
  const first = spec.slice(0, dash).trim();
  const last = spec.slice(dash + 1).trim();
  const digits = (s: string) => s.length > 0 && s.length <= 16 && [...s].every((c) => c >= '0' && c <= '9');
  if (first === '') {
    if (!digits(last)) return null;
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  if (!digits(first) || (last !== '' && !digits(last))) return null;
  const start = Number(first);
  if (last !== '' && Number(last) < start) return null; // invalid: ignored, as the RFC says
  if (start >= size) return 'unsatisfiable';
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  return { start, end };
}

/**
 * A file as a Response to `request`: 200 with the whole file, 206 with `Content-Range` for one
 * satisfiable range, 416 with `Content-Range: bytes *\/size` otherwise. HEAD gets the headers only.
 */
export function fileResponse(
  request: Request,
  file: string,
  options: { type?: string; headers?: Record<string, string> } = {},
): Response {
  const size = statSync(file).size;
  const headers: Record<string, string> = {
    'content-type': options.type ?? contentTypeFor(file),
    'accept-ranges': 'bytes',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...options.headers,
  };
  const range = parseRange(request.headers.get('range'), size);
  if (range === 'unsatisfiable') {
    return new Response(null, { status: 416, headers: { ...headers, 'content-range': `bytes */${size}` } });
  }
  const { start, end } = range ?? { start: 0, end: size - 1 };
  const length = size === 0 ? 0 : end - start + 1;
  const body =
    request.method === 'HEAD' || length === 0
      ? null
      : (Readable.toWeb(createReadStream(file, { start, end })) as ReadableStream<Uint8Array>);
  return new Response(body, {
    status: range ? 206 : 200,
    headers: {
      ...headers,
      'content-length': String(length),
      ...(range ? { 'content-range': `bytes ${start}-${end}/${size}` } : {}),
    },
  });
}
