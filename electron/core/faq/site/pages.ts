import { escapeHtml } from '../../../../shared/answers/renderHtml';
import { layout, searchBox, type Chrome } from './layout';
import { href, paths } from './paths';

// The pages of the site, from the site model the publisher builds (titles already redacted).

const e = escapeHtml;

export interface SiteAnswer {
  id: number;
  path: string;
  title: string;
  language: string;
  /** YYYY-MM-DD */
  updated: string;
  verifiedVersion: string | null;
  topicId: number | 'other';
  /** The first words of the (redacted) text, for descriptions and lists. */
  summary: string;
}

export interface SiteTopic {
  id: number | 'other';
  path: string;
  title: string;
  description: string;
  /** Operations of the area, each with its answers; answers linked to the area itself come first. */
  sections: { title: string; description: string; answerIds: number[] }[];
  answerIds: number[];
}

function answerList(
  from: string,
  answers: readonly SiteAnswer[],
  t: Chrome['t'],
  withSummary = false,
): string {
  if (!answers.length) return '';
  return `<ul class="answer-list">${answers
    .map(
      (a) =>
        `<li><a href="${href(from, a.path)}"${a.language ? ` lang="${e(a.language)}"` : ''}>${e(a.title)}</a>` +
        (withSummary && a.summary
          ? `<p class="answer-list__summary"${a.language ? ` lang="${e(a.language)}"` : ''}>${e(a.summary)}</p>`
          : '') +
        `<span class="answer-list__meta">${e(t('updated'))} <time datetime="${a.updated}">${a.updated}</time></span></li>`,
    )
    .join('')}</ul>`;
}

const byUpdated = (a: SiteAnswer, b: SiteAnswer) => b.updated.localeCompare(a.updated) || a.id - b.id;

export function homePage(
  chrome: Chrome,
  topics: readonly SiteTopic[],
  answers: ReadonlyMap<number, SiteAnswer>,
  productName: string,
): string {
  const { t } = chrome;
  const path = paths.home;
  const cards = topics
    .map((topic) => {
      const top = topic.answerIds
        .map((id) => answers.get(id)!)
        .sort(byUpdated)
        .slice(0, 4);
      return `<li class="topic-card"><a class="topic-card__title" href="${href(path, topic.path)}">${e(topic.title)}</a>
<span class="topic-card__count">${e(t('answers', { count: topic.answerIds.length }))}</span>
${topic.description ? `<p>${e(topic.description)}</p>` : ''}
${answerList(path, top, t)}</li>`;
    })
    .join('\n');
  const recent = [...answers.values()].sort(byUpdated).slice(0, 8);
  const body = `<section class="hero">
<h1>${e(t('heroTitle'))}</h1>
${productName ? `<p class="hero__text">${e(t('heroText', { product: productName }))}</p>` : ''}
${searchBox(chrome, path, true)}
</section>
${topics.length ? `<section class="topics" aria-labelledby="topics-h"><h2 id="topics-h">${e(t('topics'))}</h2><ul class="topic-grid">${cards}</ul></section>` : ''}
${recent.length ? `<section class="recent" aria-labelledby="recent-h"><h2 id="recent-h">${e(t('recent'))}</h2>${answerList(path, recent, t, true)}</section>` : ''}
<p class="all-link"><a href="${href(path, paths.answers)}">${e(t('allAnswers'))} →</a></p>`;
  return layout(chrome, {
    path,
    title: chrome.siteTitle,
    description: t('heroText', { product: productName }),
    body,
    heroSearch: true,
    wide: true,
  });
}

function crumbs(chrome: Chrome, path: string, trail: { title: string; path: string }[]): string {
  const items = [{ title: chrome.t('home'), path: paths.home }, ...trail];
  return `<nav class="crumbs" aria-label="breadcrumb"><ol>${items
    .map((c) => `<li><a href="${href(path, c.path)}">${e(c.title)}</a></li>`)
    .join('')}</ol></nav>`;
}

