// The FAQ site's script: instant search (the app's own tokeniser, bundled in), keyboard navigation,
// video chapters, and links that work from file://. Bundled to ../site.js by
// `node scripts/build-faq-theme.mjs`; the site runs no other script and loads nothing from outside.
import { SearchClient, type SearchLoader, type SearchResult } from '../../../shared/faq/searchClient';
import type { BucketData, SearchMeta, StoreData } from '../../../shared/faq/searchFormat';
import { snippet, type Segment } from '../../../shared/faq/snippet';
import { cueAt, cuesFromData, type Cue } from '../../../shared/clips/webvtt';

declare global {
  interface Window {
    kotaeSearch: {
      meta(meta: SearchMeta): void;
      bucket(n: number, data: BucketData): void;
      store(n: number, data: StoreData): void;
    };
    /** For measurements (bench/faq.bench.ts): runs a query through the page's own search engine. */
    kotaeFaq: { search(query: string): Promise<SearchResult[]>; timings: number[]; ready: Promise<unknown> };
  }
}

const isFile = location.protocol === 'file:';

/** Folder URLs open their index.html on a web server; from the disk the file must be named. */
function pageHref(href: string): string {
  return isFile && /\/$/.test(href) ? `${href}index.html` : href;
}

function fixLinks(): void {
  if (!isFile) return;
  for (const a of document.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    const raw = a.getAttribute('href')!;
    if (/^[a-z]+:|^#|^\//i.test(raw)) continue;
    const [path, hash] = raw.split('#', 2) as [string, string | undefined];
    if (path === '' || path.endsWith('/') || path === '.' || path === '..')
      a.setAttribute(
        'href',
        `${path === '.' || path === '..' ? `${path}/` : path}index.html${hash ? `#${hash}` : ''}`,
      );
  }
}

// ---- index files, loaded as scripts (file:// allows scripts, not fetch) ----

const root = document.querySelector<HTMLElement>('[data-search]')?.dataset.root ?? '';
const waiting = new Map<string, (value: unknown) => void>();

window.kotaeSearch = {
  meta: (m) => waiting.get('meta')?.(m),
  bucket: (n, d) => waiting.get(`b${n}`)?.(d),
  store: (n, d) => waiting.get(`s${n}`)?.(d),
};

function loadScript<T>(key: string, src: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    waiting.set(key, (v) => {
      waiting.delete(key);
      resolve(v as T);
    });
    const s = document.createElement('script');
    s.src = root + src;
    s.async = true;
    s.onerror = () => {
      waiting.delete(key);
      reject(new Error(`could not load ${src}`));
    };
    s.onload = () => s.remove();
    document.head.append(s);
  });
}

const loader: SearchLoader = {
  // No version in the address: pages do not know it (they would all change at every edit), and
  // static hosts revalidate by ETag anyway.
  meta: () => loadScript<SearchMeta>('meta', 'search/meta.js'),
  bucket: (n, hash) => loadScript<BucketData>(`b${n}`, `search/b/${n}.js?v=${hash}`),
  store: (n, hash) => loadScript<StoreData>(`s${n}`, `search/s/${n}.js?v=${hash}`),
};
const client = new SearchClient(loader);
const timings: number[] = [];
let ready: Promise<unknown> | null = null;
/**
 * The document list is loaded once the page is idle, so the first keystroke finds it there; a
 * dry run of the query code (no files loaded) has the engine compiled by then too.
 */
const preload = () =>
  (ready ??= client
    .meta()
    .then(() => client.plan('画像を削除 image'))
    .then((plan) => snippet('画像を削除する image', plan))
    .catch(() => undefined));
window.kotaeFaq = {
  search: (q) => client.search(q),
  timings,
  get ready() {
    return preload();
  },
};

// ---- the search box ----

