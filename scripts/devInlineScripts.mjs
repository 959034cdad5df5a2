// `npm run dev`: @vitejs/plugin-react injects an inline <script type="module"> (the React Refresh
// preamble) into index.html, which the page's own CSP (`script-src 'self'`) refuses: a blank window.
// Rather than loosen the CSP in development, this dev-only plugin serves each inline module script
// as a file of its own, in the same place in the page, so the development page runs under exactly the
// CSP the app ships. Build output is untouched (apply: 'serve').
import { createHash } from 'node:crypto';

const PREFIX = '/@kotae-inline/';

/** @returns {import('vite').Plugin} */
export function serveInlineScriptsAsFiles() {
  /** @type {Map<string, string>} */
  const scripts = new Map();
  return {
    name: 'kotae:serve-inline-scripts-as-files',
    apply: 'serve',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        // Our own index.html plus the tags Vite plugins add: no untrusted text reaches this.
        return html.replace(/<script type="module">([\s\S]*?)<\/script>/g, (_match, code) => {
          const url = `${PREFIX}${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
          scripts.set(url, code);
          return `<script type="module" src="${url}"></script>`;
        });
      },
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const code = req.url ? scripts.get(req.url) : undefined;
        if (code === undefined) return next();
        res.setHeader('content-type', 'text/javascript; charset=utf-8');
        res.setHeader('cache-control', 'no-store');
        res.end(code);
      });
    },
  };
}
