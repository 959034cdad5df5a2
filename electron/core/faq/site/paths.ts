// Where each page of the site lives. Pages are folders with an index.html, so a static host serves
// them at clean addresses (answers/connect-a-custom-domain/); links are relative, so the site works
// from any folder, any host path, and file:// (where the site's script adds the index.html).

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,118}[a-z0-9])?$/;

/** The answer's stored slug, made safe for a path; an unusable slug falls back to the id. */
export function safeSlug(slug: string, id: number): string {
  const s = slug
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)
    .replace(/-+$/, '');
  return SLUG.test(s) ? s : `answer-${id}`;
}

export const paths = {
  home: '',
  answers: 'answers/',
  answer: (slug: string) => `answers/${slug}/`,
  topic: (id: number | 'other') => `topics/${id}/`,
};

/** The file of a page path: `answers/x/` → `answers/x/index.html`, `` → `index.html`. */
export function fileOf(pagePath: string): string {
  return `${pagePath}index.html`;
}

/** `../` as many times as the page is deep, so links from it reach the site root. */
export function rootFrom(pagePath: string): string {
  return '../'.repeat(pagePath.split('/').filter(Boolean).length);
}

export function href(fromPage: string, toPath: string): string {
  return rootFrom(fromPage) + toPath || './';
}
