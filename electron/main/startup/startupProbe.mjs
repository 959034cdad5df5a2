// Starts a built main bundle under plain Node against the recording stand-in for `electron`
// (fakeElectron.mjs), drives it through start-up, a few requests and quit, and prints one line:
// `STARTUP_REPORT {json}`. Exit code 1 when anything threw (at load, in `ready`, in a handler).
// Usage: node startupProbe.mjs <out/main/index.js> <user-data folder>
import { existsSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { pathToFileURL } from 'node:url';

const fakeUrl = new URL('./fakeElectron.mjs', import.meta.url).href;
registerHooks({
  resolve(specifier, context, next) {
    return specifier === 'electron' ? { url: fakeUrl, shortCircuit: true } : next(specifier, context);
  },
});
const fake = await import(fakeUrl);

const [mainFile, userData] = process.argv.slice(2);
process.env.KOTAE_USER_DATA = userData;
const problems = [];
process.on('uncaughtException', (err) => problems.push(`uncaught: ${err?.stack ?? err}`));
process.on('unhandledRejection', (err) => problems.push(`unhandled rejection: ${err?.stack ?? err}`));

async function until(what, test, ms = 20_000) {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const report = { problems };
try {
  await import(pathToFileURL(mainFile).href);
  fake.emitReady();
  await until('the window to load the page', () => fake.calls.some((c) => c.api === 'win.loadURL'));
  await until('the IPC handlers', () => fake.ipcHandlers.size > 0);

  const win = fake.windows[0];
  const page = fake.calls.find((c) => c.api === 'win.loadURL').args[0];
  report.loadUrl = page;
  report.webPreferences = win.options.webPreferences;
  report.preloadExists = existsSync(win.options.webPreferences?.preload ?? '');
  report.ipcChannels = [...fake.ipcHandlers.keys()].sort();
  report.calls = fake.calls.map((c) => ({
    api: c.api,
    afterReady: c.afterReady,
    ...(c.api === 'protocol.registerSchemesAsPrivileged' || c.api === 'protocol.handle'
      ? { args: c.args }
      : {}),
  }));

  // The page and its media, through the registered protocol handlers.
  const get = async (url, headers = {}) => {
    const scheme = new URL(url).protocol.slice(0, -1);
    const response = await fake.protocolHandlers.get(scheme)(new Request(url, { headers }));
    const body = response.body ? Buffer.from(await response.arrayBuffer()) : Buffer.alloc(0);
    return { status: response.status, headers: Object.fromEntries(response.headers), size: body.length };
  };
  report.appIndex = await get(page);
  report.appEscape = await get('kotae-app://app/..%2F..%2Fpackage.json');

  // IPC as the page calls it, and as a subframe or another page would.
  const invoke = (channel, frame, input = {}) => fake.ipcHandlers.get(channel)({ senderFrame: frame }, input);
  const ours = { parent: null, url: page };
  report.libraryState = await invoke('library:state', ours);
  report.appInfo = await invoke('app:info', ours);
  report.fromSubframe = await invoke('library:state', { parent: ours, url: page });
  report.fromElsewhere = await invoke('library:state', { parent: null, url: 'https://evil.example/' });

  // A media file: a 1×1 PNG stored as the page stores a pasted screenshot, then fetched as the page
  // fetches media (another origin: CORS; a range: 206).
  const png =
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
  const stored = await invoke('answers:storeImage', ours, { name: 'dot.png', dataBase64: png });
  report.storedImage = stored.ok;
  if (stored.ok)
    report.media = await get(`kotae-media://media/${stored.value.sha256}`, {
      range: 'bytes=0-9',
      origin: page,
    });

  // The security policy as wired into the web contents and the session.
  const navigate = (url, isMainFrame) => {
    let prevented = false;
    win.webContents.emit('will-frame-navigate', {
      url,
      isMainFrame,
      preventDefault: () => (prevented = true),
    });
    return !prevented;
  };
  report.navigation = {
    ownPage: navigate(`${page}#/answers`, true),
    remote: navigate('https://evil.example/', true),
    subframeRemote: navigate('https://evil.example/', false),
    subframeSrcdoc: navigate('about:srcdoc', false),
  };
  report.windowOpen = win.webContents.windowOpenHandler({ url: 'https://example.com/help' });
  const ask = (permission, details) =>
    new Promise((resolve) =>
      fake.sessionHandlers.permissionRequest(win.webContents, permission, resolve, details),
    );
  const main = { requestingUrl: page, isMainFrame: true };
  report.permissions = {
    media: await ask('media', main),
    clipboardWrite: await ask('clipboard-sanitized-write', main),
    fullscreen: await ask('fullscreen', main),
    geolocation: await ask('geolocation', main),
    mediaFromSubframe: await ask('media', { requestingUrl: page, isMainFrame: false }),
    check: fake.sessionHandlers.permissionCheck(win.webContents, 'media', 'kotae-app://app', {
      isMainFrame: true,
    }),
  };
  report.displayMedia = await new Promise((resolve) =>
    fake.sessionHandlers.displayMedia({ frame: { url: page, parent: null } }, resolve),
  );
  report.displayMediaDenied = await new Promise((resolve) =>
    fake.sessionHandlers.displayMedia({ frame: { url: 'https://evil.example/', parent: null } }, resolve),
  );

  // Quit: running work is stopped and the library closed before the app quits.
  let prevented = false;
  fake.app.emit('before-quit', { preventDefault: () => (prevented = true) });
  await until('the app to quit', () => fake.calls.some((c) => c.api === 'app.quit'));
  report.quit = { waitedForClose: prevented };
} catch (err) {
  problems.push(`probe: ${err?.stack ?? err}`);
}
report.errorBoxes = fake.errorBoxes;
process.stdout.write(`STARTUP_REPORT ${JSON.stringify(report)}\n`);
process.exit(problems.length || fake.errorBoxes.length ? 1 : 0);
