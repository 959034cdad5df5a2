// What `npm run bench -- ui-scale` runs inside the page. Plain JavaScript in a string: Playwright
// sends functions to the page as their source, and the TypeScript loader would leave helpers of its
// own in them. Every time is performance.now() in the page, from the click or keystroke until the
// DOM shows the result (checked at every DOM change and every frame) and the next frame begins.

export const PROBE_SOURCE = `(() => {
  const now = () => performance.now();
  function until(done, timeout = 120000) {
    return new Promise((resolve, reject) => {
      const start = now();
      let settled = false;
      const finish = (ok) => {
        settled = true;
        observer.disconnect();
        if (ok) requestAnimationFrame(() => resolve(now()));
        else reject(new Error('timed out waiting for ' + done));
      };
      const check = () => {
        if (settled) return;
        let ok = false;
        try { ok = !!done(); } catch { ok = false; }
        if (ok) finish(true);
        else if (now() - start > timeout) finish(false);
      };
      const observer = new MutationObserver(check);
      if (document.documentElement) observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
      const frame = () => { if (!settled) { check(); requestAnimationFrame(frame); } };
      frame();
    });
  }
  const norm = (s) => (s || '').normalize('NFKC').toLowerCase();
  const list = () => document.querySelector('[data-testid="question-list"]');
  const rows = () => [...document.querySelectorAll('[data-testid="question-list"] .k-list-item[data-testid^="question-"]')];
  const inView = (el, box) => { const r = el.getBoundingClientRect(); return r.top >= box.top && r.bottom <= box.bottom; };
  const firstRow = until(() => rows().length > 0);
  const setSearch = (input, value) => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  window.__kotaeProbe = {
    firstRow: () => firstRow,
    async openQuestion(n) {
      await until(() => rows().length > 0 && !list().querySelector('.is-loading'));
      if (n > 0 && n % 10 === 0) {
        list().scrollTop += list().clientHeight;
        await new Promise((r) => requestAnimationFrame(r));
        await until(() => !list().querySelector('.is-loading'));
      }
      const box = list().getBoundingClientRect();
      const candidates = rows().filter((r) => inView(r, box) && !r.classList.contains('is-selected'));
      const row = candidates[n % candidates.length];
      const subject = row.querySelector('.k-list-item__title').textContent;
      const t0 = now();
      row.click();
      const t1 = await until(() => {
        const detail = document.querySelector('[data-testid="question-detail"]');
        return detail && detail.querySelector('.k-detail__title').textContent === subject &&
          detail.querySelector('[data-testid="message-thread"] [data-testid="thread-message"]');
      });
      return t1 - t0;
    },
    async searchList(word) {
      const input = document.querySelector('[data-testid="screen-inbox"] input[type="search"]');
      if (input.value) {
        setSearch(input, '');
        await until(() => !document.querySelector('.k-list-search__results') && rows().length > 0);
      }
      const t0 = now();
      setSearch(input, word);
      const w = norm(word);
      const t1 = await until(() => [...document.querySelectorAll('.k-list-search__results .k-list-item mark')]
        .some((m) => { const t = norm(m.textContent); return t && (w.includes(t) || t.includes(w)); }));
      return t1 - t0;
    },
    async openScreen(name) {
      const kind = name === 'answers' ? 'answer' : 'customer';
      const link = document.querySelector('a[href="#/' + name + '"]');
      const t0 = now();
      link.click();
      const t1 = await until(() => document.querySelector('[data-testid="' + kind + '-list"] .k-list-item[data-testid^="' + kind + '-"]'));
      return t1 - t0;
    },
    async scrollThrough(oldestSubject) {
      await until(() => rows().length > 0);
      const el = list();
      const open = new Set();
      for (let step = 0; step < 100000; step++) {
        await until(() => !el.querySelector('.is-loading'));
        const seen = rows();
        for (const row of seen) if (row.dataset.group !== 'closed') open.add(row.dataset.testid);
        // The parts come in order: once a closed question is rendered, every open one was before it.
        if (seen.some((row) => row.dataset.group === 'closed')) break;
        if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) break;
        el.scrollTop += Math.floor(el.clientHeight * 0.9);
        await new Promise((r) => requestAnimationFrame(r));
      }
      let oldest = false;
      for (let i = 0; i < 20 && !oldest; i++) {
        el.scrollTop = el.scrollHeight;
        await new Promise((r) => requestAnimationFrame(r));
        await until(() => !el.querySelector('.is-loading'));
        oldest = rows().some((row) => row.querySelector('.k-list-item__title').textContent === oldestSubject);
      }
      return { open: open.size, oldest };
    },
  };
})();`;

export interface Reach {
  open: number;
  oldest: boolean;
}

/** A call of one of the probe's functions, as the expression page.evaluate runs. */
export function probeCall(
  name: 'firstRow' | 'openQuestion' | 'searchList' | 'openScreen' | 'scrollThrough',
  arg?: unknown,
): string {
  return `window.__kotaeProbe.${name}(${arg === undefined ? '' : JSON.stringify(arg)})`;
}
