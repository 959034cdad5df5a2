import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createHandlers, dispatch } from '../../electron/core/api';
import { Studio } from '../../electron/core/studio';
import {
  APP_ORIGIN,
  MEDIA_ORIGIN,
  appRequestHandler,
  mediaRequestHandler,
} from '../../electron/main/protocolHandlers';
import { HarnessDialogs, type DialogQueues } from './dialogs';
import { sendFetchResponse, toFetchRequest } from './httpBridge';
import { bridgeFor } from './start';

// The UI harness: serves the built renderer and the same handler table as Electron's main process
// over HTTP on 127.0.0.1, so Playwright drives the real UI against the real core in Chromium.
// Started by the Playwright fixtures, one per test, with a fresh user-data folder.
//
// Never kinder than Electron: the page and the media have two origins (two ports), as
// kotae-app://app and kotae-media://media do, and both are answered by the very protocol handlers
// Electron registers (electron/main/protocolHandlers.ts): byte ranges, CORS and confinement included.
// The page's CSP names the media origin where the app's names kotae-media:.

const here = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    'user-data': { type: 'string' },
    port: { type: 'string', default: '0' },
    locale: { type: 'string', default: 'en-US' },
    // The demo library's language; without it, the UI's (as in the app).
    'demo-language': { type: 'string' },
    renderer: { type: 'string', default: path.join(here, '../../out/renderer') },
  },
});
if (!values['user-data']) throw new Error('--user-data is required');

const MAX_BODY = 64 * 1024 * 1024;
const dialogs = new HarnessDialogs();
const studio = new Studio({
  userDataDir: path.resolve(values['user-data']),
  systemLocale: values.locale!,
  shell: 'harness',
  appVersion: JSON.parse(readFileSync(path.join(here, '../../package.json'), 'utf8')).version,
  platform: process.platform,
  dialogs,
  actor: 'vendor',
  demoLanguage:
    values['demo-language'] === 'ja' || values['demo-language'] === 'en'
      ? values['demo-language']
      : undefined,
});
studio.start();
const handlers = createHandlers(studio);
const rendererDir = path.resolve(values.renderer!);
const eventStreams = new Set<ServerResponse>();

studio.on((event, payload) => {
  const data = `data: ${JSON.stringify({ event, payload })}\n\n`;
  for (const res of eventStreams) res.write(data);
});

const heldChannels = new Set<string>();

/** Resolves once the job a reply names has ended (its end is emitted before its state settles). */
function jobEnded(reply: unknown): Promise<void> {
  const value = (reply as { ok?: boolean; value?: unknown }).ok ? (reply as { value: unknown }).value : null;
  const jobId = value && typeof value === 'object' && 'jobId' in value ? String(value.jobId) : null;
  if (!jobId) return Promise.resolve();
  return new Promise((resolve) => {
    const ended = () => {
      const state = studio.jobs.get(jobId);
      return !state || state.status !== 'running';
    };
    if (ended()) return resolve();
    const stop = studio.jobs.onUpdate((state) => {
      if (state.id !== jobId || state.status === 'running') return;
      stop();
      // The update is written to the event streams by the listener registered before this one.
      setImmediate(resolve);
    });
  });
}

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        resolve(chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {});
      } catch (err) {
        reject(err);
      }
    });
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, value: unknown, close = false): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...(close ? { connection: 'close' } : {}),
  });
  res.end(JSON.stringify(value));
}

