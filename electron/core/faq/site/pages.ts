import { html, type Html } from '../../../../shared/html/html';
import { layout, searchBox, type Chrome } from './layout';
import { href, paths } from './paths';

// The pages of the site, from the site model the publisher builds (titles already redacted).

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
): Html | null {
  if (!answers.length) return null;
  return html`<ul class="answer-list">${answers.map(
    (a) =>
      html`<li><a href="${href(from, a.path)}"${a.language ? html` lang="${a.language}"` : null}>${a.title}</a>${
        withSummary && a.summary
          ? html`<p class="answer-list__summary"${a.language ? html` lang="${a.language}"` : null}>${a.summary}</p>`
          : null
      }<span class="answer-list__meta">${t('updated')} <time datetime="${a.updated}">${a.updated}</time></span></li>`,
  )}</ul>`;
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
  const cards = topics.map((topic) => {
    const top = topic.answerIds
      .map((id) => answers.get(id)!)
      .sort(byUpdated)
      .slice(0, 4);
    return html`<li class="topic-card"><a class="topic-card__title" href="${href(path, topic.path)}">${topic.title}</a>
<span class="topic-card__count">${t('answers', { count: topic.answerIds.length })}</span>
${topic.description ? html`<p>${topic.description}</p>` : null}
${answerList(path, top, t)}</li>\n`;
  });
  const recent = [...answers.values()].sort(byUpdated).slice(0, 8);
  const body = html`<section class="hero">
<h1>${t('heroTitle')}</h1>
${productName ? html`<p class="hero__text">${t('heroText', { product: productName })}</p>` : null}
${searchBox(chrome, path, true)}
</section>
${topics.length ? html`<section class="topics" aria-labelledby="topics-h"><h2 id="topics-h">${t('topics')}</h2><ul class="topic-grid">${cards}</ul></section>` : null}
${recent.length ? html`<section class="recent" aria-labelledby="recent-h"><h2 id="recent-h">${t('recent')}</h2>${answerList(path, recent, t, true)}</section>` : null}
<p class="all-link"><a href="${href(path, paths.answers)}">${t('allAnswers')} →</a></p>`;
  return layout(chrome, {
    path,
    title: chrome.siteTitle,
    description: t('heroText', { product: productName }),
    body,
    heroSearch: true,
    wide: true,
  });
}

function crumbs(chrome: Chrome, path: string, trail: { title: string; path: string }[]): Html {
  const items = [{ title: chrome.t('home'), path: paths.home }, ...trail];
  return html`<nav class="crumbs" aria-label="breadcrumb"><ol>${items.map(
    (c) => html`<li><a href="${href(path, c.path)}">${c.title}</a></li>`,
  )}</ol></nav>`;
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
      ) => html`<section class="topic-section"><h2>${s.title}</h2>${s.description ? html`<p class="muted">${s.description}</p>` : null}
${answerList(path, s.answerIds.map((id) => answers.get(id)!).sort(byUpdated), t, true)}</section>\n`,
    );
  const body = html`${crumbs(chrome, path, [])}
<h1>${topic.title}</h1>
${topic.description ? html`<p class="lead">${topic.description}</p>` : null}
<p class="muted">${t('answers', { count: topic.answerIds.length })}</p>
${sections}`;
  return layout(chrome, { path, title: topic.title, description: topic.description, body });
}

export interface AnswerPageInput {
  answer: SiteAnswer;
  topic: SiteTopic | null;
  html: Html;
  videos: Html;
  /** "Checked with" (issue 22): the oldest version of the public version's steps, from its derived state. */
  checkedWith: string | null;
  related: readonly SiteAnswer[];
  /** "Did this solve your problem?" (issue 22), built by ./verdict.ts; null for none. */
  verdict?: Html | null;
}

export function answerPage(chrome: Chrome, input: AnswerPageInput): string {
  const { t } = chrome;
  const { answer, topic } = input;
  const path = answer.path;
  const meta = html`<span>${t('updated')} <time datetime="${answer.updated}">${answer.updated}</time></span>${
    input.checkedWith
      ? html`<span class="badge">${t('verifiedWith', { version: input.checkedWith })}</span>`
      : null
  }`;
  const related = input.related.length
    ? html`<aside class="related" aria-labelledby="related-h"><h2 id="related-h">${t('related')}</h2>${answerList(path, input.related, t)}</aside>`
    : null;
  const body = html`${crumbs(chrome, path, topic ? [{ title: topic.title, path: topic.path }] : [])}
<article class="answer" lang="${answer.language}">
<h1>${answer.title}</h1>
<p class="answer__meta">${meta}</p>
${input.videos}
<div class="answer__body">
${input.html}
</div>
${input.verdict}
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
  const sections = topics.map(
    (topic) =>
      html`<section class="topic-section"><h2><a href="${href(path, topic.path)}">${topic.title}</a></h2>${answerList(
        path,
        topic.answerIds.map((id) => answers.get(id)!).sort((a, b) => a.title.localeCompare(b.title)),
        t,
      )}</section>\n`,
  );
  const body = html`${crumbs(chrome, path, [])}<h1>${t('allAnswers')}</h1>
<p class="muted">${t('answers', { count: answers.size })}</p>
${sections}`;
  return layout(chrome, { path, title: t('allAnswers'), body });
}

export function notFoundPage(chrome: Chrome): string {
  const { t } = chrome;
  const body = html`<h1>${t('notFoundTitle')}</h1><p>${t('notFoundText')}</p>
<p><a href="./">${t('home')}</a></p>`;
  return layout(chrome, { path: paths.home, title: t('notFoundTitle'), body });
}

/** A page left at an answer's old address when its slug changed, pointing to the new one. */
export function movedPage(chrome: Chrome, from: string, to: string, title: string): string {
  const target = href(from, to);
  const body = html`<h1>${chrome.t('moved')}</h1><p><a href="${target}">${title}</a></p>`;
  return layout(chrome, {
    path: from,
    title,
    body,
    extraHead: html`<meta http-equiv="refresh" content="0; url=${target}">`,
  });
}

export function sitemapXml(
  siteUrl: string,
  entries: readonly { path: string; updated: string | null }[],
): string {
  const loc = (p: string) => (siteUrl ? siteUrl + p : p || './');
  return html`<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries.map((x) => html`<url><loc>${loc(x.path)}</loc>${x.updated ? html`<lastmod>${x.updated}</lastmod>` : null}</url>\n`)}</urlset>
`.value;
}