function renderSegments(into: HTMLElement, segments: readonly Segment[]): void {
  for (const s of segments) {
    if (s.hit) {
      const mark = document.createElement('mark');
      mark.textContent = s.text;
      into.append(mark);
    } else into.append(document.createTextNode(s.text));
  }
}

function setupSearch(box: HTMLElement): void {
  const input = box.querySelector<HTMLInputElement>('.search__input')!;
  const list = box.querySelector<HTMLUListElement>('.search__results')!;
  const status = box.querySelector<HTMLElement>('.search__status')!;
  let seq = 0;
  let active = -1;

  const options = () => [...list.querySelectorAll<HTMLLIElement>('.search__result')];
  const setActive = (i: number) => {
    const items = options();
    if (!items.length) return;
    active = (i + items.length) % items.length;
    items.forEach((li, k) => li.setAttribute('aria-selected', String(k === active)));
    input.setAttribute('aria-activedescendant', items[active]!.id);
    items[active]!.scrollIntoView({ block: 'nearest' });
  };
  const close = () => {
    list.hidden = true;
    list.replaceChildren();
    status.textContent = '';
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const show = (results: SearchResult[]) => {
    list.replaceChildren();
    active = -1;
    results.forEach((r, i) => {
      const li = document.createElement('li');
      li.className = 'search__result';
      li.id = `${list.id}-${i}`;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      const a = document.createElement('a');
      a.href = pageHref(root + r.path);
      a.tabIndex = -1;
      const title = document.createElement('span');
      title.className = 'search__title';
      title.lang = r.language;
      renderSegments(title, r.title);
      a.append(title);
      if (r.snippet.length) {
        const snippet = document.createElement('span');
        snippet.className = 'search__snippet';
        snippet.lang = r.language;
        renderSegments(snippet, r.snippet);
        a.append(snippet);
      }
      const meta = document.createElement('span');
      meta.className = 'search__meta';
      meta.textContent = [r.area, r.updated].filter(Boolean).join(' · ');
      a.append(meta);
      li.append(a);
      list.append(li);
    });
    const count = results.length;
    const d = box.dataset;
    const countText =
      count === 1 ? (d.countOne ?? '') : (d.countOther ?? '').replace('{count}', String(count));
    const partial = count > 0 && !results[0]!.complete;
    status.textContent = count ? (partial ? `${countText} · ${d.partial ?? ''}` : countText) : (d.none ?? '');
    list.hidden = count === 0;
    input.setAttribute('aria-expanded', String(count > 0));
    input.removeAttribute('aria-activedescendant');
  };

  const run = async () => {
    const query = input.value;
    const mine = ++seq;
    if (!query.trim()) {
      close();
      return;
    }
    const t0 = performance.now();
    try {
      const results = await client.search(query, 20);
      if (mine !== seq) return;
      show(results);
      const ms = performance.now() - t0;
      timings.push(ms);
      box.dataset.lastMs = ms.toFixed(2);
      box.dataset.lastQuery = query;
    } catch {
      if (mine !== seq) return;
      close();
      status.textContent = box.dataset.unavailable ?? '';
    }
  };

  input.addEventListener('input', () => void run());
  input.addEventListener('focus', () => void preload());
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive(active + 1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive(active - 1);
    } else if (e.key === 'Enter') {
      const items = options();
      const target = items[active >= 0 ? active : 0]?.querySelector('a');
      if (target) {
        e.preventDefault();
        location.href = target.href;
      }
    } else if (e.key === 'Escape') {
      if (input.value) {
        e.preventDefault();
        input.value = '';
      }
      close();
    }
  });
}

// ---- video chapters and step links ----

function seek(clipId: string, time: number): void {
  const video = document.querySelector<HTMLVideoElement>(`video[data-clip="${CSS.escape(clipId)}"]`);
  if (!video) return;
  video.currentTime = time;
  video.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  void video.play().catch(() => undefined);
}