export function topicPage(
  chrome: Chrome,
  topic: SiteTopic,
  answers: ReadonlyMap<number, SiteAnswer>,
): string {
  const { t } = chrome;
  const path = topic.path;
  const sections = topic.sections
    .filter((s) => s.answerIds.length)
    .map(
      (
        s,
      ) => `<section class="topic-section"><h2>${e(s.title)}</h2>${s.description ? `<p class="muted">${e(s.description)}</p>` : ''}
${answerList(path, s.answerIds.map((id) => answers.get(id)!).sort(byUpdated), t, true)}</section>`,
    )
    .join('\n');
  const body = `${crumbs(chrome, path, [])}
<h1>${e(topic.title)}</h1>
${topic.description ? `<p class="lead">${e(topic.description)}</p>` : ''}
<p class="muted">${e(t('answers', { count: topic.answerIds.length }))}</p>
${sections}`;
  return layout(chrome, { path, title: topic.title, description: topic.description, body });
}

export interface AnswerPageInput {
  answer: SiteAnswer;
  topic: SiteTopic | null;
  html: string;
  videos: string;
  related: readonly SiteAnswer[];
  /** "Did this solve your problem?" (issue 22), built by ./verdict.ts; '' for none. */
  verdict?: string;
}

export function answerPage(chrome: Chrome, input: AnswerPageInput): string {
  const { t } = chrome;
  const { answer, topic } = input;
  const path = answer.path;
  const meta = [
    `<span>${e(t('updated'))} <time datetime="${answer.updated}">${answer.updated}</time></span>`,
    answer.verifiedVersion
      ? `<span class="badge">${e(t('verifiedWith', { version: answer.verifiedVersion }))}</span>`
      : '',
  ].join('');
  const related = input.related.length
    ? `<aside class="related" aria-labelledby="related-h"><h2 id="related-h">${e(t('related'))}</h2>${answerList(path, input.related, t)}</aside>`
    : '';
  const body = `${crumbs(chrome, path, topic ? [{ title: topic.title, path: topic.path }] : [])}
<article class="answer" lang="${e(answer.language)}">
<h1>${e(answer.title)}</h1>
<p class="answer__meta">${meta}</p>
${input.videos}
<div class="answer__body">
${input.html}
</div>
${input.verdict ?? ''}
</article>
${related}`;
  return layout(chrome, { path, title: answer.title, description: answer.summary, body });
}

export function allAnswersPage(
  chrome: Chrome,
  topics: readonly SiteTopic[],
  answers: ReadonlyMap<number, SiteAnswer>,
): string {
  const { t } = chrome;
  const path = paths.answers;
  const sections = topics
    .map(
      (topic) =>
        `<section class="topic-section"><h2><a href="${href(path, topic.path)}">${e(topic.title)}</a></h2>${answerList(
          path,
          topic.answerIds.map((id) => answers.get(id)!).sort((a, b) => a.title.localeCompare(b.title)),
          t,
        )}</section>`,
    )
    .join('\n');
  const body = `${crumbs(chrome, path, [])}<h1>${e(t('allAnswers'))}</h1>
<p class="muted">${e(t('answers', { count: answers.size }))}</p>
${sections}`;
  return layout(chrome, { path, title: t('allAnswers'), body });
}

export function notFoundPage(chrome: Chrome): string {
  const { t } = chrome;
  const body = `<h1>${e(t('notFoundTitle'))}</h1><p>${e(t('notFoundText'))}</p>
<p><a href="./">${e(t('home'))}</a></p>`;
  return layout(chrome, { path: paths.home, title: t('notFoundTitle'), body });
}

/** A page left at an answer's old address when its slug changed, pointing to the new one. */
export function movedPage(chrome: Chrome, from: string, to: string, title: string): string {
  const target = href(from, to);
  const body = `<h1>${e(chrome.t('moved'))}</h1><p><a href="${e(target)}">${e(title)}</a></p>`;
  return layout(chrome, {
    path: from,
    title,
    body,
    extraHead: `<meta http-equiv="refresh" content="0; url=${e(target)}">`,
  });
}

export function sitemapXml(
  siteUrl: string,
  entries: readonly { path: string; updated: string | null }[],
): string {
  const loc = (p: string) => e(siteUrl ? siteUrl + p : p || './');
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries.map((x) => `<url><loc>${loc(x.path)}</loc>${x.updated ? `<lastmod>${x.updated}</lastmod>` : ''}</url>`).join('\n')}
</urlset>
`;
}
