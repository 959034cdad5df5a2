import { hash } from 'node:crypto';
import type { SiteWriter } from './output';
import type { Chrome } from './site/layout';
import {
  allAnswersPage,
  homePage,
  notFoundPage,
  sitemapXml,
  topicPage,
  type SiteAnswer,
  type SiteTopic,
} from './site/pages';
import { fileOf, paths } from './site/paths';

// What a publication remembers in the site's manifest, and the pages that list answers. A topic
// page is made again only when what it shows changed (its answers' titles, summaries, dates, the
// chrome): after one edit, one topic page of dozens (issue 20). The pages listing every answer are
// made each time; one whose content did not change is not rewritten by the writer.

export interface AnswerRecord {
  renderKey: string;
  searchKey: string;
  path: string;
  title: string;
  summary: string;
  language: string;
  media: { path: string; sha256: string; ext: string }[];
  /** Published text (title and redacted text), for the index-to-text figure. */
  textBytes: number;
  /** Hash of the redacted text: what the search index holds of the answer. */
  textHash: string;
}

export interface SiteState {
  version: number;
  probe: string;
  answers: Record<string, AnswerRecord>;
  /** Old page paths of answers whose slug changed → the answer id. */
  redirects: Record<string, number>;
  relatedKey: string;
  related: Record<string, number[]>;
}

/** Home, topics, all answers, 404 and the sitemap. */
export async function writeListPages(
  writer: SiteWriter<SiteState>,
  site: {
    chrome: Chrome;
    /** What the chrome (theme, vendor, language, labels) is made of: part of every page's input. */
    chromeKey: string;
    topics: SiteTopic[];
    answers: Map<number, SiteAnswer>;
    productName: string;
  },
): Promise<void> {
  const { chrome, topics, answers } = site;
  for (const topic of topics) {
    const file = fileOf(topic.path);
    const input = hash(
      'sha256',
      JSON.stringify([site.chromeKey, topic, topic.answerIds.map((id) => answers.get(id))]),
    );
    if (await writer.reusable(file, input)) writer.keep(file);
    else await writer.put(file, topicPage(chrome, topic, answers), input);
  }
  await writer.put('index.html', homePage(chrome, topics, answers, site.productName));
  await writer.put(fileOf(paths.answers), allAnswersPage(chrome, topics, answers));
  await writer.put('404.html', notFoundPage(chrome));
  await writer.put(
    'sitemap.xml',
    sitemapXml(chrome.siteUrl, [
      { path: paths.home, updated: null },
      { path: paths.answers, updated: null },
      ...topics.map((x) => ({ path: x.path, updated: null })),
      ...[...answers.values()].map((x) => ({ path: x.path, updated: x.updated })),
    ]),
  );
}