async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const p = url.pathname;
  if (req.method === 'POST' && p.startsWith('/__kotae/invoke/')) {
    const channel = decodeURIComponent(p.slice('/__kotae/invoke/'.length));
    let input: unknown;
    try {
      input = await readBody(req);
    } catch (err) {
      json(res, 200, {
        ok: false,
        error: { code: 'INVALID_INPUT', messageKey: 'errors:INVALID_INPUT', detail: (err as Error).message },
      });
      return;
    }
    const reply = await dispatch(handlers, channel, input, {
      onInternalError: (ch, err) => console.error(`[harness] ${ch} failed`, err),
    });
    if (heldChannels.has(channel)) await jobEnded(reply);
    json(res, 200, reply);
    return;
  }
  if (p === '/__kotae/events') {
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    eventStreams.add(res);
    req.on('close', () => eventStreams.delete(res));
    return;
  }
  if (p === '/__kotae/bridge.js') {
    res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(bridgeFor(mediaOrigin));
    return;
  }
  // Test controls: queue answers for the OS dialogs, and read what the app asked the OS to open.
  // Answered with `connection: close`: the spec's request client keeps a socket for its next call,
  // which may come after Node's keep-alive timeout (5 s) on a busy machine; the server then closes
  // that socket just as the client writes to it, and the call fails with ECONNRESET.
  if (req.method === 'POST' && p === '/__kotae/test/dialogs') {
    const body = (await readBody(req)) as Partial<DialogQueues>;
    for (const key of ['chooseFolder', 'chooseFiles', 'chooseSaveFile'] as const) {
      if (body[key]) (dialogs.queues[key] as unknown[]).push(...body[key]!);
    }
    json(res, 200, dialogs.queues, true);
    return;
  }
  // Holds the reply of a channel that starts a job until that job has ended and its last event
  // has gone out: the order a busy IPC can deliver them in, made certain (issue 17's fast job).
  if (req.method === 'POST' && p === '/__kotae/test/holdJobReplies') {
    const body = (await readBody(req)) as { channels?: string[] };
    heldChannels.clear();
    for (const name of body.channels ?? []) heldChannels.add(name);
    json(res, 200, { channels: [...heldChannels] }, true);
    return;
  }
  if (p === '/__kotae/test/opened') {
    json(
      res,
      200,
      {
        opened: dialogs.opened,
        shown: dialogs.shown,
        screenSettingsOpened: dialogs.screenSettingsOpened,
        dialogTitles: dialogs.titles,
        dialogFilterNames: dialogs.filterNames,
      },
      true,
    );
    return;
  }
  if (req.method === 'POST' && p === '/__kotae/test/screenAccess') {
    const body = (await readBody(req)) as { status: typeof dialogs.screenAccess };
    dialogs.screenAccess = body.status;
    json(res, 200, { status: dialogs.screenAccess }, true);
    return;
  }
  const response = serveApp(toFetchRequest(req, APP_ORIGIN));
  if (p === '/' || p === '/index.html') {
    // The CSP is in the page itself: the media origin here takes the place of kotae-media: there.
    const html = (await response.text()).replaceAll('kotae-media:', mediaOrigin);
    await sendFetchResponse(res, new Response(html, { status: response.status, headers: response.headers }));
    return;
  }
  await sendFetchResponse(res, response);
}

function serve(handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>) {
  return createServer((req, res) => {
    handler(req, res).catch((err: unknown) => {
      console.error('[harness]', err);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
}

const server = serve(route);
// The page's requests reuse sockets; a socket the server drops as idle just as the page writes to
// it fails that request. Keep idle sockets longer than a busy machine's pauses between calls.
server.keepAliveTimeout = 60_000;
const mediaServer = serve(async (req, res) => {
  await sendFetchResponse(res, serveMedia(toFetchRequest(req, MEDIA_ORIGIN)));
});
let mediaOrigin = '';
let serveMedia: (request: Request) => Response = () => new Response(null, { status: 503 });
const serveApp = appRequestHandler(rendererDir);

function listen(srv: ReturnType<typeof createServer>, port: number): Promise<string> {
  return new Promise((resolve) =>
    srv.listen(port, '127.0.0.1', () => {
      const address = srv.address();
      resolve(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
    }),
  );
}

const appOrigin = await listen(server, Number(values.port));
mediaOrigin = await listen(mediaServer, 0);
serveMedia = mediaRequestHandler(() => studio.library(), appOrigin);
// The fixture waits for this line.
console.log(`KOTAE_HARNESS_READY ${appOrigin} ${mediaOrigin}`);

async function shutdown(): Promise<void> {
  for (const res of eventStreams) res.end();
  server.close();
  mediaServer.close();
  await studio.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
