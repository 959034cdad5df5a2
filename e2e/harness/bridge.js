// Injected into the page by Playwright (addInitScript) in place of the Electron preload: the same
// window.kotae shape, spoken over HTTP to the harness server instead of IPC.
// The media origin (another port: media are cross-origin, as kotae-media:// is to kotae-app://) is
// filled in where `/*MEDIA_ORIGIN*/` stands, by e2e/harness/start.ts.
(() => {
  if (window.kotae || location.protocol !== 'http:') return;
  const mediaOrigin = /*MEDIA_ORIGIN*/ '';
  const listeners = new Map();
  let source = null;
  const files = new Map();
  function connect() {
    if (source) return;
    source = new EventSource('/__kotae/events');
    source.onmessage = (message) => {
      const { event, payload } = JSON.parse(message.data);
      for (const listener of listeners.get(event) ?? []) listener(payload);
    };
  }
  // Tests register the real path of a file they drop, standing in for Electron's webUtils.
  Object.defineProperty(window, '__kotaeHarness', { value: Object.freeze({ files }) });
  const bridge = {
    async invoke(channel, input) {
      const response = await fetch(`/__kotae/invoke/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input === undefined ? {} : input),
      });
      return response.json();
    },
    on(event, listener) {
      connect();
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event).add(listener);
      return () => listeners.get(event).delete(listener);
    },
    mediaUrl(sha256) {
      return `${mediaOrigin}/${encodeURIComponent(sha256)}`;
    },
    pathForFile(file) {
      return files.get(file.name) ?? '';
    },
  };
  Object.defineProperty(window, 'kotae', { value: Object.freeze(bridge) });
})();