/**
 * Captions from the page itself (a track file would not load from file://, see video.ts), drawn
 * as the bundle's viewer and the app's preview draw them: one line over the picture, the cue
 * current at the video's time (cueAt: [start, end)), after every seek. Chromium's own rendering
 * of a showing track kept the previous cue after a seek and showed two at a chapter boundary
 * (issue 17). The track stays, hidden, holding only the current cue, for assistive technology; in
 * the video's own fullscreen, where nothing of the page is drawn, it shows.
 */
function addCaptions(video: HTMLVideoElement): void {
  const cues = cuesFromData(video.dataset.captions);
  if (!cues.length) return;
  const stage = document.createElement('div');
  stage.className = 'video__stage';
  video.before(stage);
  stage.append(video);
  const line = document.createElement('div');
  line.className = 'video__caption';
  line.hidden = true;
  stage.append(line);
  const track = video.addTextTrack(
    'captions',
    video.dataset.captionsLabel ?? '',
    video.dataset.captionsLang ?? '',
  );
  track.mode = 'hidden';
  let shown: Cue | null = null;
  let trackCue: VTTCue | null = null;
  const show = () => {
    const mode = document.fullscreenElement === video ? 'showing' : 'hidden';
    if (track.mode !== mode) track.mode = mode;
    const cue = cueAt(cues, video.currentTime);
    if (cue === shown) return;
    shown = cue;
    // Each line of a cue is a line on screen; the text goes in as text, never as markup.
    line.replaceChildren(
      ...(cue?.text.split('\n') ?? []).map((text) => {
        const span = document.createElement('span');
        span.className = 'video__caption-line';
        span.textContent = text;
        return span;
      }),
    );
    line.hidden = !cue;
    if (trackCue) track.removeCue(trackCue);
    trackCue = null;
    if (cue) {
      try {
        trackCue = new VTTCue(cue.startS, cue.endS, cue.text);
        track.addCue(trackCue);
      } catch {
        trackCue = null; // a cue the browser refuses still shows in the page's line
      }
    }
  };
  for (const name of ['timeupdate', 'seeking', 'seeked', 'loadedmetadata'])
    video.addEventListener(name, show);
  document.addEventListener('fullscreenchange', show);
  show();
}

function setupVideos(): void {
  document.addEventListener('click', (e) => {
    const link = (e.target as Element).closest<HTMLAnchorElement>('a[data-seek], a.step-video[data-time]');
    if (!link) return;
    const clip = /#clip-(\d+)/.exec(link.getAttribute('href') ?? '');
    if (!clip) return;
    e.preventDefault();
    seek(clip[1]!, Number(link.dataset.seek ?? link.dataset.time ?? 0));
  });
  for (const video of document.querySelectorAll<HTMLVideoElement>('video[data-clip]')) {
    addCaptions(video);
    const links = [
      ...document.querySelectorAll<HTMLAnchorElement>(`#clip-${video.dataset.clip} a[data-seek]`),
    ];
    video.addEventListener('timeupdate', () => {
      let current: HTMLAnchorElement | null = null;
      for (const a of links) if (Number(a.dataset.seek) <= video.currentTime + 0.05) current = a;
      for (const a of links) a.setAttribute('aria-current', String(a === current));
    });
  }
}

function start(): void {
  fixLinks();
  if (document.querySelector('[data-search]')) {
    if ('requestIdleCallback' in window) requestIdleCallback(() => void preload(), { timeout: 1500 });
    else setTimeout(() => void preload(), 300);
  }
  document.querySelectorAll<HTMLElement>('[data-search]').forEach(setupSearch);
  setupVideos();
  // "/" jumps to the search box, as on most documentation sites.
  document.addEventListener('keydown', (e) => {
    const target = e.target as HTMLElement;
    if (e.key !== '/' || e.ctrlKey || e.metaKey || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    const input = document.querySelector<HTMLInputElement>('.search__input');
    if (input) {
      e.preventDefault();
      input.focus();
    }
  });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
