import { useEffect, useMemo, useRef, useState } from 'react';
import { mailFrameCsp } from '@shared/security/mailFrameCsp';

const SHA256 = /^[0-9a-f]{64}$/;

/** Where media URLs point, as a CSP source: our own origin (harness) or our media scheme (Electron). */
function mediaSource(): string {
  const url = new URL(window.kotae.mediaUrl('0'.repeat(64)), window.location.href);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : url.protocol;
}

/**
 * The document a mail is shown in. The HTML was sanitised in the core; here its inline images are
 * pointed at the media store, in an inert DOMParser document (nothing in it loads or runs), and the
 * page gets a CSP of its own: images only from our media, no script, no connection, no frame.
 */
export function mailDocument(html: string): { srcDoc: string; blockedRemote: boolean } {
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
  for (const img of doc.querySelectorAll('img[data-media]')) {
    const sha = img.getAttribute('data-media') ?? '';
    if (SHA256.test(sha))
      img.setAttribute('src', new URL(window.kotae.mediaUrl(sha), window.location.href).href);
  }
  const blockedRemote = doc.querySelector('img[data-blocked="remote"]') !== null;
  const csp = mailFrameCsp(mediaSource());
  const style =
    'html{color-scheme:light}body{margin:0;padding:2px;font:14px/1.65 system-ui,"Noto Sans JP",sans-serif;color:#1f2328;background:#fff;overflow-wrap:anywhere}' +
    'img{max-width:100%;height:auto}img[data-blocked]{display:none}blockquote{margin:0 0 0 .8em;padding-left:.8em;border-left:3px solid #d0d7de;color:#57606a}' +
    'table{max-width:100%}pre{white-space:pre-wrap}';
  return {
    srcDoc: `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><style>${style}</style></head><body>${doc.body.innerHTML}</body></html>`,
    blockedRemote,
  };
}

/**
 * A mail's HTML in a sandboxed iframe: no allow-scripts (nothing in it can run), same origin only so
 * that we can read its height to show it without a scroll bar of its own.
 */
export function MailFrame({ html, title }: { html: string; title: string }) {
  const { srcDoc } = useMemo(() => mailDocument(html), [html]);
  const ref = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(60);
  useEffect(() => {
    const frame = ref.current;
    if (!frame) return;
    let observer: ResizeObserver | null = null;
    const measure = () => {
      const body = frame.contentDocument?.body;
      if (!body) return;
      setHeight(Math.min(4000, body.scrollHeight + 8));
      observer?.disconnect();
      observer = new ResizeObserver(() => setHeight(Math.min(4000, body.scrollHeight + 8)));
      observer.observe(body);
    };
    frame.addEventListener('load', measure);
    measure();
    return () => {
      frame.removeEventListener('load', measure);
      observer?.disconnect();
    };
  }, [srcDoc]);
  return (
    <iframe
      ref={ref}
      className="k-mail-frame"
      title={title}
      sandbox="allow-same-origin"
      srcDoc={srcDoc}
      style={{ height }}
      data-testid="mail-frame"
    />
  );
}
